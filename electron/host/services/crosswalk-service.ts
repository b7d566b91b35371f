import { RpcError } from '../../../shared/rpc/errors';
import type { HandlerGroup, ServiceDeps } from '../backend/deps';

type CrosswalkMethods =
  | 'crosswalks.list'
  | 'crosswalks.get'
  | 'crosswalks.rows'
  | 'crosswalks.detail'
  | 'crosswalks.checks'
  | 'crosswalks.decide'
  | 'crosswalks.addMapping'
  | 'crosswalks.removeMappings'
  | 'crosswalks.undo'
  | 'crosswalks.redo'
  | 'crosswalks.undoState'
  | 'crosswalks.export';

const pending = (): never => {
  throw new RpcError('internal', 'pending');
};

export function crosswalkHandlers(_deps: ServiceDeps): HandlerGroup<CrosswalkMethods> {
  return {
    'crosswalks.list': () => [],
    'crosswalks.get': pending,
    'crosswalks.rows': pending,
    'crosswalks.detail': pending,
    'crosswalks.checks': pending,
    'crosswalks.decide': pending,
    'crosswalks.addMapping': pending,
    'crosswalks.removeMappings': pending,
    'crosswalks.undo': pending,
    'crosswalks.redo': pending,
    'crosswalks.undoState': pending,
    'crosswalks.export': pending,
  };
}
