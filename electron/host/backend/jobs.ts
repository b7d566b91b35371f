import crypto from 'node:crypto';
import type { JobState } from '../../../shared/contract';
import { RpcError, toErrorBody } from '../../../shared/rpc/errors';
import type { Emit } from './emit';

export interface JobHandle {
  readonly id: string;
  progress(done: number, total: number | null, phase?: string): void;
  /** Throws `cancelled` when the steward asked to stop; call between chunks of work. */
  checkCancelled(): void;
  /** Yields to the event loop so that a cancel request can arrive. */
  yield(): Promise<void>;
}

interface JobRecord {
  state: JobState;
  cancelRequested: boolean;
  done: Promise<JobState>;
  lastEmit: number;
}

/** Long-running work in the backend thread: progress events, cancel, and a final state to wait for. */
export class JobRunner {
  private readonly jobs = new Map<string, JobRecord>();

  constructor(private readonly emit: Emit) {}

  start(kind: string, work: (job: JobHandle) => Promise<unknown>): string {
    const id = crypto.randomUUID();
    const state: JobState = {
      jobId: id,
      kind,
      phase: 'starting',
      done: 0,
      total: null,
      status: 'running',
    };
    const record: JobRecord = {
      state,
      cancelRequested: false,
      done: Promise.resolve(state),
      lastEmit: 0,
    };
    const handle: JobHandle = {
      id,
      progress: (done, total, phase) => {
        state.done = done;
        state.total = total;
        if (phase) state.phase = phase;
        const now = Date.now();
        if (now - record.lastEmit > 100) {
          record.lastEmit = now;
          this.emit('job.progress', { ...state });
        }
      },
      checkCancelled: () => {
        if (record.cancelRequested)
          throw new RpcError('cancelled', 'Cancelled by the steward; nothing was changed.');
      },
      yield: () => new Promise((resolve) => setImmediate(resolve)),
    };
    this.jobs.set(id, record);
    record.done = (async () => {
      await handle.yield();
      try {
        state.result = await work(handle);
        state.status = 'succeeded';
        state.phase = 'done';
      } catch (error) {
        const body = toErrorBody(error);
        state.status = body.code === 'cancelled' ? 'cancelled' : 'failed';
        state.error = body;
      }
      this.emit('job.finished', { ...state });
      return state;
    })();
    return id;
  }

  private record(jobId: string): JobRecord {
    const record = this.jobs.get(jobId);
    if (!record) throw new RpcError('not_found', `No job ${jobId}`);
    return record;
  }

  get(jobId: string): JobState {
    return { ...this.record(jobId).state };
  }

  async wait(jobId: string): Promise<JobState> {
    return { ...(await this.record(jobId).done) };
  }

  cancel(jobId: string): JobState {
    const record = this.record(jobId);
    if (record.state.status === 'running') record.cancelRequested = true;
    return { ...record.state };
  }
}
