/**
 * The lister's paging and drift checks, against an in-memory list that changes between requests
 * as a live service's would. (End-to-end paging over HTTP is in test/pulumi/listing.)
 */
import { listJobs, pagePlan, PageResult } from "../../provider/src/api/jobLister";
import { ListingContradictionError, ListingDriftError, ListingTooLargeError } from "../../provider/src/api/errors";
import type { ApiJob } from "../../provider/src/schema/trainingJob";
import { rejected } from "../support/rejected";

const job = (i: number): ApiJob => ({ job_id: `j${String(i).padStart(5, "0")}`, name: `n${i}`, state: "TRAINING" });

class LiveList {
  jobs: ApiJob[];
  requests: Array<{ offset: number; limit: number }> = [];
  beforeAnswer: (n: number) => void = () => undefined;
  constructor(n: number) {
    this.jobs = Array.from({ length: n }, (_, i) => job(i));
  }
  fetch = async (offset: number, limit: number): Promise<PageResult<ApiJob>> => {
    this.requests.push({ offset, limit });
    this.beforeAnswer(this.requests.length);
    await new Promise((r) => setImmediate(r));
    return { count: this.jobs.length, jobs: this.jobs.slice(offset, offset + limit) };
  };
}

const opts = { offset: 0, pageSize: 100, maxConcurrency: 4 };

const jobsOf = (listing: { pages: Array<{ jobs: ApiJob[] }> }) => listing.pages.flatMap((p) => p.jobs);

/** Every page of a plan, laid out (the pager itself only ever asks for one at a time). */
function planPages(offset: number, target: number, pageSize: number) {
  const plan = pagePlan(offset, target, pageSize);
  return Array.from({ length: plan.count }, (_, i) => plan.at(i));
}

describe("page plan", () => {
  test("overlaps consecutive pages by one job and covers exactly the target", () => {
    const plans = planPages(0, 250, 100);
    expect(plans).toEqual([
      { offset: 99, limit: 100 },
      { offset: 198, limit: 52 },
    ]);
  });
  test("without room to overlap (page size 1) it steps one by one", () => {
    expect(planPages(5, 3, 1)).toEqual([
      { offset: 6, limit: 1 },
      { offset: 7, limit: 1 },
    ]);
  });

  test("covers every target exactly, with or without overlap", () => {
    for (const pageSize of [1, 2, 3, 7, 100]) {
      for (let target = 0; target <= 400; target += 1 + (target % 13)) {
        const first = Math.min(pageSize, target);
        const covered = new Set(Array.from({ length: first }, (_, i) => i));
        for (const p of planPages(0, target, pageSize)) for (let j = 0; j < p.limit; j++) covered.add(p.offset + j);
        expect(covered.size).toBe(target);
        expect(Math.max(-1, ...covered)).toBe(target - 1);
      }
    }
  });

  test("is computed, not laid out: a target of two billion costs nothing to plan", () => {
    const plan = pagePlan(0, 2147483647, 100);
    expect(plan.count).toBe(21691753);
    expect(plan.at(plan.count - 1)).toEqual({ offset: 2147483547, limit: 100 });
  });
});

describe("listJobs", () => {
  test("returns the pages it accepted, each without the job it shares with the page before", async () => {
    const live = new LiveList(250);
    const listing = await listJobs(live.fetch, opts);
    expect(listing.pages.map((p) => p.jobs.length)).toEqual([100, 99, 51]);
    expect(listing.pages[1].jobs[0].job_id).toBe(live.jobs[100].job_id);
    expect(listing.pages.every((p) => p.entries === undefined)).toBe(true);
  });

  test("entries the fetcher made for each page come back sliced with the page's accepted jobs", async () => {
    const live = new LiveList(250);
    const listing = await listJobs(async (offset, limit) => {
      const page = await live.fetch(offset, limit);
      return { ...page, entries: page.jobs.map((j) => Buffer.from(j.job_id)) };
    }, opts);
    for (const page of listing.pages) expect(page.entries!.map((e) => Buffer.from(e).toString())).toEqual(page.jobs.map((j) => j.job_id));
  });

  test.each([0, 1, 99, 100, 101, 250, 1000])("returns all %i jobs once, in order", async (n) => {
    const live = new LiveList(n);
    const listing = await listJobs(live.fetch, opts);
    expect(listing.count).toBe(n);
    expect(jobsOf(listing).map((j) => j.job_id)).toEqual(live.jobs.map((j) => j.job_id));
  });

  test("limit caps the total, across pages (250 is three requests)", async () => {
    const live = new LiveList(1000);
    const listing = await listJobs(live.fetch, { ...opts, limit: 250, pageSize: 100 });
    expect(jobsOf(listing).map((j) => j.job_id)).toEqual(live.jobs.slice(0, 250).map((j) => j.job_id));
    expect(listing.count).toBe(1000);
    expect(live.requests.length).toBe(3);
  });

  test("offset starts the listing; a small page size pages further", async () => {
    const live = new LiveList(57);
    const listing = await listJobs(live.fetch, { ...opts, offset: 10, pageSize: 7 });
    expect(jobsOf(listing).map((j) => j.job_id)).toEqual(live.jobs.slice(10).map((j) => j.job_id));
  });

  test("page size 1 returns every job once, confirmed by a second listing", async () => {
    const live = new LiveList(5);
    const listing = await listJobs(live.fetch, { ...opts, pageSize: 1 });
    expect(jobsOf(listing).map((j) => j.job_id)).toEqual(live.jobs.map((j) => j.job_id));
    expect(live.requests).toHaveLength(10);
  });

  test("page size 1: a job deleted and one created mid-listing (same total) do not make one that stayed go missing", async () => {
    const live = new LiveList(4);
    const [a, b] = [live.jobs[0], live.jobs[1]];
    live.beforeAnswer = (n) => {
      // After the first page (A) is served: A goes, E comes at the end; B moves to offset 0.
      if (n === 2) live.jobs = [...live.jobs.filter((j) => j !== a), job(99)];
    };
    const drift: string[] = [];
    const listing = await listJobs(live.fetch, { ...opts, pageSize: 1, maxConcurrency: 1, onDrift: (m) => drift.push(m) });
    const ids = jobsOf(listing).map((j) => j.job_id);
    expect(ids).toContain(b.job_id);
    expect(ids).toEqual(live.jobs.map((j) => j.job_id));
    expect(drift.join()).toMatch(/page size 1 disagreed/);
  });

  test("the listing's signal (the engine's Cancel) aborts the pages in flight with its reason", async () => {
    const live = new LiveList(5_000);
    const cancel = new AbortController();
    let started = 0;
    const fetch = async (offset: number, limit: number, signal: AbortSignal) => {
      if (++started === 3) cancel.abort(new Error("the operation was cancelled"));
      await new Promise((r) => setTimeout(r, 10));
      if (signal.aborted) throw signal.reason;
      return live.fetch(offset, limit);
    };
    await expect(listJobs(fetch, { ...opts, maxConcurrency: 2, signal: cancel.signal })).rejects.toThrow(/cancelled/);
    expect(started).toBeLessThanOrEqual(3);
  });

  test("a page that fails stops the listing: no page starts after it, those in flight are aborted", async () => {
    const live = new LiveList(10_000);
    const started: number[] = [];
    let aborted = 0;
    let failedAt = -1;
    const fetch = async (offset: number, limit: number, signal: AbortSignal) => {
      started.push(offset);
      if (offset === 99) {
        failedAt = started.length;
        throw new Error("HTTP 500 after retries");
      }
      await new Promise((r) => setTimeout(r, 20));
      if (signal.aborted) {
        aborted++;
        throw signal.reason;
      }
      return live.fetch(offset, limit);
    };
    await expect(listJobs(fetch, { ...opts, maxConcurrency: 4 })).rejects.toThrow(/HTTP 500 after retries/);
    const startedAfterFailure = started.length - failedAt;
    await new Promise((r) => setTimeout(r, 50));
    expect(started.length - failedAt).toBe(startedAfterFailure);
    expect(startedAfterFailure).toBeLessThanOrEqual(3);
    expect(aborted).toBeGreaterThan(0);
  });

  test("keeps at most maxConcurrency requests in flight", async () => {
    const live = new LiveList(2000);
    let inFlight = 0;
    let peak = 0;
    const fetch = async (o: number, l: number) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      try {
        return await live.fetch(o, l);
      } finally {
        inFlight--;
      }
    };
    await listJobs(fetch, { ...opts, maxConcurrency: 3 });
    expect(peak).toBe(3);
  });

  test("a job deleted mid-listing: the listing is taken again, nothing that stayed goes missing", async () => {
    const live = new LiveList(450);
    live.beforeAnswer = (n) => {
      if (n === 3) live.jobs.splice(10, 1); // j00010 deleted after the first pages were served
    };
    const drift: string[] = [];
    const listing = await listJobs(live.fetch, { ...opts, onDrift: (m) => drift.push(m) });
    expect(drift.length).toBeGreaterThan(0);
    expect(listing.listings).toBe(2);
    expect(jobsOf(listing).map((j) => j.job_id)).toEqual(live.jobs.map((j) => j.job_id));
  });

  test("a job moving to the front with the total unchanged (update_time order) is caught by the overlap", async () => {
    const live = new LiveList(450);
    live.beforeAnswer = (n) => {
      if (n === 2) {
        const [moved] = live.jobs.splice(300, 1);
        live.jobs.unshift(moved);
      }
    };
    const listing = await listJobs(live.fetch, { ...opts, maxConcurrency: 1 });
    expect(listing.listings).toBe(2);
    const ids = jobsOf(listing).map((j) => j.job_id);
    expect(new Set(ids).size).toBe(450);
    expect(ids).toEqual(live.jobs.map((j) => j.job_id));
  });

  test("jobs created mid-listing: no duplicates, and the result is one consistent snapshot", async () => {
    const live = new LiveList(450);
    let created = 0;
    live.beforeAnswer = (n) => {
      if (n === 2 && created++ === 0) live.jobs.unshift(job(90000));
    };
    const listing = await listJobs(live.fetch, opts);
    const ids = jobsOf(listing).map((j) => j.job_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(live.jobs.map((j) => j.job_id));
    expect(listing.count).toBe(451);
  });

  test("a list that never holds still is an error, not a silently wrong answer", async () => {
    const live = new LiveList(450);
    let next = 100000;
    live.beforeAnswer = () => live.jobs.unshift(job(next++));
    await expect(listJobs(live.fetch, { ...opts, maxListings: 3 })).rejects.toThrow(ListingDriftError);
  });

  test("a count beyond what one listing holds fails after the first page, saying how to narrow it", async () => {
    let requests = 0;
    const fetch = async (offset: number, limit: number) => {
      requests++;
      return { count: 2147483647, jobs: Array.from({ length: limit }, (_, i) => job(offset + i)) };
    };
    const err = await rejected(listJobs(fetch, opts));
    expect(err).toBeInstanceOf(ListingTooLargeError);
    expect(String(err)).toMatch(/matches 2147483647 jobs, more than one listing returns \(100000\); .*offset and limit/);
    expect(requests).toBe(1);
    // Within the bound, a limit makes the same service listable.
    const limited = await listJobs(fetch, { ...opts, limit: 1000 });
    expect(jobsOf(limited)).toHaveLength(1000);
  });

  test("the bound counts from the offset, and can be set lower", async () => {
    const live = new LiveList(500);
    await expect(listJobs(live.fetch, { ...opts, maxJobs: 400 })).rejects.toThrow(
      /matches 500 jobs, more than one listing returns \(400\)/,
    );
    await expect(listJobs(live.fetch, { ...opts, maxJobs: 400, offset: 100 })).resolves.toMatchObject({ count: 500 });
  });

  test("a full count, then empty pages: reported as the service contradicting itself, after two listings, not as drift", async () => {
    let requests = 0;
    const drift: string[] = [];
    const fetch = async (offset: number, limit: number) => {
      requests++;
      return { count: 50_000, jobs: offset === 0 ? Array.from({ length: limit }, (_, i) => job(i)) : [], requestId: `rid-${offset}` };
    };
    const err = await rejected(listJobs(fetch, { ...opts, onDrift: (m) => drift.push(m) }));
    expect(err).toBeInstanceOf(ListingContradictionError);
    expect(String(err)).toMatch(
      /contradict themselves: the page at offset \d+ held 0 jobs where its count of 50000 promised 100 \(X-Request-Id: rid-\d+\), in 2 listings/,
    );
    expect(drift).toHaveLength(1);
    // Two listings of the first page and the pages in flight when the empty one came back.
    expect(requests).toBeLessThanOrEqual(2 * (1 + opts.maxConcurrency));
  });

  test("a first page emptier than its own count is a contradiction too", async () => {
    const fetch = async () => ({ count: 10, jobs: [] as ReturnType<typeof job>[] });
    await expect(listJobs(fetch, opts)).rejects.toThrow(/the page at offset 0 held 0 jobs where its count of 10 promised 10/);
  });

  test("a short page that comes right on the next listing is drift that healed, not a contradiction", async () => {
    const live = new LiveList(450);
    let first = true;
    const fetch = async (offset: number, limit: number) => {
      const page = await live.fetch(offset, limit);
      if (offset > 0 && first) {
        first = false;
        return { ...page, jobs: page.jobs.slice(0, 10) };
      }
      return page;
    };
    const listing = await listJobs(fetch, opts);
    expect(listing.listings).toBe(2);
    expect(jobsOf(listing)).toHaveLength(450);
  });

  test("one answer holding a job twice is the service contradicting itself, even when it is the only page", async () => {
    const fetch = async () => ({ count: 2, jobs: [job(1), job(1)] });
    await expect(listJobs(fetch, opts)).rejects.toThrow(/contradict themselves: job j00001 was served twice, in 2 listings/);
  });

  test("a listing stops once its answers pass the bound on bytes, whatever the job count says", async () => {
    let requests = 0;
    const fetch = async (offset: number, limit: number) => {
      requests++;
      return { count: 5000, jobs: Array.from({ length: limit }, (_, i) => job(offset + i)), bytes: 3 * 1024 * 1024 };
    };
    await expect(listJobs(fetch, { ...opts, maxBytes: 10 * 1024 * 1024, maxConcurrency: 1 })).rejects.toThrow(
      /answers for this listing passed 10 MiB after 400 jobs/,
    );
    expect(requests).toBe(4);
  });
});
