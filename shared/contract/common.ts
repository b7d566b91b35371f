import { z } from 'zod';

export const AGENCIES = ['ES', 'CBS'] as const;
export const Agency = z.enum(AGENCIES);
export type Agency = z.infer<typeof Agency>;

/** steward: decides mappings; lead: also manages schemes, crosswalks and versions; viewer: reads only. */
export const ROLES = ['steward', 'lead', 'viewer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const RELATIONS = ['exact', 'close', 'broader', 'narrower', 'related'] as const;
export const Relation = z.enum(RELATIONS);
export type Relation = z.infer<typeof Relation>;

export const MAPPING_STATUSES = ['proposed', 'approved', 'rejected', 'needs_discussion'] as const;
export const MappingStatus = z.enum(MAPPING_STATUSES);
export type MappingStatus = z.infer<typeof MappingStatus>;

export const JUSTIFICATIONS = ['manual', 'lexical_suggestion', 'inherited', 'imported'] as const;
export const Justification = z.enum(JUSTIFICATIONS);
export type Justification = z.infer<typeof Justification>;

/** Codes are text: leading zeros matter. Never a number. */
export const Code = z.string().min(1).max(64);

export const Id = z.string().min(1).max(64);
export const IsoTime = z.string();

export const Page = z.object({
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(1000),
});

export const SortDir = z.enum(['asc', 'desc']);
export const SortSpec = z.array(z.object({ colId: z.string(), dir: SortDir })).max(4);
export type SortSpec = z.infer<typeof SortSpec>;

export const Empty = z.object({}).strict();
export const Void = z.null();

export const ExportedFile = z.object({
  fileId: Id,
  fileName: z.string(),
  path: z.string(),
  mime: z.string(),
  bytes: z.number().int(),
  rows: z.number().int(),
});
export type ExportedFile = z.infer<typeof ExportedFile>;

export const JobStarted = z.object({ jobId: Id });
export type JobStarted = z.infer<typeof JobStarted>;
