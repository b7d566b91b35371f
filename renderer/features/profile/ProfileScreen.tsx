import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCIES, ROLES, type Agency, type Role, type Steward } from '../../../shared/contract';
import { useApp } from '../../app/app-store';
import { errorText } from '../../app/errors';
import { rpc } from '../../app/rpc';

/** First start (and "switch user"): who is working, for which agency, in which role. */
export function ProfileScreen() {
  const { t } = useTranslation('profile');
  const setSteward = useApp((s) => s.setSteward);
  const [existing, setExisting] = useState<Steward[]>([]);
  const [name, setName] = useState('');
  const [agency, setAgency] = useState<Agency>('ES');
  const [role, setRole] = useState<Role>('steward');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void rpc.call('profile.list', {}).then(setExisting);
  }, []);

  const create = async () => {
    setError(null);
    try {
      setSteward(await rpc.call('profile.create', { name, agency, role }));
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <main className="profile-screen">
      <section className="card profile-card" aria-labelledby="profile-title">
        <h1 id="profile-title">{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <label>
            {t('name')}
            <input
              autoFocus
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              maxLength={120}
              name="name"
            />
          </label>
          <fieldset>
            <legend>{t('agency')}</legend>
            {AGENCIES.map((a) => (
              <label key={a} className="radio">
                <input
                  type="radio"
                  name="agency"
                  value={a}
                  checked={agency === a}
                  onChange={() => setAgency(a)}
                />
                {t(`common:agency.${a}`)}
              </label>
            ))}
          </fieldset>
          <label>
            {t('role')}
            <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`common:role.${r}`)}
                </option>
              ))}
            </select>
          </label>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <button type="submit" className="primary" disabled={!name.trim()}>
            {t('start')}
          </button>
        </form>
        {existing.length > 0 && (
          <div className="existing-profiles">
            <h2>{t('existing')}</h2>
            <ul>
              {existing.map((s) => (
                <li key={s.id}>
                  <button
                    onClick={() => void rpc.call('profile.select', { id: s.id }).then(setSteward)}
                  >
                    {s.name} · {t(`common:agency.${s.agency}`)} · {t(`common:role.${s.role}`)}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
    </main>
  );
}
