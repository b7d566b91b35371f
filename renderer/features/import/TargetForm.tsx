import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCIES, type Agency, type Crosswalk, type Scheme } from '../../../shared/contract';
import { rpc } from '../../app/rpc';

export interface SchemeTargetDraft {
  nameHe: string;
  nameEn: string;
  version: string;
  agency: Agency | null;
}

export interface CrosswalkTargetDraft {
  mode: 'new' | 'append';
  nameHe: string;
  nameEn: string;
  sourceSchemeId: string;
  targetSchemeId: string;
  existingCrosswalkId: string;
}

export const schemeTargetReady = (d: SchemeTargetDraft) =>
  !!(d.nameHe.trim() && d.nameEn.trim() && d.version.trim());
export const crosswalkTargetReady = (d: CrosswalkTargetDraft) =>
  d.mode === 'append'
    ? !!d.existingCrosswalkId
    : !!(d.nameHe.trim() && d.nameEn.trim() && d.sourceSchemeId && d.targetSchemeId);

interface Names {
  nameHe: string;
  nameEn: string;
}

/** The Hebrew and English names every scheme and crosswalk carries, each typed in its own direction. */
function NameFields({
  testIdPrefix,
  names,
  onChange,
}: {
  testIdPrefix: string;
  names: Names;
  onChange(names: Names): void;
}) {
  const { t } = useTranslation('import');
  return (
    <>
      <label>
        {t('target.nameHe')} *
        <input
          dir="rtl"
          lang="he"
          data-testid={`${testIdPrefix}-name-he`}
          value={names.nameHe}
          onChange={(e) => onChange({ nameHe: e.target.value, nameEn: names.nameEn })}
        />
      </label>
      <label>
        {t('target.nameEn')} *
        <input
          dir="ltr"
          lang="en"
          data-testid={`${testIdPrefix}-name-en`}
          value={names.nameEn}
          onChange={(e) => onChange({ nameHe: names.nameHe, nameEn: e.target.value })}
        />
      </label>
    </>
  );
}

function SchemeSelect(props: {
  label: string;
  testId: string;
  schemes: Scheme[];
  value: string;
  onChange(schemeId: string): void;
}) {
  const { t, i18n } = useTranslation('import');
  return (
    <label>
      {props.label} *
      <select
        data-testid={props.testId}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">{t('target.chooseScheme')}</option>
        {props.schemes.map((s) => (
          <option key={s.id} value={s.id}>
            {schemeLabel(s, i18n.language)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function SchemeTargetForm({
  draft,
  onChange,
}: {
  draft: SchemeTargetDraft;
  onChange(d: SchemeTargetDraft): void;
}) {
  const { t } = useTranslation('import');
  return (
    <fieldset className="import-target" data-testid="import-scheme-target">
      <legend>{t('target.schemeTitle')}</legend>
      <NameFields
        testIdPrefix="import-scheme"
        names={draft}
        onChange={(n) => onChange({ ...draft, ...n })}
      />
      <label>
        {t('target.version')} *
        <input
          dir="ltr"
          data-testid="import-scheme-version"
          value={draft.version}
          onChange={(e) => onChange({ ...draft, version: e.target.value })}
        />
      </label>
      <label>
        {t('target.agency')}
        <select
          data-testid="import-scheme-agency"
          value={draft.agency ?? ''}
          onChange={(e) =>
            onChange({ ...draft, agency: (e.target.value || null) as Agency | null })
          }
        >
          <option value="">{t('target.noAgency')}</option>
          {AGENCIES.map((a) => (
            <option key={a} value={a}>
              {t(`common:agency.${a}`)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

function schemeLabel(s: Scheme, lang: string) {
  return `${lang === 'he' ? s.nameHe || s.nameEn : s.nameEn || s.nameHe} · ${s.version}`;
}

export function CrosswalkTargetForm({
  draft,
  onChange,
}: {
  draft: CrosswalkTargetDraft;
  onChange(d: CrosswalkTargetDraft): void;
}) {
  const { t, i18n } = useTranslation('import');
  const [schemes, setSchemes] = useState<Scheme[]>([]);
  const [crosswalks, setCrosswalks] = useState<Crosswalk[]>([]);
  const [loadError, setLoadError] = useState(false);
  useEffect(() => {
    void rpc.call('schemes.list', {}).then(setSchemes, () => setLoadError(true));
    void rpc.call('crosswalks.list', {}).then(setCrosswalks, () => setLoadError(true));
  }, []);
  const lang = i18n.language;
  return (
    <fieldset className="import-target" data-testid="import-crosswalk-target">
      <legend>{t('target.crosswalkTitle')}</legend>
      <div className="import-target-mode" role="radiogroup">
        <label className="radio">
          <input
            type="radio"
            name="cw-mode"
            data-testid="import-crosswalk-new"
            checked={draft.mode === 'new'}
            onChange={() => onChange({ ...draft, mode: 'new' })}
          />
          {t('target.newCrosswalk')}
        </label>
        <label className="radio">
          <input
            type="radio"
            name="cw-mode"
            data-testid="import-crosswalk-append"
            checked={draft.mode === 'append'}
            disabled={crosswalks.length === 0}
            onChange={() => onChange({ ...draft, mode: 'append' })}
          />
          {t('target.appendCrosswalk')}
        </label>
      </div>
      {loadError && <p className="error">{t('target.loadError')}</p>}
      {draft.mode === 'new' ? (
        <>
          <NameFields
            testIdPrefix="import-crosswalk"
            names={draft}
            onChange={(n) => onChange({ ...draft, ...n })}
          />
          <SchemeSelect
            label={t('target.sourceScheme')}
            testId="import-source-scheme"
            schemes={schemes}
            value={draft.sourceSchemeId}
            onChange={(id) => onChange({ ...draft, sourceSchemeId: id })}
          />
          <SchemeSelect
            label={t('target.targetScheme')}
            testId="import-target-scheme"
            schemes={schemes}
            value={draft.targetSchemeId}
            onChange={(id) => onChange({ ...draft, targetSchemeId: id })}
          />
          {schemes.length === 0 && !loadError && <p className="muted">{t('target.noSchemes')}</p>}
        </>
      ) : (
        <label>
          {t('target.existingCrosswalk')} *
          <select
            data-testid="import-existing-crosswalk"
            value={draft.existingCrosswalkId}
            onChange={(e) => onChange({ ...draft, existingCrosswalkId: e.target.value })}
          >
            <option value="">{t('target.chooseCrosswalk')}</option>
            {crosswalks.map((c) => (
              <option key={c.id} value={c.id}>
                {lang === 'he' ? c.nameHe || c.nameEn : c.nameEn || c.nameHe} ({c.counts.total})
              </option>
            ))}
          </select>
        </label>
      )}
    </fieldset>
  );
}
