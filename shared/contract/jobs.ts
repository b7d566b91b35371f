import { z } from 'zod';
import { method } from './define';
import { Id } from './common';
import { RpcErrorBodySchema } from './rpc-error';

export const JobState = z.object({
  jobId: Id,
  kind: z.string(),
  phase: z.string(),
  done: z.number(),
  total: z.number().nullable(),
  status: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
  result: z.unknown().optional(),
  error: RpcErrorBodySchema.optional(),
});
export type JobState = z.infer<typeof JobState>;

export const jobMethods = {
  'jobs.get': method(z.object({ jobId: Id }), JobState),
  /** Resolves when the job ends, with its final state. */
  'jobs.wait': method(z.object({ jobId: Id }), JobState),
  'jobs.cancel': method(z.object({ jobId: Id }), JobState),
};

export const FileChunk = z.object({
  fileName: z.string(),
  mime: z.string(),
  base64: z.string(),
  offset: z.number().int(),
  totalBytes: z.number().int(),
});

export const fileMethods = {
  /** Reads back an exported file in chunks so the renderer can offer it as a download. */
  'files.read': method(
    z.object({
      fileId: Id,
      offset: z.number().int().min(0).default(0),
      length: z.number().int().min(1).max(16_777_216).default(8_388_608),
    }),
    FileChunk,
  ),
};
