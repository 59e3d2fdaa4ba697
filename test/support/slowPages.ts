/**
 * A listing API on loopback that answers each page after a delay and counts the requests in flight
 * at it: what the provider-level tests of the process-wide request budget measure against. Each
 * batch (`batch_name`) holds `jobs` jobs whose ids name the batch, so a listing answered with
 * another's pages shows.
 */
import { Loopback, serveHttp } from "../unit/support/loopback";

export interface SlowPages {
  url: string;
  /** Requests received, by `batch_name` ("" for none). */
  byBatch: Map<string, number>;
  /** Requests received in all. */
  readonly requests: number;
  /** The most requests ever in flight at once at the server. */
  readonly peak: number;
  /** The ids of every job of a batch, as the server serves them. */
  idsOf(batch: string): Set<string>;
  close(): Promise<void>;
}

/**
 * What a budget test of `batches` listings, each of `pagesEach` requests, checks after every
 * listing returned its own batch's ids: each batch asked for its pages once, and the peak in
 * flight reached the budget without passing it.
 */
export function expectBudgetHeld(server: SlowPages, batches: readonly string[], pagesEach: number, budget: number): void {
  expect(server.requests).toBe(batches.length * pagesEach);
  expect([...server.byBatch.values()]).toEqual(batches.map(() => pagesEach));
  // Reached, not exceeded: the per-listing concurrency alone would have let more through.
  expect(server.peak).toBe(budget);
}

export async function serveSlowPages({ jobs, delayMs }: { jobs: number; delayMs: number }): Promise<SlowPages> {
  const state = { inFlight: 0, peak: 0 };
  const byBatch = new Map<string, number>();
  const server: Loopback = await serveHttp((req, res) => {
    state.inFlight++;
    state.peak = Math.max(state.peak, state.inFlight);
    const params = new URL(req.url ?? "/", "http://x").searchParams;
    const batch = params.get("batch_name") ?? "";
    byBatch.set(batch, (byBatch.get(batch) ?? 0) + 1);
    const offset = Number(params.get("offset"));
    const limit = Number(params.get("limit"));
    setTimeout(() => {
      // Counted out before the answer is written: the client frees its slot only after reading it,
      // so the server never sees more in flight than the client has.
      state.inFlight--;
      const page = Array.from({ length: Math.max(0, Math.min(limit, jobs - offset)) }, (_, i) => ({
        job_id: `${batch}-${offset + i}`,
        name: `model ${offset + i}`,
        state: "JOB_FINISH",
        batch_name: batch,
      }));
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ count: jobs, jobs: page }));
    }, delayMs);
  });
  return {
    url: server.url,
    byBatch,
    get requests() {
      return server.received.length;
    },
    get peak() {
      return state.peak;
    },
    idsOf: (batch) => new Set(Array.from({ length: jobs }, (_, n) => `${batch}-${n}`)),
    close: () => server.close(),
  };
}
