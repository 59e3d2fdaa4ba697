/**
 * The emulator's jobs, changeable while it serves (tests add, delete and move jobs mid-listing).
 * Every change bumps `version`, which invalidates the per-query result cache in listQuery.
 */

/** A job in the API's own shape (snake_case), as the list API returns it. */
export interface ApiJob {
  job_id: string;
  name: string;
  state: string;
  [field: string]: unknown;
}

/** A job plus what sorting and serializing need, computed once per change rather than per request. */
export interface StoredJob {
  readonly job: ApiJob;
  /** Insertion order: stands in for the asset library's order (`sort_key=asset_order`). */
  readonly seq: number;
  readonly createMs: number;
  readonly updateMs: number;
  /** The job's JSON text, so a page is a join of strings rather than a fresh stringify. */
  readonly json: string;
}

function timeMs(value: unknown): number {
  const ms = typeof value === "string" ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? 0 : ms;
}

function stored(job: ApiJob, seq: number): StoredJob {
  return { job, seq, createMs: timeMs(job.create_time), updateMs: timeMs(job.last_update_time), json: JSON.stringify(job) };
}

/** RFC 3339 in whole seconds, as the service writes its times. */
export function apiTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export class JobStore {
  private readonly jobs = new Map<string, StoredJob>();
  private nextSeq = 0;
  private changes = 0;

  constructor(initial: Iterable<ApiJob> = []) {
    for (const job of initial) this.jobs.set(job.job_id, stored(job, this.nextSeq++));
  }

  /** Increases on every change; cached query results of an older version are stale. */
  get version(): number {
    return this.changes;
  }

  get size(): number {
    return this.jobs.size;
  }

  /** Adds (or replaces) a job. Times default to now, like a job just created. */
  add(job: ApiJob): void {
    if (!job || typeof job.job_id !== "string" || typeof job.name !== "string" || typeof job.state !== "string") {
      throw new TypeError("a job needs string job_id, name and state");
    }
    const now = apiTime(Date.now());
    const complete: ApiJob = { create_time: now, last_update_time: now, ...job };
    const previous = this.jobs.get(job.job_id);
    this.jobs.set(job.job_id, stored(complete, previous?.seq ?? this.nextSeq++));
    this.changes++;
  }

  remove(jobId: string): boolean {
    const had = this.jobs.delete(jobId);
    if (had) this.changes++;
    return had;
  }

  /** Moves a job to another state, as the service does, touching last_update_time; `fields` change with it. */
  setState(jobId: string, state: string, fields: Readonly<Record<string, unknown>> = {}): void {
    const current = this.jobs.get(jobId);
    if (!current) throw new Error(`no job ${jobId} in the emulator`);
    const job: ApiJob = { ...current.job, ...fields, state, last_update_time: apiTime(Math.max(Date.now(), current.updateMs + 1000)) };
    this.jobs.set(jobId, stored(job, current.seq));
    this.changes++;
  }

  get(jobId: string): ApiJob | undefined {
    const s = this.jobs.get(jobId);
    return s && { ...s.job };
  }

  /** Copies of every job, in insertion order. */
  all(): ApiJob[] {
    return [...this.jobs.values()].map((s) => ({ ...s.job }));
  }

  /** The stored entries themselves, for the query engine (read-only by contract). */
  entries(): Iterable<StoredJob> {
    return this.jobs.values();
  }
}
