import './approval.css';
import { useTranslation } from 'react-i18next';
import { AGENCIES, type MappingRow } from '../../../shared/contract';

const SYMBOL = { approve: '✓', reject: '✕', discuss: '?' } as const;

/**
 * Each agency's own decision on a mapping and who gave it: "ES ✓ Dana · CBS —". One <bdi> per
 * agency so names and symbols keep their order in right-to-left text.
 */
export function ApprovalsChip({ row }: { row: Pick<MappingRow, 'mappingId' | 'agencyDecisions'> }) {
  const { t } = useTranslation('approval');
  if (row.mappingId === null) return null;
  const parts = AGENCIES.map((agency) => ({
    agency,
    d: row.agencyDecisions.find((x) => x.agency === agency),
  }));
  const label = parts
    .map(({ agency, d }) =>
      t('chip.aria', {
        agency: t(`crosswalks:agencyShort.${agency}`),
        decision: t(`chip.${d?.decision ?? 'none'}`),
        name: d?.stewardName ?? '',
      }),
    )
    .join('; ');
  return (
    <span className="approvals-chip" data-testid="approvals-chip" title={label} aria-label={label}>
      {parts.map(({ agency, d }, i) => (
        <bdi
          key={agency}
          className={`agency-decision ${d?.decision ?? 'none'}`}
          data-agency={agency}
          data-decision={d?.decision ?? 'none'}
        >
          {i > 0 && <span className="sep muted"> · </span>}
          <span className="agency">{t(`crosswalks:agencyShort.${agency}`)}</span>{' '}
          <span aria-hidden>{d ? SYMBOL[d.decision] : '—'}</span>
          {d && (
            <>
              {' '}
              <span className="who">{d.stewardName}</span>
            </>
          )}
        </bdi>
      ))}
    </span>
  );
}
