import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/contract';
import { useApp } from '../../app/app-store';
import { errorText } from '../../app/errors';
import { rpc } from '../../app/rpc';
import { useCrosswalks } from './crosswalk-store';
import { downloadExport } from '../../ui/download-export';

/** Exports the approved mappings; the file is saved by the host and also offered as a download. */
export function ExportButtons({ crosswalkId }: { crosswalkId: string }) {
  const { t } = useTranslation('crosswalks');
  const showToast = useApp((s) => s.showToast);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [saved, setSaved] = useState<{ path: string; rows: number } | null>(null);
  const approved = useCrosswalks(
    (s) => s.crosswalks?.find((c) => c.id === crosswalkId)?.counts.approved ?? 0,
  );

  const run = async (format: ExportFormat) => {
    setBusy(format);
    try {
      const file = await rpc.call('crosswalks.export', { crosswalkId, format });
      setSaved({ path: file.path, rows: file.rows });
      showToast('ok', t('export.saved', { rows: file.rows, path: file.path }));
      await downloadExport(file);
    } catch (error) {
      showToast('error', errorText(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="export-buttons" role="group" aria-label={t('export.title')}>
      <span className="bar-label" title={t('export.hint')}>
        {t('export.title')}
      </span>
      {EXPORT_FORMATS.map((format) => (
        <button
          key={format}
          onClick={() => void run(format)}
          disabled={busy !== null}
          title={t('export.buttonHint', { format: t(`export.format.${format}`), count: approved })}
          data-testid={`export-${format}`}
          aria-busy={busy === format}
        >
          {busy === format ? '…' : t(`export.format.${format}`)}
        </button>
      ))}
      {saved && (
        <span className="export-path muted" data-testid="export-path" title={saved.path}>
          <bdi dir="ltr">{saved.path}</bdi>
        </span>
      )}
    </div>
  );
}
