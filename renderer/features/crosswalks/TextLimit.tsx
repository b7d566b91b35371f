import { useTranslation } from 'react-i18next';
import { COMMENT_MAX_LENGTH } from '../../../shared/contract';
import { Ltr } from '../../ui/Bidi';

/** Shown once a comment nears its limit: how many characters of COMMENT_MAX_LENGTH are used. */
export function TextLimit({ length }: { length: number }) {
  const { t } = useTranslation('crosswalks');
  if (length < COMMENT_MAX_LENGTH * 0.8) return null;
  const full = length >= COMMENT_MAX_LENGTH;
  return (
    <span
      className={`text-limit${full ? ' full' : ''}`}
      aria-live="polite"
      data-testid="text-limit"
      title={t('textLimit.hint', { max: COMMENT_MAX_LENGTH })}
    >
      <Ltr>
        {length.toLocaleString()} / {COMMENT_MAX_LENGTH.toLocaleString()}
      </Ltr>
    </span>
  );
}
