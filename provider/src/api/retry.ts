/**
 * The retry loop around one attempt, as smithy's retry middleware wraps `next`: the attempt knows
 * HTTP and says whether its failure is worth another try (RetryAdvice); this knows only how many
 * tries there are, how long to wait between them, and when to stop.
 */
import { isRetryAdvice, RetryAdvice } from "./errors";
import { BackoffSettings, DEFAULT_BACKOFF, retryDelayMs, sleep } from "./retryPolicy";

export interface RetryOptions {
  /** Attempts in all: 1 + maxRetries. */
  maxAttempts: number;
  backoff?: BackoffSettings;
  /** Stops the loop: no attempt starts and no wait goes on once it is aborted. */
  signal?: AbortSignal;
  /** Told before each wait: the failure, how long, and the number of the attempt to come. */
  onRetry?: (failure: RetryAdvice, delayMs: number, nextAttempt: number) => void;
  random?: () => number;
}

export async function withRetries<T>(attempt: (n: number) => Promise<T>, opts: RetryOptions): Promise<T> {
  const { signal } = opts;
  for (let n = 1; ; n++) {
    if (signal?.aborted) throw signal.reason;
    try {
      return await attempt(n);
    } catch (err) {
      // Whatever the attempt made of it, an abort is the reason it ended.
      if (signal?.aborted) throw signal.reason;
      if (n >= opts.maxAttempts || !isRetryAdvice(err) || !err.retryable) throw err;
      const delay = retryDelayMs(n - 1, err.retryAfter, opts.backoff ?? DEFAULT_BACKOFF, opts.random);
      opts.onRetry?.(err, delay, n + 1);
      await sleep(delay, signal);
    }
  }
}
