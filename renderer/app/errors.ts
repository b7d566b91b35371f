import { RpcError } from '../../shared/rpc/errors';
import i18n from '../i18n/i18n';

/** A message in the user's language for any error a contract call can raise. */
export function errorText(error: unknown): string {
  if (error instanceof RpcError)
    return i18n.t(`common:errors.${error.code}`, { message: error.message });
  return i18n.t('common:errors.internal', {
    message: error instanceof Error ? error.message : String(error),
  });
}
