import { toCsv } from '../../../shared/domain/tabular/csv-write';
import type { HandlerGroup, ServiceDeps } from '../backend/deps';
import { AuditRepo } from '../repos/audit-repo';
import { blindViewer } from './blind-viewer';

const stamp = (iso: string) => iso.replace(/[:.]/g, '-');

export function auditHandlers(
  deps: ServiceDeps,
): HandlerGroup<'audit.list' | 'audit.actions' | 'audit.export'> {
  const repo = new AuditRepo(deps.db);
  /**
   * Blind mode applies to stewards and viewers (and to no session): a lead, who switches blind
   * mode and adjudicates, sees and exports the whole log.
   */
  const blindFor = (): string | undefined => {
    const viewer = blindViewer(deps.session, true);
    return viewer === undefined ? undefined : (viewer ?? '');
  };
  return {
    'audit.list': ({ filter, offset, limit }) => repo.page(filter, offset, limit, blindFor()),
    'audit.actions': () => repo.actions(),
    'audit.export': ({ filter, format }) => {
      deps.session.require();
      const entries = repo.all(filter, blindFor());
      const name = `gesher-audit-${stamp(deps.now())}.${format}`;
      if (format === 'json') {
        return deps.files.save(
          name,
          Buffer.from(JSON.stringify(entries, null, 2), 'utf8'),
          entries.length,
        );
      }
      const header = [
        'id',
        'at',
        'steward_id',
        'steward_name',
        'agency',
        'action',
        'entity_type',
        'entity_id',
        'before',
        'after',
        'comment',
      ];
      const rows = entries.map((e) => [
        e.id,
        e.at,
        e.stewardId,
        e.stewardName,
        e.agency,
        e.action,
        e.entityType,
        e.entityId,
        e.before === null ? null : JSON.stringify(e.before),
        e.after === null ? null : JSON.stringify(e.after),
        e.comment,
      ]);
      return deps.files.save(name, Buffer.from(toCsv(header, rows), 'utf8'), entries.length);
    },
  };
}
