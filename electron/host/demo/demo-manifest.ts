import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Agency, Id, Justification, MappingStatus } from '../../../shared/contract/common';
import { CrosswalkField, SchemeField } from '../../../shared/contract/imports';

/** resources/demo/manifest.json, written by scripts/build-demo-data.mjs. */
const DemoScheme = z.object({
  id: Id,
  prefix: z.string().min(1),
  uriBase: z.string().optional(),
  nameHe: z.string().min(1),
  nameEn: z.string().min(1),
  version: z.string().min(1),
  agency: Agency,
  source: z.string(),
  file: z.string().min(1),
  rows: z.number().int(),
  levels: z.record(z.string(), z.number().int()),
  columns: z.partialRecord(SchemeField, z.string()),
});

const DemoCrosswalk = z.object({
  id: Id,
  nameHe: z.string().min(1),
  nameEn: z.string().min(1),
  description: z.string(),
  sourceSchemeId: Id,
  targetSchemeId: Id,
  source: z.string(),
  file: z.string().min(1),
  rows: z.number().int(),
  defaults: z.object({ status: MappingStatus, justification: Justification }),
  columns: z.partialRecord(CrosswalkField, z.string()),
});

export const DemoManifest = z.object({
  format: z.literal(1),
  schemes: z.array(DemoScheme),
  crosswalks: z.array(DemoCrosswalk),
});
export type DemoManifest = z.infer<typeof DemoManifest>;

export function demoDir(resourcesDir: string): string {
  return path.join(resourcesDir, 'demo');
}

export function readDemoManifest(resourcesDir: string): DemoManifest {
  const file = path.join(demoDir(resourcesDir), 'manifest.json');
  return DemoManifest.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}
