import { z } from 'zod';
import { method } from './define';
import { Agency, Code, Empty, Id, Page } from './common';

export const Scheme = z.object({
  id: Id,
  agency: Agency.nullable(),
  nameHe: z.string(),
  nameEn: z.string(),
  version: z.string(),
  levels: z.number().int(),
  source: z.string().nullable(),
  itemCount: z.number().int(),
  /** CURIE prefix used in SSSOM exports (stored, or derived from the English name and version). */
  prefix: z.string(),
  /** IRI base a code is appended to; null when the scheme has none published. */
  uriBase: z.string().nullable(),
});
export type Scheme = z.infer<typeof Scheme>;

export const SchemeItem = z.object({
  schemeId: Id,
  code: Code,
  parentCode: Code.nullable(),
  level: z.number().int(),
  titleHe: z.string().nullable(),
  titleEn: z.string().nullable(),
  descriptionHe: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  status: z.enum(['active', 'deprecated']),
  notes: z.string().nullable(),
  isLeaf: z.boolean(),
});
export type SchemeItem = z.infer<typeof SchemeItem>;

export const ItemWithPath = SchemeItem.extend({
  /** Ancestors from the top level down, not including the item itself. */
  path: z.array(SchemeItem.pick({ code: true, level: true, titleHe: true, titleEn: true })),
});
export type ItemWithPath = z.infer<typeof ItemWithPath>;

export const schemeMethods = {
  'schemes.list': method(Empty, z.array(Scheme)),
  'schemes.items': method(
    Page.extend({
      schemeId: Id,
      search: z.string().optional(),
      parentCode: Code.nullable().optional(),
    }),
    z.object({ rows: z.array(SchemeItem), total: z.number().int() }),
  ),
  'schemes.item': method(z.object({ schemeId: Id, code: Code }), ItemWithPath),
};
