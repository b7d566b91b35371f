import type { ItemWithPath } from '../../../shared/contract';
import { RpcError } from '../../../shared/rpc/errors';
import type { HandlerGroup, ServiceDeps } from '../backend/deps';
import { SchemeRepo } from '../repos/scheme-repo';

/** A scheme item with its ancestors, or not_found naming the scheme and code. */
export function itemWithPath(
  repo: SchemeRepo,
  schemeId: string,
  code: string,
): ItemWithPath | null {
  const item = repo.item(schemeId, code);
  if (!item) return null;
  const path = repo
    .ancestors(item)
    .map((a) => ({ code: a.code, level: a.level, titleHe: a.titleHe, titleEn: a.titleEn }));
  return { ...item, path };
}

export function schemeHandlers(
  deps: ServiceDeps,
): HandlerGroup<'schemes.list' | 'schemes.items' | 'schemes.item'> {
  const repo = new SchemeRepo(deps.db);
  const requireScheme = (id: string) => {
    if (!repo.byId(id)) throw new RpcError('not_found', `No scheme with id ${id}.`);
  };
  return {
    'schemes.list': () => repo.list(),
    'schemes.items': ({ schemeId, offset, limit, search, parentCode }) => {
      requireScheme(schemeId);
      return repo.items(schemeId, { offset, limit }, { search, parentCode });
    },
    'schemes.item': ({ schemeId, code }) => {
      requireScheme(schemeId);
      const item = itemWithPath(repo, schemeId, code);
      if (!item) throw new RpcError('not_found', `Scheme ${schemeId} has no code "${code}".`);
      return item;
    },
  };
}
