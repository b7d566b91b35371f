import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditScreen } from '../features/audit/AuditScreen';
import { CrosswalkScreen } from '../features/crosswalks/CrosswalkScreen';
import { DiscussionScreen } from '../features/discussion/DiscussionSession';
import { ImportScreen } from '../features/import/ImportScreen';
import { ProfileScreen } from '../features/profile/ProfileScreen';
import { setLanguage, type Language } from '../i18n/i18n';
import { useApp, type View } from './app-store';
import { rpc, useConnection } from './rpc';

const VIEWS: View[] = ['crosswalks', 'import', 'audit'];

function TopBar() {
  const { t, i18n } = useTranslation();
  const { view, setView, steward, setSteward } = useApp();
  const status = useConnection((s) => s.status);
  const other: Language = i18n.language === 'he' ? 'en' : 'he';
  return (
    <header className="topbar">
      <div className="brand">
        <span className="logo" aria-hidden>
          ⌒
        </span>
        <strong>{t('appName')}</strong>
        <span className="muted tagline">{t('tagline')}</span>
      </div>
      {steward && (
        <nav aria-label="main">
          {VIEWS.map((v) => (
            <button
              key={v}
              className={v === view ? 'tab active' : 'tab'}
              aria-current={v === view ? 'page' : undefined}
              onClick={() => setView(v)}
            >
              {t(`nav.${v}`)}
            </button>
          ))}
        </nav>
      )}
      <div className="topbar-end">
        {status !== 'connected' && (
          <span className="status-pill warn">{t(`connection.${status}`)}</span>
        )}
        {steward && (
          <span className="steward-badge" data-testid="steward-badge">
            {steward.name} · {t(`agency.${steward.agency}`)} · {t(`role.${steward.role}`)}
          </span>
        )}
        {steward && (
          <button
            className="link"
            onClick={() => void rpc.call('profile.signOut', {}).then(() => setSteward(null))}
          >
            {t('actions.signOut')}
          </button>
        )}
        <button
          className="lang-toggle"
          onClick={() => setLanguage(other)}
          lang={other}
          title={t('language.label')}
        >
          {t('language.switchTo')}
        </button>
      </div>
    </header>
  );
}

function Toast() {
  const toast = useApp((s) => s.toast);
  if (!toast) return null;
  return (
    <div key={toast.at} role="status" aria-live="polite" className={`toast ${toast.kind}`}>
      {toast.text}
    </div>
  );
}

export function App() {
  const { loaded, steward, view, refreshInfo } = useApp();
  const { t } = useTranslation();
  useEffect(() => {
    void refreshInfo();
  }, [refreshInfo]);

  return (
    <div className="app">
      <TopBar />
      {!loaded ? (
        <main className="center muted">{t('loading')}</main>
      ) : !steward ? (
        <ProfileScreen />
      ) : view === 'crosswalks' ? (
        <CrosswalkScreen />
      ) : view === 'discussion' ? (
        <DiscussionScreen />
      ) : view === 'import' ? (
        <ImportScreen />
      ) : (
        <AuditScreen />
      )}
      <Toast />
    </div>
  );
}
