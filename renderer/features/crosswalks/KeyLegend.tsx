import { useTranslation } from 'react-i18next';

const KEYS: [string[], string][] = [
  [['↑', '↓', 'J', 'K'], 'move'],
  [['Space'], 'select'],
  [['Shift+click', 'Ctrl+click'], 'multi'],
  [['A'], 'approve'],
  [['R'], 'reject'],
  [['D'], 'discuss'],
  [['E'], 'edit'],
  [['C'], 'comment'],
  [['N'], 'add'],
  [['Del'], 'remove'],
  [['1–5'], 'suggestions:keys.accept'],
  [['S'], 'suggestions:keys.next'],
  [['/'], 'search'],
  [['Ctrl+Z'], 'undo'],
  [['Ctrl+Y', 'Ctrl+Shift+Z'], 'redo'],
  [['Esc'], 'clear'],
];

export function KeyLegend() {
  const { t } = useTranslation('crosswalks');
  return (
    <footer className="key-legend" aria-label={t('keys.title')} data-testid="key-legend">
      {KEYS.map(([keys, action]) => (
        <span key={action} className="key-item">
          {keys.map((k) => (
            <kbd key={k}>{k}</kbd>
          ))}{' '}
          {t(action.includes(':') ? action : `keys.${action}`)}
        </span>
      ))}
    </footer>
  );
}
