import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrosswalkVersion, Steward, VersionBlocker } from '../../../shared/contract';
import { errorText } from '../../app/errors';
import { rpc } from '../../app/rpc';
import { Ltr } from '../../ui/Bidi';
import { RelationshipType } from './MappingMetaCells';
import { VersionExportMenu } from './VersionExportMenu';

const blockersOf = (error: unknown): VersionBlocker[] | null => {
  const details = (error as { details?: { blockers?: VersionBlocker[] } } | null)?.details;
  return Array.isArray(details?.blockers) ? details.blockers : null;
};

function Blockers({ blockers }: { blockers: VersionBlocker[] }) {
  const { t } = useTranslation('versions');
  return (
    <div className="version-blockers" role="alert" data-testid="version-blockers">
      <strong>{t('approve.blocked')}</strong>
      <ul>
        {blockers.map((b) => (
          <li key={b.kind} data-testid={`blocker-${b.kind}`}>
            {t(`blocker.${b.kind}`, { count: b.count })}
            {b.examples.length > 0 && (
              <>
                {': '}
                {b.examples.map((e, i) => (
                  <span key={e}>
                    {i > 0 && ', '}
                    <Ltr className="code">{e}</Ltr>
                  </span>
                ))}
                {b.count > b.examples.length && '…'}
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One version: status, who froze and approved it, its GSIM metadata, and the approval action. */
export function VersionCard({
  version,
  steward,
  onChanged,
  latest,
}: {
  version: CrosswalkVersion;
  steward: Steward | null;
  /** The crosswalk's newest version. */
  latest: boolean;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation('versions');
  const [blockers, setBlockers] = useState<VersionBlocker[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const date = new Intl.DateTimeFormat(i18n.language === 'he' ? 'he-IL' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
  });
  const when = (iso: string) => <Ltr>{date.format(new Date(iso))}</Ltr>;
  const arrow = i18n.dir() === 'rtl' ? '←' : '→';
  const agency = (a: string) => t(`common:agency.${a}`, { defaultValue: a });

  const approvedByMine = !!steward && version.approvals.some((a) => a.agency === steward.agency);
  const cannot =
    !steward || steward.role === 'viewer'
      ? t('approve.needsSteward')
      : version.status !== 'frozen'
        ? t(`approve.not.${version.status}`)
        : approvedByMine
          ? t('approve.waitingOther')
          : null;

  // A version's blockers hold until its list is reloaded (a change to the crosswalk reloads it).
  // The newest version's are asked for at once, so Approve is never a click that can only be
  // refused (older ones on request: each check reads the whole version); the list itself shows
  // on "what blocks it?".
  const [known, setKnown] = useState<VersionBlocker[] | null>(null);
  useEffect(() => {
    setBlockers(null);
    setKnown(null);
    if (!latest || version.status !== 'frozen' || cannot !== null) return;
    let live = true;
    rpc
      .call('versions.blockers', { crosswalkId: version.crosswalkId, number: version.number })
      .then(
        (list) => live && setKnown(list),
        () => undefined,
      );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);
  const current = blockers ?? known;
  const blockedBy =
    current && current.length > 0
      ? `${t('approve.blocked')} ${current.map((b) => t(`blocker.${b.kind}`, { count: b.count })).join('; ')}`
      : null;

  const approve = async () => {
    setBusy(true);
    setError(null);
    setBlockers(null);
    try {
      await rpc.call('versions.approve', {
        crosswalkId: version.crosswalkId,
        number: version.number,
      });
      onChanged();
    } catch (e) {
      const list = blockersOf(e);
      if (list) setBlockers(list);
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const checkBlockers = async () => {
    setError(null);
    try {
      setBlockers(
        await rpc.call('versions.blockers', {
          crosswalkId: version.crosswalkId,
          number: version.number,
        }),
      );
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <li
      className={`version-card version-${version.status}`}
      data-testid="version-card"
      data-number={version.number}
    >
      <div className="version-card-head">
        <h3>
          {t('list.version', { number: version.number })}{' '}
          <span
            className={`version-status version-status-${version.status}`}
            data-testid="version-status"
          >
            {t(`status.${version.status}`)}
          </span>
        </h3>
        <span className="muted">{t('list.mappings', { count: version.mappingCount })}</span>
      </div>
      <dl className="version-meta">
        <dt>{t('meta.frozen')}</dt>
        <dd>
          {when(version.frozenAt)} · <bdi>{version.frozenBy.name}</bdi> (
          {agency(version.frozenBy.agency)})
        </dd>
        <dt>{t('meta.schemes')}</dt>
        <dd>
          <Ltr>{version.sourceSchemeVersion ?? '—'}</Ltr> {arrow}{' '}
          <Ltr>{version.targetSchemeVersion ?? '—'}</Ltr>
        </dd>
        <dt>{t('meta.relationshipType')}</dt>
        <dd data-testid="version-relationship">
          <RelationshipType value={version.relationshipType} />
        </dd>
        <dt>{t('meta.completeness')}</dt>
        <dd data-testid="version-completeness">{t(`completeness.${version.completeness}`)}</dd>
        <dt>{t('meta.valid')}</dt>
        <dd>
          <Ltr>{version.validFrom ?? '…'}</Ltr> – <Ltr>{version.validTo ?? '…'}</Ltr>
        </dd>
        <dt>{t('meta.approvals')}</dt>
        <dd data-testid="version-approvals">
          {(['ES', 'CBS'] as const).map((a) => {
            const approval = version.approvals.find((x) => x.agency === a);
            return (
              <span key={a} className={approval ? 'approval done' : 'approval pending'}>
                {agency(a)}:{' '}
                {approval ? (
                  <>
                    <bdi>{approval.name}</bdi> {when(approval.at)}
                  </>
                ) : (
                  t('meta.pending')
                )}
              </span>
            );
          })}
        </dd>
        {version.note && (
          <>
            <dt>{t('meta.note')}</dt>
            <dd className="auto-dir">
              <bdi>{version.note}</bdi>
            </dd>
          </>
        )}
      </dl>
      {version.status === 'frozen' && (
        <div className="version-actions">
          <button
            className="primary"
            data-testid="version-approve"
            disabled={busy || cannot !== null || blockedBy !== null}
            title={cannot ?? blockedBy ?? t('approve.hint')}
            onClick={() => void approve()}
          >
            {t('approve.button', { agency: steward ? agency(steward.agency) : '' })}
          </button>
          <button data-testid="version-check" onClick={() => void checkBlockers()}>
            {t('approve.check')}
          </button>
          {cannot && (
            <span className="muted" data-testid="approve-reason">
              {cannot}
            </span>
          )}
        </div>
      )}
      <VersionExportMenu version={version} />
      {blockers && blockers.length > 0 && <Blockers blockers={blockers} />}
      {blockers && blockers.length === 0 && (
        <p className="ok" role="status" data-testid="version-ready">
          {t('approve.ready')}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
