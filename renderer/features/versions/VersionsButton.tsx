import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VersionsDialog } from './VersionsDialog';

/** The crosswalk toolbar's way into its versions. */
export function VersionsButton({ crosswalkId }: { crosswalkId: string }) {
  const { t } = useTranslation('versions');
  const [open, setOpen] = useState(false);
  return (
    <>
      <button data-testid="open-versions" onClick={() => setOpen(true)} title={t('openHint')}>
        {t('open')}
      </button>
      {open && <VersionsDialog crosswalkId={crosswalkId} onClose={() => setOpen(false)} />}
    </>
  );
}
