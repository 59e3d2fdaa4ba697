/**
 * The retry loop around one attempt, as smithy's retry middleware wraps `next`: the attempt knows
 * HTTP and says whether its failure is worth another try (RetryAdvice); this knows only how many
 * tries there are, how long to wait between them, and when to stop.
 */
import { DeadlineExceeded, remainingMs } from "./deadline";
import { isRetryAdvice, RetryAdvice } from "./errors";
import { BackoffSettings, DEFAULT_BACKOFF, parseRetryAfter, retryDelayMs, sleep } from "./retryPolicy";

export interface RetryOptions {
  /** Attempts in all: 1 + maxRetries. */
  maxAttempts: number;
  backoff?: BackoffSettings;
  /** Stops the loop: no attempt starts and no wait goes on once it is aborted. */
  signal?: AbortSignal;
  /** Told before each wait: the failure, how long, and the number of the attempt to come. */
  onRetry?: (failure: RetryAdvice, delayMs: number, nextAttempt: number) => void;
  random?: () => number;
  /** Epoch ms by which the loop is over: no attempt starts after it, no wait reaches past it. */
  deadline?: number;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

export async function withRetries<T>(attempt: (n: number) => Promise<T>, opts: RetryOptions): Promise<T> {
  const { signal } = opts;
  for (let n = 1; ; n++) {
    if (signal?.aborted) throw signal.reason;
    if (remainingMs(opts.deadline) <= 0) throw new DeadlineExceeded("the time limit ran out before the request could be made");
    try {
      return await attempt(n);
    } catch (err) {
      // Whatever the attempt made of it, an abort is the reason it ended.
      if (signal?.aborted) throw signal.reason;
      if (n >= opts.maxAttempts || !isRetryAdvice(err) || !err.retryable) throw err;
      if (remainingMs(opts.deadline) <= 0) {
        throw new DeadlineExceeded(`the time limit ran out during attempt ${n}: ${err.retryReason}`);
      }
      const delay = retryDelayMs(n - 1, err.retryAfter, opts.backoff ?? DEFAULT_BACKOFF, opts.random);
      const left = remainingMs(opts.deadline);
      // Against a deadline the server's whole wait counts, not the minute a retry is capped at: a
      // day's Retry-After before a ten-minute limit is not met by trying again in a minute.
      const wait = Math.max(delay, parseRetryAfter(err.retryAfter) ?? 0);
      if (opts.deadline !== undefined && wait >= left) {
        // The header is the server's text: quoted only when it is a plain number or date.
        const asked = /^[\w ,:+-]{1,40}$/.test(err.retryAfter ?? "") ? ` (Retry-After: ${err.retryAfter})` : "";
        throw new DeadlineExceeded(
          `attempt ${n} failed (${err.retryReason}) and the next may start only in ${seconds(wait)}${asked}, after the time limit, which ends in ${seconds(Math.max(0, left))}; not waiting for it`,
        );
      }
      opts.onRetry?.(err, delay, n + 1);
      await sleep(delay, signal);
    }
  }
}
