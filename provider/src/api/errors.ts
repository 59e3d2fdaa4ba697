/**
 * Errors a user sees from the API: always with the request line, the HTTP status, error code,
 * message and request id where there is one. Every part that came from the network has been
 * through untrustedText.ts (secrets out, bounded) before it gets here.
 *
 * Each also says whether another attempt could help (see retry.ts). Those that name a setting or
 * an input are TextErrors, so each front end names it in its users' terms.
 */
import { configKey, inputName, join, text, Text, TextError } from "../schema/text";

/** What the retry loop needs to know of a failed attempt. */
export interface RetryAdvice {
  readonly retryable: boolean;
  /** The answer's Retry-After header, when it had one. */
  readonly retryAfter?: string;
  /** One line for the retry log: what went wrong with this attempt. */
  readonly retryReason: string;
}

export function isRetryAdvice(err: unknown): err is Error & RetryAdvice {
  return err instanceof Error && typeof (err as Partial<RetryAdvice>).retryable === "boolean";
}

export interface ApiErrorDetails {
  status: number;
  errorCode?: string;
  errorMsg?: string;
  requestId?: string;
  /** The request as "GET /v1/.../jobs?offset=0" (no credentials are ever part of it). */
  request: string;
  attempts: number;
}

export class MetaStudioApiError extends TextError implements RetryAdvice {
  readonly details: ApiErrorDetails;
  readonly retryable: boolean;
  readonly retryAfter?: string;
  readonly retryReason: string;

  constructor(details: ApiErrorDetails, hint?: Text, retry: { retryable: boolean; retryAfter?: string } = { retryable: false }) {
    const code = details.errorCode ?? "no error_code";
    const msg = details.errorMsg ?? "no error_msg";
    const rid = details.requestId ?? "none";
    const tries = details.attempts > 1 ? ` after ${details.attempts} attempts` : "";
    super(
      join(
        `MetaStudio API ${details.request} failed${tries}: HTTP ${details.status} ${code}: ${msg} (X-Request-Id: ${rid})`,
        hint ? join(". ", hint) : "",
      ),
    );
    this.name = "MetaStudioApiError";
    this.details = details;
    this.retryable = retry.retryable;
    this.retryAfter = retry.retryAfter;
    this.retryReason = `HTTP ${details.status} ${details.errorCode ?? ""} (X-Request-Id: ${rid})`;
  }
}

/** A connection-level failure (reset, refused, time-out, a body cut short), with what to check. */
export class MetaStudioNetworkError extends TextError implements RetryAdvice {
  readonly retryReason: string;

  constructor(
    request: string,
    cause: string,
    attempts: number,
    readonly retryable: boolean,
    hint?: Text,
  ) {
    super(join(`MetaStudio API ${request} failed after ${attempts} attempt(s): ${cause}`, hint ? join("; ", hint) : ""));
    this.name = "MetaStudioNetworkError";
    this.retryReason = cause;
  }
}

/**
 * The endpoint answered a list call with a redirect. The API never does that; following it would
 * send the credentials to whoever the location names and trust that host's jobs, so it is an error.
 */
export class MetaStudioRedirectError extends TextError implements RetryAdvice {
  readonly retryable = false;
  readonly retryReason: string;

  constructor(request: string, status: number, location: string, requestId: string | undefined) {
    super(
      text`MetaStudio API ${request} was answered HTTP ${String(status)} with a redirect to ${location}, which was not followed (no request went there): the list API never redirects. Check ${configKey("endpoint")}, or what stands between this machine and it (X-Request-Id: ${requestId ?? "none"})`,
    );
    this.name = "MetaStudioRedirectError";
    this.retryReason = `HTTP ${status} redirect`;
  }
}

/** The job list kept shifting under offset paging and no consistent listing could be taken. */
export class ListingDriftError extends TextError {
  constructor(attempts: number, reason: string) {
    super(
      text`the training job list kept changing while it was being listed (${attempts} listings, last: ${reason}); nothing was returned rather than a list with missing or duplicated jobs. Retry, or narrow the filter (e.g. ${inputName("sortKey")} create_time with ${inputName("createUntil")}) so the listing is stable.`,
    );
    this.name = "ListingDriftError";
  }
}

/** A listing would hold more than one listing may: too many jobs, or too many bytes of them. */
export class ListingTooLargeError extends TextError {
  private constructor(what: string, advice: Text) {
    super(join(what, "; ", advice));
    this.name = "ListingTooLargeError";
  }

  static jobs(count: number, offset: number, max: number): ListingTooLargeError {
    return new ListingTooLargeError(
      `the filter matches ${count} jobs${offset ? ` (${Math.max(0, count - offset)} from offset ${offset})` : ""}, more than one listing ` +
        `returns (${max}); nothing was listed beyond the first page`,
      text`narrow the filter (${inputName("states")}, ${inputName("batchName")}, ${inputName("createSince")}/${inputName("createUntil")}, ...) or page through the jobs with ${inputName("offset")} and ${inputName("limit")} (${inputName("limit")} at most ${max})`,
    );
  }

  static bytes(max: number, jobs: number): ListingTooLargeError {
    return new ListingTooLargeError(
      `the service's answers for this listing passed ${Math.round(max / 1024 / 1024)} MiB after ${jobs} jobs, far more than jobs ` +
        "of the list API take; the listing was stopped",
      text`narrow the filter or set a lower ${inputName("limit")}`,
    );
  }
}

/**
 * The service's answers disagree with themselves the same way listing after listing (a count that
 * promises jobs its pages do not hold): not a list that moves, so listing again cannot help.
 */
export class ListingContradictionError extends Error {
  constructor(listings: number, reason: string) {
    super(
      `the service's answers contradict themselves: ${reason}, in ${listings} listings; nothing was returned rather than ` +
        "a list the service's own count says is incomplete. If it persists, report it to Huawei Cloud with the request id.",
    );
    this.name = "ListingContradictionError";
  }
}
