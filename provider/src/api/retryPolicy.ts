/**
 * Which failures are retried and how long to wait. GET is idempotent, so a retry is always safe
 * except for 401/403: the gateway locks an account's AK after repeated auth failures.
 */
export const RETRYABLE_NETWORK_CODES: ReadonlySet<string> = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "ERR_STREAM_PREMATURE_CLOSE",
  "ERR_PROXY_UNAVAILABLE",
]);

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

export interface BackoffSettings {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = { baseMs: 250, capMs: 8000 };

/** However long a server asks for, a retry waits no more than this. */
export const MAX_RETRY_AFTER_MS = 60_000;

const MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec";
// The three forms RFC 9110 makes a recipient accept: IMF-fixdate, RFC 850, asctime.
const HTTP_DATE = [
  new RegExp(`^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (${MONTHS}) \\d{4} \\d{2}:\\d{2}:\\d{2} GMT$`),
  new RegExp(`^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \\d{2}-(${MONTHS})-\\d{2} \\d{2}:\\d{2}:\\d{2} GMT$`),
  new RegExp(`^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (${MONTHS}) [ \\d]\\d \\d{2}:\\d{2}:\\d{2} \\d{4}$`),
];

/**
 * The wait a Retry-After header asks for, in ms, as asked (retryDelayMs caps it at a minute; a
 * deadline compares the whole of it), or undefined when it asks for none that makes sense: not
 * delta-seconds nor an HTTP date, zero, negative, or a date not in the future. Date.parse alone
 * is far too lenient here ("-5" is the year -5, so "no wait at all").
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) {
    const seconds = Number(v);
    return seconds >= 1 ? seconds * 1000 : undefined;
  }
  if (!HTTP_DATE.some((form) => form.test(v))) return undefined;
  // asctime has no zone: it is GMT by definition.
  const at = Date.parse(/GMT$/.test(v) ? v : `${v} GMT`);
  if (Number.isNaN(at) || at <= now) return undefined;
  return at - now;
}

/** Exponential backoff with jitter in the upper half of each step; a usable Retry-After wins. */
export function retryDelayMs(
  attempt: number,
  retryAfter: string | null | undefined,
  backoff: BackoffSettings = DEFAULT_BACKOFF,
  random: () => number = Math.random,
  now: number = Date.now(),
): number {
  const asked = parseRetryAfter(retryAfter, now);
  if (asked !== undefined) return Math.min(asked, MAX_RETRY_AFTER_MS);
  const ceiling = Math.min(backoff.capMs, backoff.baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Why a signal aborted, as the Error a rejection carries (AbortSignal's reason is typed any). */
export function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new Error(`aborted: ${String(reason)}`, { cause: reason });
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
