import { z } from 'zod';
import { method } from './define';
import { Agency, Id, JobStarted } from './common';

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1255'] as const;
export const Encoding = z.enum(ENCODINGS);
export type Encoding = z.infer<typeof Encoding>;

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export const Delimiter = z.enum(DELIMITERS);
export type Delimiter = z.infer<typeof Delimiter>;

export const ReadOptions = z.object({
  encoding: Encoding.optional(),
  delimiter: Delimiter.optional(),
  /** XLSX: sheet name; CSV: ignored. */
  sheet: z.string().optional(),
  /** Rows before the header row (banners, titles); 0 when the header is the first row. */
  skipRows: z.number().int().min(0).max(1000).optional(),
});
export type ReadOptions = z.infer<typeof ReadOptions>;

export const ColumnWarning = z.object({
  column: z.string(),
  /** stored_as_number: an XLSX keeps these cells as numbers, so any leading zero was lost in Excel. */
  kind: z.enum([
    'short_codes',
    'scientific_notation',
    'date_like',
    'numeric_loss',
    'stored_as_number',
  ]),
  examples: z.array(z.string()).max(5),
  count: z.number().int(),
});
export type ColumnWarning = z.infer<typeof ColumnWarning>;

export const SCHEME_FIELDS = [
  'code',
  'parentCode',
  'level',
  'titleHe',
  'titleEn',
  'descriptionHe',
  'descriptionEn',
  'validFrom',
  'validTo',
  'status',
  'notes',
] as const;
export const SchemeField = z.enum(SCHEME_FIELDS);
export type SchemeField = z.infer<typeof SchemeField>;

export const CROSSWALK_FIELDS = [
  'sourceCode',
  'targetCode',
  'sourceTitle',
  'targetTitle',
  'relation',
  'share',
  'status',
  'justification',
  'confidence',
  'comment',
  'partialSource',
  'partialTarget',
  'author',
  'reviewer',
] as const;
export const CrosswalkField = z.enum(CROSSWALK_FIELDS);
export type CrosswalkField = z.infer<typeof CrosswalkField>;

/** Field name → column header in the file. */
export const SchemeColumnMap = z.partialRecord(SchemeField, z.string()).refine((m) => !!m.code, {
  message: 'A column must be mapped to the code.',
});
export const CrosswalkColumnMap = z
  .partialRecord(CrosswalkField, z.string())
  .refine((m) => !!m.sourceCode && !!m.targetCode, {
    message: 'Columns must be mapped to the source code and the target code.',
  });

export const Preview = z.object({
  stagedId: Id,
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx', 'sssom']),
  detected: z.object({
    encoding: Encoding.nullable(),
    delimiter: Delimiter.nullable(),
    sheets: z.array(z.string()),
    sheet: z.string().nullable(),
    hadBom: z.boolean(),
  }),
  headers: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  totalRows: z.number().int(),
  warnings: z.array(ColumnWarning),
  suggestedScheme: z.partialRecord(SchemeField, z.string()),
  suggestedCrosswalk: z.partialRecord(CrosswalkField, z.string()),
  /** SSSOM metadata block, when the file has one. */
  metadata: z.record(z.string(), z.unknown()).nullable(),
  /** For an SSSOM file: the workspace schemes its subject and object sources name, and its title. */
  suggestedTarget: z
    .object({ sourceSchemeId: Id, targetSchemeId: Id, title: z.string() })
    .partial()
    .optional(),
});
export type Preview = z.infer<typeof Preview>;

export const SchemeTarget = z.object({
  nameHe: z.string().min(1),
  nameEn: z.string().min(1),
  version: z.string().min(1),
  agency: Agency.nullable(),
});

export const CrosswalkTarget = z.union([
  z.object({ existingCrosswalkId: Id }),
  z.object({
    nameHe: z.string().min(1),
    nameEn: z.string().min(1),
    sourceSchemeId: Id,
    targetSchemeId: Id,
  }),
]);

export const ImportResult = z.object({
  kind: z.enum(['scheme', 'crosswalk']),
  id: Id,
  rows: z.number().int(),
  ms: z.number(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const importMethods = {
  /** Stages the bytes of a file the steward picked; nothing is written to the workspace yet. */
  'import.stage': method(
    z.object({ fileName: z.string().min(1).max(260), base64: z.string() }),
    z.object({ stagedId: Id, bytes: z.number().int() }),
  ),
  'import.preview': method(z.object({ stagedId: Id, options: ReadOptions.default({}) }), Preview),
  /** All or nothing: runs as a job; the job's result is an ImportResult or a validation error. */
  'import.commitScheme': method(
    z.object({
      stagedId: Id,
      options: ReadOptions.default({}),
      columns: SchemeColumnMap,
      scheme: SchemeTarget,
    }),
    JobStarted,
  ),
  'import.commitCrosswalk': method(
    z.object({
      stagedId: Id,
      options: ReadOptions.default({}),
      columns: CrosswalkColumnMap,
      crosswalk: CrosswalkTarget,
    }),
    JobStarted,
  ),
  'import.discard': method(z.object({ stagedId: Id }), z.null()),
};
