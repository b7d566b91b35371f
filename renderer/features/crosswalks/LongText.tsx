import { useState, type ElementType } from 'react';
import { useTranslation } from 'react-i18next';

/** Longer than this, a comment shows its start and a "show more" button. */
export const COLLAPSED_CHARS = 600;

/** A steward's text that may be long (an imported comment can be): collapsed to its start until asked. */
export function LongText({
  text,
  as: Tag = 'p',
  className,
  testId,
}: {
  text: string;
  as?: ElementType;
  className?: string;
  testId?: string;
}) {
  const { t } = useTranslation('crosswalks');
  const [open, setOpen] = useState(false);
  const long = text.length > COLLAPSED_CHARS;
  return (
    <Tag className={className} dir="auto" data-testid={testId}>
      {long && !open ? `${text.slice(0, COLLAPSED_CHARS).trimEnd()}…` : text}
      {long && (
        <>
          {' '}
          <button
            type="button"
            className="link long-text-toggle"
            aria-expanded={open}
            onClick={() => setOpen((o) => !o)}
            data-testid="long-text-toggle"
          >
            {open
              ? t('longText.less')
              : t('longText.more', { count: text.length - COLLAPSED_CHARS })}
          </button>
        </>
      )}
    </Tag>
  );
}

/** Clips a value shown inline (a grid cell, a tooltip) to a readable length. */
export function clipText(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max).trimEnd()}…` : text;
}
