import { useEffect, useState } from 'react';
import type { JobState } from '../../../shared/contract';
import { rpc } from '../../app/rpc';

/** Live state of a host job: progress events while it runs, then its final state from jobs.wait. */
export function useJob(jobId: string | null): JobState | null {
  const [state, setState] = useState<JobState | null>(null);
  useEffect(() => {
    if (!jobId) return;
    let ended = false;
    const apply = (s: JobState) => {
      if (s.jobId !== jobId || ended) return;
      if (s.status !== 'running') ended = true;
      setState(s);
    };
    const offProgress = rpc.on('job.progress', apply);
    const offFinished = rpc.on('job.finished', apply);
    // The final state is awaited as well, so a missed event cannot leave the wizard spinning.
    void rpc.call('jobs.wait', { jobId }).then(apply, () => undefined);
    void rpc.call('jobs.get', { jobId }).then(apply, () => undefined);
    return () => {
      ended = true;
      offProgress();
      offFinished();
    };
  }, [jobId]);
  return jobId && state?.jobId === jobId ? state : null;
}
