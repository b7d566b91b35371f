import { afterEach, describe, expect, it } from 'vitest';
import { RpcError } from '../../shared/rpc/errors';
import { ImportErrors } from '../../shared/domain/import/import-errors';
import { problemError } from '../../shared/domain/import/import-problem';
import i18n from '../i18n/i18n';
import { errorText } from './errors';

const LRI = '\u2066';
const FSI = '\u2068';
const PDI = '\u2069';

function validationError(fill: (e: ImportErrors) => void): RpcError {
  const errors = new ImportErrors('dupes.csv');
  fill(errors);
  try {
    errors.throwIfAny();
  } catch (e) {
    return e as RpcError;
  }
  throw new Error('expected a validation error');
}

afterEach(() => i18n.changeLanguage('he'));

describe('errorText', () => {
  it('words a refusal by its reason, the mapping as one left-to-right unit and its status by name', async () => {
    const error = new RpcError('conflict', '1130→1113 is already in this crosswalk (rejected).', {
      reason: 'duplicate_pair',
      mappingId: 7,
      sourceCode: '1130',
      targetCode: '1113',
      status: 'rejected',
    });
    await i18n.changeLanguage('he');
    expect(errorText(error)).toBe(
      `המיפוי ${LRI}1130→1113${PDI} כבר קיים בטבלה (נדחה); יש להחליט על המיפוי הקיים.`,
    );
    await i18n.changeLanguage('en');
    expect(errorText(error)).toBe(
      `${LRI}1130→1113${PDI} is already in this crosswalk (Rejected); decide that mapping instead.`,
    );
    const order = new RpcError('validation_failed', '"Valid to" is before "valid from".', {
      reason: 'version_dates_order',
      field: 'validTo',
      validFrom: '2026-01-01',
      validTo: '2025-01-01',
    });
    await i18n.changeLanguage('he');
    expect(errorText(order)).toBe(
      `תאריך סוף התוקף (${FSI}2025-01-01${PDI}) מוקדם מתאריך תחילת התוקף (${FSI}2026-01-01${PDI}).`,
    );
  });

  it('words a forbidden error with the role names of the page language', async () => {
    const error = new RpcError(
      'forbidden',
      'Avi has the role "viewer"; this needs "steward" or "lead".',
      {
        role: 'viewer',
        required: ['steward', 'lead'],
      },
    );
    await i18n.changeLanguage('he');
    expect(errorText(error)).toBe(
      'אין הרשאה: הפעולה דורשת תפקיד נאמן נתונים או אחראי, והתפקיד שלך הוא צופה.',
    );
    await i18n.changeLanguage('en');
    expect(errorText(error)).toBe(
      'Not allowed: this needs the role Data steward or Lead; your role is Viewer.',
    );
  });

  it('words an import problem in Hebrew with file, row, column and value isolated', async () => {
    await i18n.changeLanguage('he');
    const error = validationError((e) =>
      e.cell('duplicate_code', 3, 'code', 'a code not used before', '0110', { firstRow: 2 }),
    );
    const text = errorText(error);
    expect(text).toBe(
      `הנתונים אינם תקינים: קובץ ${LRI}dupes.csv${PDI}, שורה ${LRI}3${PDI}, עמודה ${FSI}code${PDI}: ` +
        `צפוי קוד שלא הופיע קודם (הוא כבר מופיע בשורה ${LRI}2${PDI}), נמצא ${LRI}0110${PDI}`,
    );
    expect(text).not.toMatch(/expected|found|row/);
  });

  it('says how many more problems there are and words a file-level one', async () => {
    await i18n.changeLanguage('he');
    const error = validationError((e) => {
      e.file('no_rows', 'there are no rows under the header');
      e.cell('code_required', 2, 'code', 'a code', '');
    });
    expect(errorText(error)).toBe(
      `הנתונים אינם תקינים: קובץ ${LRI}dupes.csv${PDI}: אין שורות מתחת לשורת הכותרת (ועוד בעיה אחת)`,
    );
  });

  it('words a preview read error (wrong encoding, old .xls) in the page language', async () => {
    const utf8 = problemError('import_failed', 'x.csv: The file is not valid UTF-8; …', {
      code: 'not_utf8',
      file: 'ענפים.csv',
    });
    await i18n.changeLanguage('he');
    expect(errorText(utf8)).toBe(
      `הייבוא נכשל ולא שינה דבר: קובץ ${LRI}ענפים.csv${PDI}: הקובץ אינו בקידוד UTF-8 תקין; יש לבחור קידוד אחר (למשל Windows-1255).`,
    );
    await i18n.changeLanguage('en');
    expect(errorText(utf8)).toBe(
      `The import failed and changed nothing: file ${LRI}ענפים.csv${PDI}: the file is not valid UTF-8; choose another encoding (for example Windows-1255).`,
    );
  });

  it('keeps the host message for an error without structured details', async () => {
    await i18n.changeLanguage('en');
    expect(errorText(new RpcError('not_found', 'no such mapping'))).toBe(
      'Not found: no such mapping',
    );
  });
});
