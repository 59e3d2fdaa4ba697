/** The retry loop, apart from HTTP: what it retries, how often, and that an abort ends it. */
import { withRetries } from "../../provider/src/api/retry";

class Failure extends Error {
  constructor(
    readonly retryable: boolean,
    readonly retryAfter?: string,
  ) {
    super(retryable ? "retryable" : "final");
  }
  get retryReason() {
    return this.message;
  }
}

const quick = { baseMs: 1, capMs: 2 };

test("a retryable failure is tried up to maxAttempts, then thrown as it is", async () => {
  const seen: number[] = [];
  const retries: string[] = [];
  const last = new Failure(true);
  await expect(
    withRetries(
      async (n) => {
        seen.push(n);
        throw n === 4 ? last : new Failure(true);
      },
      { maxAttempts: 4, backoff: quick, onRetry: (f, _delay, next) => retries.push(`${f.retryReason} ${next}`) },
    ),
  ).rejects.toBe(last);
  expect(seen).toEqual([1, 2, 3, 4]);
  expect(retries).toEqual(["retryable 2", "retryable 3", "retryable 4"]);
});

test("a failure that is not retryable, or says nothing about retrying, ends the loop at once", async () => {
  let calls = 0;
  await expect(
    withRetries(
      async () => {
        calls++;
        throw new Failure(false);
      },
      { maxAttempts: 5, backoff: quick },
    ),
  ).rejects.toThrow("final");
  await expect(
    withRetries(
      async () => {
        calls++;
        throw new TypeError("a bug");
      },
      { maxAttempts: 5, backoff: quick },
    ),
  ).rejects.toThrow("a bug");
  expect(calls).toBe(2);
});

test("success after failures returns the value", async () => {
  await expect(
    withRetries(
      async (n) => {
        if (n < 3) throw new Failure(true);
        return n;
      },
      { maxAttempts: 3, backoff: quick },
    ),
  ).resolves.toBe(3);
});

test("the wait comes from Retry-After when usable, else from the back-off", async () => {
  const delays: number[] = [];
  const cancel = new AbortController();
  const run = withRetries(
    async (n) => {
      if (n === 1) throw new Failure(true, "garbage");
      throw new Failure(true, "30");
    },
    {
      maxAttempts: 3,
      backoff: { baseMs: 100, capMs: 100 },
      random: () => 0,
      signal: cancel.signal,
      onRetry: (_f, d) => {
        delays.push(d);
        if (delays.length === 2) cancel.abort(new Error("stop"));
      },
    },
  );
  await expect(run).rejects.toThrow("stop");
  expect(delays).toEqual([50, 30_000]);
});

test("an aborted signal starts no attempt, and an abort during one wins over its failure", async () => {
  const cancel = new AbortController();
  cancel.abort(new Error("provider is shutting down"));
  let calls = 0;
  await expect(
    withRetries(
      async () => {
        calls++;
        return 1;
      },
      { maxAttempts: 3, signal: cancel.signal },
    ),
  ).rejects.toThrow("provider is shutting down");
  expect(calls).toBe(0);

  const during = new AbortController();
  await expect(
    withRetries(
      async () => {
        during.abort(new Error("cancelled"));
        throw new Failure(true);
      },
      { maxAttempts: 3, signal: during.signal },
    ),
  ).rejects.toThrow("cancelled");
});

test("without a deadline, any Retry-After is a retry after at most a minute, however long it asks for", async () => {
  // 400 digits read as Infinity ms; only a deadline may turn a long wait into a failure.
  for (const asked of ["86400", "9".repeat(400)]) {
    const stop = new AbortController();
    const delays: number[] = [];
    await expect(
      withRetries(
        async () => {
          throw new Failure(true, asked);
        },
        {
          maxAttempts: 2,
          signal: stop.signal,
          onRetry: (_f, delay) => {
            delays.push(delay);
            stop.abort(new Error("stopped while waiting"));
          },
        },
      ),
    ).rejects.toThrow("stopped while waiting");
    expect(delays).toEqual([60_000]);
  }
});
