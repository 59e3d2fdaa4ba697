/**
 * The gate's time limit is a deadline, and the process's request budget bounds every listing
 * together: both against servers on loopback that throttle for a day, never answer, or answer
 * slowly enough for many listings to overlap.
 */
import { DeadlineExceeded, STILL_UNANSWERED } from "../../provider/src/api/deadline";
import { MetaStudioClient } from "../../provider/src/api/metaStudioClient";
import { Redactor } from "../../provider/src/api/redactor";
import { RequestBudget } from "../../provider/src/api/requestBudget";
import { CallContext, CallFailure } from "../../provider/src/functions/context";
import { listMatchingJobs } from "../../provider/src/functions/jobQuery";
import { waitForTrainingJobs } from "../../provider/src/functions/waitForTrainingJobs";
import { jobsOf } from "../../provider/src/schema/outputs";
import { rejected } from "../support/rejected";
import { Loopback, pageBody, serveHttp, serveRaw } from "./support/loopback";

const PROJECT = "0123456789abcdef0123456789abcdef";
const servers: Loopback[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function context(endpoint: string, extra: Partial<CallContext> = {}, budget = new RequestBudget(32)): CallContext & { lines: string[] } {
  const lines: string[] = [];
  const client = new MetaStudioClient({
    endpoint,
    projectId: PROJECT,
    auth: { kind: "token", token: "t0ken-gate-deadline" },
    maxRetries: 5,
    requestTimeoutMs: 30_000,
    env: {},
    budget,
  });
  return {
    client,
    maxConcurrency: 10,
    preview: false,
    signal: new AbortController().signal,
    secretInputs: new Set(),
    secrets: Redactor.of(),
    log: (_severity: string, message: string) => lines.push(message),
    lines,
    ...extra,
  };
}

const gate = (timeoutSeconds: number) => ({ targetStates: ["JOB_FINISH"], timeoutSeconds, pollIntervalSeconds: 1, batchName: "b-7" });

describe("the gate's time limit", () => {
  // 600 s: a limit longer than the minute a retry waits at most still cannot outlast a day.
  test.each([5, 600])(
    "a 429 asking to come back in a day fails a gate of timeoutSeconds %i at once, saying so, with no retry",
    async (limit) => {
      const server = await serveHttp((_req, res) => {
        res.writeHead(429, { "Retry-After": "86400", "Content-Type": "application/json" });
        res.end(JSON.stringify({ error_code: "APIG.0308", error_msg: "throttled" }));
      });
      servers.push(server);
      const started = Date.now();
      const err = await rejected(waitForTrainingJobs(gate(limit), context(server.url)));
      expect(err).toBeInstanceOf(CallFailure);
      expect((err as CallFailure).property).toBe("timeoutSeconds");
      expect(err.message).toMatch(
        new RegExp(
          `^timed out after [\\d.]+ s \\(timeoutSeconds ${limit}\\) before the jobs could be listed: attempt 1 failed \\(HTTP 429 APIG\\.0308 .*\\) and the next may start only in 86400 s \\(Retry-After: 86400\\), after the time limit, which ends in [\\d.]+ s; not waiting for it$`,
        ),
      );
      expect(server.received).toHaveLength(1);
      // A guard against hanging, not the assertion: that is the single request above.
      expect(Date.now() - started).toBeLessThan(30_000);
    },
  );

  test("a server that never answers: the request is cut at the deadline and nothing starts after it", async () => {
    const starts: number[] = [];
    const server = await serveRaw(() => starts.push(Date.now()));
    servers.push(server);
    const started = Date.now();
    const err = await rejected(waitForTrainingJobs(gate(2), context(server.url)));
    const ended = Date.now();
    expect((err as CallFailure).property).toBe("timeoutSeconds");
    expect(err.message).toMatch(
      /^timed out after [\d.]+ s \(timeoutSeconds 2\) before the jobs could be listed: a request was still unanswered when the time was up$/,
    );
    // Without the deadline the first request alone would wait out its 30 s time-out.
    expect(starts.length).toBeGreaterThanOrEqual(1);
    for (const at of starts) expect(at).toBeLessThanOrEqual(started + 2000);
    expect(ended - started).toBeGreaterThanOrEqual(1900);
    expect(ended - started).toBeLessThan(30_000);
  });

  test("a request cut by its own timer, shortened to the deadline, fails as the deadline, not as a retryable time-out", async () => {
    // Without the gate's deadline signal only the request's timer can fire: the same message as
    // when the deadline's timer wins the race (the test above), so the text never depends on it.
    const starts: number[] = [];
    const server = await serveRaw(() => starts.push(Date.now()));
    servers.push(server);
    const { client } = context(server.url);
    const err = await rejected(client.listPage({ query: [], headers: {}, offset: 0, limit: 10, deadline: Date.now() + 300 }));
    expect(err).toBeInstanceOf(DeadlineExceeded);
    expect(err.message).toBe(STILL_UNANSWERED);
    expect(starts).toHaveLength(1);
  });

  test("timeoutSeconds 0 checks once with the ordinary retries", async () => {
    const server = await serveHttp((_req, res, n) => {
      if (n === 1) {
        res.writeHead(503);
        res.end("{}");
        return;
      }
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(pageBody(2));
    });
    servers.push(server);
    const ctx = context(server.url);
    const result = await waitForTrainingJobs({ ...gate(0) }, ctx);
    expect(result.ready).toBe(true);
    expect(server.received).toHaveLength(2);
  });
});

describe("one request budget per process", () => {
  test("40 listings of 10 pages each at maxConcurrency 10 never have more than the budget in flight", async () => {
    let inFlight = 0;
    let peak = 0;
    const server = await serveHttp((req, res) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      const offset = Number(new URL(req.url ?? "/", "http://x").searchParams.get("offset"));
      setTimeout(() => {
        inFlight--;
        res.writeHead(200, { "Content-Type": "application/json" });
        // 500 jobs in pages of 50: the pages overlap by one, so ids follow the offset.
        const jobs = Array.from({ length: Math.min(50, 500 - offset) }, (_, i) => ({
          job_id: `j${offset + i}`,
          name: `m${offset + i}`,
          state: "JOB_FINISH",
        }));
        res.end(JSON.stringify({ count: 500, jobs }));
      }, 20);
    });
    servers.push(server);
    const budget = new RequestBudget(12);
    const ctx = context(server.url, {}, budget);
    const listings = await Promise.all(Array.from({ length: 40 }, () => listMatchingJobs(ctx, { filters: {}, pageSize: 50 })));
    for (const l of listings) expect(jobsOf(l.pages)).toHaveLength(500);
    expect(peak).toBeLessThanOrEqual(12);
    // The bound was reached, so it is what held the line (not a slow client).
    expect(peak).toBe(12);
    expect(budget.peak).toBe(12);
  });
});
