import type { ICellRendererParams } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { DiffRow, RELATIONSHIP_TYPES, VersionMapping } from '../../../shared/contract';
import { mappingRelationshipType } from '../../../shared/domain/crosswalk/versions';
import { Ltr } from '../../ui/Bidi';

type RelationshipTypeValue =
  (typeof RELATIONSHIP_TYPES)[number] | NonNullable<ReturnType<typeof mappingRelationshipType>>;

/** A GSIM relationship type: "derived" in words, a cardinality (1:N, n:1…) as it is written. */
export function RelationshipType({ value }: { value: RelationshipTypeValue | null }) {
  const { t } = useTranslation('versions');
  if (value === null) return <>—</>;
  return value === 'derived' ? <>{t('relationship.derived')}</> : <Ltr>{value}</Ltr>;
}

/** The relationship type of the mapping as it is after the change (before it, if removed). */
export function RelationshipCell({ data }: ICellRendererParams<DiffRow>) {
  const m = data && (data.after ?? data.before);
  if (!m) return null;
  return (
    <span data-testid="diff-relationship">
      <RelationshipType value={mappingRelationshipType(m)} />
    </span>
  );
}

export interface ValidityCellParams {
  /** Which side of the diff is the draft, whose dates are set only when it is frozen. */
  fromDraft: boolean;
  toDraft: boolean;
}

function Range({ m, draft }: { m: VersionMapping; draft: boolean }) {
  const { t } = useTranslation('versions');
  if (draft) return <span className="muted">{t('diff.validAtFreeze')}</span>;
  // A rejected mapping is not part of the table: it holds at no time.
  if (m.status === 'rejected') return <>—</>;
  return (
    <>
      <Ltr>{m.validFrom ?? '…'}</Ltr> – <Ltr>{m.validTo ?? '…'}</Ltr>
    </>
  );
}

/**
 * When the mapping holds; when that changed, before on one line and → after on the next. The
 * range reads in the page's direction (from first), each date isolated left to right.
 */
export function ValidityCell({
  data,
  fromDraft,
  toDraft,
}: ICellRendererParams<DiffRow> & ValidityCellParams) {
  const { i18n } = useTranslation('versions');
  if (!data) return null;
  const { before, after } = data;
  const same =
    before &&
    after &&
    fromDraft === toDraft &&
    before.validFrom === after.validFrom &&
    before.validTo === after.validTo &&
    (before.status === 'rejected') === (after.status === 'rejected');
  const arrow = i18n.dir() === 'rtl' ? '←' : '→';
  return (
    <span className="version-validity" data-testid="diff-validity">
      {before && !same && (
        <span className={after ? 'before' : 'before removed'}>
          <Range m={before} draft={fromDraft} />
        </span>
      )}
      {after && (
        <span>
          {before && !same && <span aria-hidden>{arrow} </span>}
          <span className="after">
            <Range m={after} draft={toDraft} />
          </span>
        </span>
      )}
    </span>
  );
}
