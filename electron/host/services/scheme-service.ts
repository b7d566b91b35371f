import { RpcError } from '../../../shared/rpc/errors';
import type { HandlerGroup, ServiceDeps } from '../backend/deps';

const pending = (): never => {
  throw new RpcError('internal', 'pending');
};

export function schemeHandlers(_deps: ServiceDeps): HandlerGroup<'schemes.list' | 'schemes.items' | 'schemes.item'> {
  return { 'schemes.list': () => [], 'schemes.items': pending, 'schemes.item': pending };
}
