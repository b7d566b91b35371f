import type { HandlerGroup, ServiceDeps } from '../backend/deps';

export function jobHandlers(
  deps: ServiceDeps,
): HandlerGroup<'jobs.get' | 'jobs.wait' | 'jobs.cancel' | 'files.read'> {
  return {
    'jobs.get': ({ jobId }) => deps.jobs.get(jobId),
    'jobs.wait': ({ jobId }) => deps.jobs.wait(jobId),
    'jobs.cancel': ({ jobId }) => deps.jobs.cancel(jobId),
    'files.read': ({ fileId, offset, length }) => deps.files.read(fileId, offset, length),
  };
}
