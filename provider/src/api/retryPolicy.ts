/**
 * Which failures are retried and how long to wait. GET is idempotent, so a retry is always safe
 * except for 401/403: the gateway locks an account's AK after repeated auth failures.
 */
export const RETRYABLE_NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "ERR_STREAM_PREMATURE_CLOSE",
]);

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

export interface BackoffSettings {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = { baseMs: 250, capMs: 8000 };

/** Exponential backoff with full jitter; Retry-After (seconds or HTTP date) wins when present. */
export function retryDelayMs(
  attempt: number,
  retryAfter: string | null | undefined,
  backoff: BackoffSettings = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 60_000);
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.min(Math.max(0, at - Date.now()), 60_000);
  }
  const ceiling = Math.min(backoff.capMs, backoff.baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** The error code of a fetch failure (node-fetch's FetchError, or a `cause` chain). */
export function networkErrorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; e && depth < 4; depth++) {
    const o = e as { code?: unknown; name?: unknown; cause?: unknown };
    if (typeof o.code === "string") return o.code;
    if (o.name === "TimeoutError") return "ETIMEDOUT";
    e = o.cause;
  }
  return undefined;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
