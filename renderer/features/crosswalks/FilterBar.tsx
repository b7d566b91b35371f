import { forwardRef, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FILTER_STATUSES,
  RELATIONS,
  type FilterStatus,
  type Relation,
} from '../../../shared/contract';
import { useCrosswalks } from './crosswalk-store';
import { gridHandle } from './grid-handle';

function toggled<T>(list: T[] | undefined, value: T): T[] {
  const current = list ?? [];
  return current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
}

/** The search box (titles in Hebrew and English, and codes) and the status and relation toggles. */
export const FilterBar = forwardRef<HTMLInputElement>(function FilterBar(_props, searchRef) {
  const { t } = useTranslation('crosswalks');
  const filter = useCrosswalks((s) => s.filter);
  const patch = useCrosswalks((s) => s.patchFilter);
  const totalRows = useCrosswalks((s) => s.totalRows);
  const [search, setSearch] = useState(filter.search ?? '');

  useEffect(() => setSearch(filter.search ?? ''), [filter.search]);
  useEffect(() => {
    const timer = setTimeout(() => {
      if ((filter.search ?? '') !== search.trim()) patch({ search: search.trim() || undefined });
    }, 250);
    return () => clearTimeout(timer);
  }, [search, filter.search, patch]);

  const anyFilter = Object.keys(filter).length > 0;
  return (
    <div className="filter-bar">
      <input
        ref={searchRef}
        type="search"
        className="search-box"
        dir="auto"
        value={search}
        placeholder={t('filter.searchPlaceholder')}
        aria-label={t('filter.search')}
        title={t('filter.searchHint')}
        data-testid="search-box"
        onChange={(e) => setSearch(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === 'Escape') {
            e.preventDefault();
            const next = e.key === 'Escape' ? '' : search.trim();
            if (e.key === 'Escape') setSearch('');
            if ((filter.search ?? '') !== next) {
              gridHandle.focusAfterReload();
              patch({ search: next || undefined });
            } else {
              gridHandle.focus();
            }
          } else if (e.key === 'ArrowDown') {
            e.preventDefault();
            gridHandle.focus();
          }
        }}
      />
      <div className="toggle-group" role="group" aria-label={t('col.status')}>
        {FILTER_STATUSES.map((s: FilterStatus) => (
          <button
            key={s}
            className={`toggle status-toggle ${s}${filter.status?.includes(s) ? ' on' : ''}`}
            aria-pressed={!!filter.status?.includes(s)}
            onClick={() => {
              gridHandle.focusAfterReload();
              patch({ status: toggled(filter.status, s) });
            }}
            data-testid={`filter-status-${s}`}
          >
            {t(`status.${s}`)}
          </button>
        ))}
      </div>
      <div className="toggle-group" role="group" aria-label={t('col.relation')}>
        {RELATIONS.map((r: Relation) => (
          <button
            key={r}
            className={`toggle${filter.relation?.includes(r) ? ' on' : ''}`}
            aria-pressed={!!filter.relation?.includes(r)}
            onClick={() => {
              gridHandle.focusAfterReload();
              patch({ relation: toggled(filter.relation, r) });
            }}
            data-testid={`filter-relation-${r}`}
          >
            {t(`relation.${r}`)}
          </button>
        ))}
      </div>
      {anyFilter && (
        <button
          className="link"
          data-testid="filter-clear"
          onClick={() => {
            useCrosswalks.setState({ filter: {} });
            gridHandle.get()?.setFilterModel(null);
          }}
        >
          {t('filter.clear')}
        </button>
      )}
      <span className="row-count muted" data-testid="row-count" aria-live="polite">
        {totalRows === null
          ? ''
          : t('filter.rows', { count: totalRows, formatted: totalRows.toLocaleString() })}
      </span>
    </div>
  );
});
