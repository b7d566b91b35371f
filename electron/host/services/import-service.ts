import { RpcError } from '../../../shared/rpc/errors';
import type { HandlerGroup, ServiceDeps } from '../backend/deps';

type ImportMethods = 'import.stage' | 'import.preview' | 'import.commitScheme' | 'import.commitCrosswalk' | 'import.discard';

const pending = (): never => {
  throw new RpcError('internal', 'pending');
};

export function importHandlers(_deps: ServiceDeps): HandlerGroup<ImportMethods> {
  return {
    'import.stage': pending,
    'import.preview': pending,
    'import.commitScheme': pending,
    'import.commitCrosswalk': pending,
    'import.discard': pending,
  };
}
