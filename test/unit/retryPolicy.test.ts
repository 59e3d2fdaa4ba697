/** How long a retry waits, and which failures are retried at all. */
import {
  DEFAULT_BACKOFF,
  isRetryableStatus,
  parseRetryAfter,
  RETRYABLE_NETWORK_CODES,
  retryDelayMs,
} from "../../provider/src/api/retryPolicy";

const NOW = Date.parse("2024-03-01T12:00:00Z");
const backoff = { baseMs: 250, capMs: 8000 };
// With the jitter pinned low, high, and in between, the back-off's bounds show.
const low = () => 0;
const high = () => 0.999999;

describe("Retry-After", () => {
  test.each([
    ["1", 1000],
    ["7", 7000],
    ["  3 ", 3000],
    ["60", 60_000],
    ["3600", 3_600_000],
    ["99999999999999999999999", Number("99999999999999999999999") * 1000],
  ])("delta-seconds %j asks for %i ms; a retry waits at most a minute of it", (value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
    expect(retryDelayMs(0, value, backoff, low, NOW)).toBe(Math.min(ms, 60_000));
  });

  test.each([
    ["Fri, 01 Mar 2024 12:00:05 GMT", 5000],
    ["Friday, 01-Mar-24 12:00:09 GMT", 9000],
    ["Fri Mar  1 12:00:02 2024", 2000],
    ["Fri, 01 Mar 2024 13:00:00 GMT", 3_600_000],
  ])("an HTTP date %j in the future asks to wait until then; a retry waits at most a minute of it", (value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
    expect(retryDelayMs(0, value, backoff, low, NOW)).toBe(Math.min(ms, 60_000));
  });

  // None of these says when to come back: the back-off decides, never "at once".
  test.each([
    ["-5"],
    ["0"],
    ["0.5"],
    ["1e3"],
    ["garbage"],
    ["garbage 1"],
    [""],
    ["5 s"],
    ["-1 day"],
    ["Fri, 01 Mar 2024 11:59:00 GMT"],
    ["Fri, 01 Mar 2024 12:00:00 GMT"],
    ["2024-03-01T12:00:05Z"],
    ["Infinity"],
    ["0x10"],
  ])("%j is not a usable Retry-After: the back-off applies", (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
    expect(retryDelayMs(0, value, backoff, low, NOW)).toBe(125);
    expect(retryDelayMs(3, value, backoff, low, NOW)).toBe(1000);
  });
});

describe("back-off", () => {
  test("doubles from the base to the cap, with jitter in the upper half of each step", () => {
    const steps = [0, 1, 2, 3, 4, 5, 6, 7, 10, 30].map((n) => [retryDelayMs(n, null, backoff, low), retryDelayMs(n, null, backoff, high)]);
    expect(steps).toEqual([
      [125, 250],
      [250, 500],
      [500, 1000],
      [1000, 2000],
      [2000, 4000],
      [4000, 8000],
      [4000, 8000],
      [4000, 8000],
      [4000, 8000],
      [4000, 8000],
    ]);
  });

  test("never waits less than half its step, nor beyond the cap, whatever the jitter", () => {
    for (let attempt = 0; attempt < 12; attempt++) {
      for (let i = 0; i < 50; i++) {
        const r = i / 50;
        const d = retryDelayMs(attempt, undefined, DEFAULT_BACKOFF, () => r);
        const step = Math.min(DEFAULT_BACKOFF.capMs, DEFAULT_BACKOFF.baseMs * 2 ** attempt);
        expect(d).toBeGreaterThanOrEqual(step / 2);
        expect(d).toBeLessThanOrEqual(DEFAULT_BACKOFF.capMs);
      }
    }
  });
});

describe("what is retried", () => {
  test("429 and 5xx; never 401 or 403, nor other 4xx, nor 3xx", () => {
    expect([429, 500, 502, 503, 504, 599].every(isRetryableStatus)).toBe(true);
    expect([301, 302, 307, 400, 401, 403, 404, 405, 409, 413, 431].some(isRetryableStatus)).toBe(false);
  });

  test("network failures a new attempt can cure, and no others", () => {
    for (const code of ["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "EAI_AGAIN", "ERR_STREAM_PREMATURE_CLOSE"]) {
      expect(RETRYABLE_NETWORK_CODES.has(code)).toBe(true);
    }
    for (const code of [
      "ENOTFOUND",
      "EPROTO",
      "CERT_HAS_EXPIRED",
      "ERR_TLS_CERT_ALTNAME_INVALID",
      "HPE_HEADER_OVERFLOW",
      "ERR_INVALID_CHAR",
    ]) {
      expect(RETRYABLE_NETWORK_CODES.has(code)).toBe(false);
    }
  });
});
