import { z } from 'zod';
import { method } from './define';
import { Agency, ExportedFile, Id, IsoTime, Page } from './common';

export const AuditEntry = z.object({
  id: z.number().int(),
  at: IsoTime,
  stewardId: Id,
  stewardName: z.string(),
  agency: Agency,
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  comment: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditFilter = z.object({
  stewardId: Id.optional(),
  agency: Agency.optional(),
  action: z.string().optional(),
  entityType: z.string().optional(),
  entityId: z.string().optional(),
  from: IsoTime.optional(),
  to: IsoTime.optional(),
  text: z.string().optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export const auditMethods = {
  'audit.list': method(
    Page.extend({ filter: AuditFilter.default({}) }),
    z.object({
      rows: z.array(AuditEntry),
      total: z.number().int(),
      /**
       * Blind mode applies to the viewer on some crosswalk, so entries of another agency's
       * decisions the viewer's agency has not made yet are left out. Never how many: that count
       * would tell what the other agency has been deciding.
       */
      blind: z.boolean().default(false),
    }),
  ),
  'audit.actions': method(z.object({}).strict(), z.array(z.string())),
  'audit.export': method(
    z.object({ filter: AuditFilter.default({}), format: z.enum(['csv', 'json']) }),
    ExportedFile,
  ),
};
