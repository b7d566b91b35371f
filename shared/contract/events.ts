import { z } from 'zod';
import { JobState } from './jobs';

export const events = {
  'job.progress': JobState,
  'job.finished': JobState,
  /** Something changed that open views may want to refetch. */
  'workspace.changed': z.object({
    entity: z.enum(['crosswalk', 'scheme', 'profile', 'audit', 'workspace']),
    id: z.string().optional(),
  }),
};
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
