import './versions.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrosswalkVersion } from '../../../shared/contract';
import { useApp } from '../../app/app-store';
import { errorText } from '../../app/errors';
import { rpc } from '../../app/rpc';
import { useModal } from '../../ui/use-modal';
import { DiffView } from './DiffView';
import { FreezeForm } from './FreezeForm';
import { VersionCard } from './VersionCard';
import { VersionMappingsView } from './VersionMappingsView';

type Tab = 'list' | 'mappings' | 'diff';

/** The versions of a crosswalk: freeze the draft, approve a version as a whole, list one's mappings, compare two. */
export function VersionsDialog({
  crosswalkId,
  onClose,
}: {
  crosswalkId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('versions');
  const steward = useApp((s) => s.steward);
  const [versions, setVersions] = useState<CrosswalkVersion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('list');
  const [revision, setRevision] = useState(0);

  const load = useCallback(async () => {
    try {
      setVersions(await rpc.call('versions.list', { crosswalkId }));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [crosswalkId]);

  useEffect(() => {
    void load();
  }, [load, revision]);

  useEffect(
    () =>
      rpc.on('workspace.changed', (e) => {
        if (e.entity === 'crosswalk' && (!e.id || e.id === crosswalkId)) setRevision((r) => r + 1);
      }),
    [crosswalkId],
  );

  const changed = () => setRevision((r) => r + 1);
  const box = useRef<HTMLDivElement>(null);
  useModal(box, onClose);

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={box}
        tabIndex={-1}
        className="modal card versions-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={t('title')}
        data-testid="versions-dialog"
      >
        <div className="versions-head">
          <h2>{t('title')}</h2>
          <div className="versions-tabs" role="tablist">
            {(['list', 'mappings', 'diff'] as const).map((k) => (
              <button
                key={k}
                role="tab"
                aria-selected={tab === k}
                className={tab === k ? 'active' : undefined}
                data-testid={`versions-tab-${k}`}
                onClick={() => setTab(k)}
              >
                {t(`tab.${k}`)}
              </button>
            ))}
          </div>
          <button data-testid="versions-close" onClick={onClose} aria-label={t('close')}>
            ✕
          </button>
        </div>
        <p className="muted">{t('intro')}</p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {!versions ? (
          <p className="muted">{t('common:loading')}</p>
        ) : tab === 'list' ? (
          <>
            <FreezeForm
              crosswalkId={crosswalkId}
              steward={steward}
              nextNumber={(versions[0]?.number ?? 0) + 1}
              onFrozen={changed}
            />
            {versions.length === 0 ? (
              <p className="muted" data-testid="versions-empty">
                {t('list.empty')}
              </p>
            ) : (
              <ol className="version-list" data-testid="version-list">
                {versions.map((v, i) => (
                  <VersionCard
                    key={v.id}
                    version={v}
                    steward={steward}
                    onChanged={changed}
                    latest={i === 0}
                  />
                ))}
              </ol>
            )}
          </>
        ) : tab === 'mappings' ? (
          <VersionMappingsView crosswalkId={crosswalkId} versions={versions} />
        ) : (
          <DiffView crosswalkId={crosswalkId} versions={versions} revision={revision} />
        )}
      </div>
    </div>
  );
}
