import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EXPORT_FORMATS,
  type CrosswalkVersion,
  type ExportFormat,
  type ExportedFile,
} from '../../../shared/contract';
import { errorText } from '../../app/errors';
import { rpc } from '../../app/rpc';
import { Ltr } from '../../ui/Bidi';
import { downloadExport } from '../../ui/download-export';

/** Exports a frozen version's approved mappings; the host saves the file and it is offered as a download. */
export function VersionExportMenu({ version }: { version: CrosswalkVersion }) {
  const { t } = useTranslation('versions');
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [saved, setSaved] = useState<ExportedFile | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (format: ExportFormat) => {
    setBusy(format);
    setError(null);
    try {
      const file = await rpc.call('versions.export', {
        crosswalkId: version.crosswalkId,
        number: version.number,
        format,
      });
      setSaved(file);
      await downloadExport(file);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="version-export">
      <details className="version-export-menu">
        <summary data-testid="version-export" title={t('export.hint')}>
          {busy ? t('export.exporting') : t('export.button')}
        </summary>
        <div role="menu" className="version-export-items">
          {EXPORT_FORMATS.map((format) => (
            <button
              key={format}
              role="menuitem"
              data-testid={`version-export-${format}`}
              disabled={busy !== null}
              aria-busy={busy === format}
              onClick={() => void run(format)}
            >
              {t(`export.format.${format}`)}
            </button>
          ))}
        </div>
      </details>
      {saved && (
        <p className="muted" role="status" data-testid="version-export-path" title={saved.path}>
          {t('export.saved', { count: saved.rows })} <Ltr className="code">{saved.path}</Ltr>
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
