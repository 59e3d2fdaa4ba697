/**
 * Lists every job a filter matches (or up to a limit) with offset paging: the first page tells the
 * total, the rest are fetched concurrently.
 *
 * Offset paging shifts under you when jobs are created, deleted or (in update_time order) change
 * state mid-listing: a job can be served twice or skipped. So consecutive pages overlap by one job
 * and every page must agree on the total; a listing where a boundary job differs, a page comes back
 * short, the total moves, or a job repeats is thrown away and taken again. Only a listing that
 * passed every check is returned, so no job that existed throughout is missing and none is doubled.
 *
 * What the service says about itself is not believed blindly either: one listing holds at most
 * MAX_LISTING_JOBS jobs (a count of two billion is not planned page by page), pages are planned one
 * at a time as they are started, and a service whose answers contradict themselves (a count that
 * promises jobs its pages do not hold, the same way twice) is reported as such, not as drift.
 */
import { ListingContradictionError, ListingDriftError, ListingTooLargeError } from "./errors";
import { MAX_LISTING_BYTES, MAX_LISTING_JOBS } from "../schema/fields";

/** What the pager needs of a job: its id, to check page boundaries and duplicates. */
export interface Identified {
  job_id: string;
}

export interface PageResult<J extends Identified> {
  count: number;
  jobs: J[];
  /** The answer's X-Request-Id, quoted when the answers contradict themselves. */
  requestId?: string;
  /** Size of the answer, counted against the listing's bound on bytes. */
  bytes?: number;
  /**
   * The page's jobs as its caller encoded them as the page arrived, one entry per job (a front
   * end's serializer, so encoding overlaps the wait for the next page): kept with the jobs.
   */
  entries?: Uint8Array[];
}

/** A page the listing accepted: its jobs without the one it shares with the page before, and their entries. */
export interface AcceptedPage<J extends Identified> {
  jobs: J[];
  entries?: Uint8Array[];
}

/** Jobs `from` to `to` of a page, and their entries when it has them. */
function accept<J extends Identified>(page: PageResult<J>, from: number, to: number): AcceptedPage<J> {
  const whole = from === 0 && to === page.jobs.length;
  const jobs = whole ? page.jobs : page.jobs.slice(from, to);
  if (!page.entries) return { jobs };
  return { jobs, entries: whole ? page.entries : page.entries.slice(from, to) };
}

/** One page; `signal` aborts it when the listing it belongs to is given up. */
export type FetchPage<J extends Identified> = (offset: number, limit: number, signal: AbortSignal) => Promise<PageResult<J>>;

export interface ListOptions {
  offset: number;
  /** Most jobs to return in all; undefined for all of them. */
  limit?: number;
  pageSize: number;
  maxConcurrency: number;
  /** Listings to try before giving up on a list that keeps changing. */
  maxListings?: number;
  /** Most jobs one listing may hold (MAX_LISTING_JOBS unless given). */
  maxJobs?: number;
  /** Most bytes of answers one listing may take in (MAX_LISTING_BYTES unless given). */
  maxBytes?: number;
  onDrift?: (message: string) => void;
  /** Cancels the listing (the engine's Cancel): pages in flight are aborted with its reason. */
  signal?: AbortSignal;
}

export interface Listing<J extends Identified> {
  count: number;
  /**
   * Each page the listing accepted, in order, without the job it shares with the page before:
   * together the listing. Serializers use (or make) each page's entries.
   */
  pages: AcceptedPage<J>[];
  /** Requests made, over every listing taken. */
  requests: number;
  listings: number;
}

export interface PagePlan {
  offset: number;
  limit: number;
}

/**
 * The pages after the first, computed one at a time: each starts on the previous page's last job
 * when pages can overlap. Nothing is laid out up front, whatever the target.
 */
export function pagePlan(offset: number, target: number, pageSize: number): { count: number; at(i: number): PagePlan } {
  const overlap = pageSize >= 2 ? 1 : 0;
  const stride = pageSize - overlap;
  // Pages start at rel = stride * k (k >= 1) while rel + overlap < target.
  const count = Math.max(0, Math.ceil((target - overlap) / stride) - 1);
  return {
    count,
    at: (i) => {
      const rel = stride * (i + 1);
      return { offset: offset + rel, limit: Math.min(pageSize, target - rel) };
    },
  };
}

/**
 * Runs tasks with at most `bound` in flight; stops starting new ones once `stop()` says so or a
 * task fails. The first failure is thrown after the tasks in flight have settled.
 */
async function runBounded<T>(
  count: number,
  bound: number,
  task: (index: number) => Promise<T>,
  stop: () => boolean,
  onFailure: () => void,
): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < count && !failure && !stop()) {
      const i = next++;
      try {
        results[i] = await task(i);
      } catch (error) {
        if (!failure) {
          failure = { error };
          onFailure();
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(bound, count) }, worker));
  if (failure) throw failure.error;
  return results;
}

/**
 * Why a listing was thrown away. `contradiction` is set when one answer disagreed with itself (its
 * own count promised jobs it did not hold): drift changes from one listing to the next, this does not.
 */
interface Rejected {
  ok: false;
  reason: string;
  contradiction?: string;
  requests: number;
}

type Attempt<J extends Identified> = { ok: true; count: number; pages: AcceptedPage<J>[]; requests: number } | Rejected;

/** A page that holds fewer jobs than its own count says it should. */
function shortPage(page: PageResult<Identified>, offset: number, asked: number): Omit<Rejected, "ok" | "requests"> | undefined {
  const expected = Math.min(asked, Math.max(0, page.count - offset));
  if (page.jobs.length >= expected) return undefined;
  const rid = page.requestId ? ` (X-Request-Id: ${page.requestId})` : "";
  return {
    reason: `the page at offset ${offset} held ${page.jobs.length} jobs where its count of ${page.count} promised ${expected}${rid}`,
    // Not keyed by offset: with pages in flight at once, which short page answers first differs
    // from one listing to the next, and it is the same contradiction all the same.
    contradiction: `short pages under a count of ${page.count}`,
  };
}

async function listOnce<J extends Identified>(fetchPage: FetchPage<J>, opts: ListOptions): Promise<Attempt<J>> {
  // Aborts the pages still in flight once this listing is given up (a failed page, drift, Cancel):
  // a failed invoke must not keep loading the API, and after a 401 must not repeat it.
  const giveUp = new AbortController();
  const cancel = opts.signal;
  if (cancel?.aborted) throw cancel.reason;
  const onCancel = () => giveUp.abort(cancel!.reason);
  cancel?.addEventListener("abort", onCancel, { once: true });
  try {
    return await listPages(fetchPage, opts, giveUp);
  } finally {
    cancel?.removeEventListener("abort", onCancel);
  }
}

async function listPages<J extends Identified>(fetchPage: FetchPage<J>, opts: ListOptions, giveUp: AbortController): Promise<Attempt<J>> {
  const firstLimit = Math.min(opts.pageSize, opts.limit ?? opts.pageSize);
  const first = await fetchPage(opts.offset, firstLimit, giveUp.signal);
  const count = first.count;
  const target = Math.max(0, Math.min(opts.limit ?? Infinity, count - opts.offset));
  const maxJobs = opts.maxJobs ?? MAX_LISTING_JOBS;
  if (target > maxJobs) throw ListingTooLargeError.jobs(count, opts.offset, maxJobs);
  const maxBytes = opts.maxBytes ?? MAX_LISTING_BYTES;
  let bytes = first.bytes ?? 0;
  let received = first.jobs.length;
  const firstShort = shortPage(first, opts.offset, firstLimit);
  if (firstShort) return { ok: false, ...firstShort, requests: 1 };
  if (target <= firstLimit) {
    const page = accept(first, 0, target);
    // A job twice within one answer is that answer contradicting itself, not the list moving.
    const twice = repeated([page]);
    return twice ? { ok: false, reason: twice, contradiction: twice, requests: 1 } : { ok: true, count, pages: [page], requests: 1 };
  }

  const plan = pagePlan(opts.offset, target, opts.pageSize);
  const overlap = opts.pageSize >= 2 ? 1 : 0;
  let problem: Omit<Rejected, "ok" | "requests"> | undefined;
  let requests = 1;
  const pages = await runBounded(
    plan.count,
    opts.maxConcurrency,
    async (i) => {
      const { offset, limit } = plan.at(i);
      requests++;
      const page = await fetchPage(offset, limit, giveUp.signal);
      bytes += page.bytes ?? 0;
      received += page.jobs.length;
      if (bytes > maxBytes) throw ListingTooLargeError.bytes(maxBytes, received);
      if (page.count !== count) problem ??= { reason: `the total went from ${count} to ${page.count}` };
      else problem ??= shortPage(page, offset, limit);
      if (problem !== undefined) giveUp.abort(new Error(`listing abandoned: ${problem.reason}`));
      return page;
    },
    () => problem !== undefined,
    () => giveUp.abort(new Error("listing abandoned: a page failed")),
  ).catch((error: unknown) => {
    // Pages aborted because drift was found are not failures: the listing is taken again.
    if (problem !== undefined) return [];
    throw error;
  });
  if (problem) return { ok: false, ...problem, requests };

  const accepted: AcceptedPage<J>[] = [accept(first, 0, firstLimit)];
  let previous = accepted[0].jobs;
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i];
    const { offset, limit } = plan.at(i);
    if (overlap && page.jobs[0].job_id !== previous[previous.length - 1].job_id) {
      return { ok: false, reason: `the jobs shifted around offset ${offset}`, requests };
    }
    // The job shared with the page before was accepted there.
    const kept = accept(page, overlap, limit);
    accepted.push(kept);
    previous = kept.jobs;
  }
  const twice = repeated(accepted);
  return twice ? { ok: false, reason: twice, requests } : { ok: true, count, pages: accepted, requests };
}

/** Why a listing holds a job twice, if it does: within one page as much as across pages. */
function repeated(pages: ReadonlyArray<AcceptedPage<Identified>>): string | undefined {
  const seen = new Set<string>();
  for (const page of pages) {
    for (const job of page.jobs) {
      if (seen.has(job.job_id)) return `job ${job.job_id} was served twice`;
      seen.add(job.job_id);
    }
  }
  return undefined;
}

function jobIds(pages: ReadonlyArray<AcceptedPage<Identified>>): string[] {
  return pages.flatMap((page) => page.jobs.map((j) => j.job_id));
}

type Taken<J extends Identified> = { count: number; pages: AcceptedPage<J>[] };

function sameListing<J extends Identified>(a: Taken<J>, b: Taken<J>): boolean {
  const ids = jobIds(a.pages);
  const other = jobIds(b.pages);
  return a.count === b.count && ids.length === other.length && ids.every((id, i) => id === other[i]);
}

/**
 * Pages of one job cannot overlap, so with pageSize 1 a shift goes unseen within a listing; there
 * a listing is only returned when the next one agrees with it (twice the requests).
 */
export async function listJobs<J extends Identified>(fetchPage: FetchPage<J>, opts: ListOptions): Promise<Listing<J>> {
  const maxListings = opts.maxListings ?? 4;
  const confirmByRepeat = opts.pageSize < 2;
  let requests = 0;
  let last: Rejected | undefined;
  let unconfirmed: Taken<J> | undefined;
  for (let listing = 1; listing <= maxListings; listing++) {
    const attempt = await listOnce(fetchPage, opts);
    requests += attempt.requests;
    if (attempt.ok) {
      const done = { count: attempt.count, pages: attempt.pages, requests, listings: listing };
      if (!confirmByRepeat || attempt.requests === 1) return done;
      if (unconfirmed && sameListing(unconfirmed, attempt)) return done;
      const first = !unconfirmed;
      unconfirmed = attempt;
      if (first) continue;
      last = { ok: false, reason: "two listings with page size 1 disagreed", requests: 0 };
    } else {
      // The same contradiction twice is the service's, not a list moving under the listing.
      if (attempt.contradiction !== undefined && attempt.contradiction === last?.contradiction) {
        throw new ListingContradictionError(listing, attempt.reason);
      }
      last = attempt;
    }
    if (listing < maxListings)
      opts.onDrift?.(`the job list changed during the listing (${last.reason}); listing again (${listing + 1} of ${maxListings})`);
  }
  if (last?.contradiction !== undefined) throw new ListingContradictionError(maxListings, last.reason);
  throw new ListingDriftError(maxListings, last?.reason ?? "");
}
