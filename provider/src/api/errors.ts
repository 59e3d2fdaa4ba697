/** Errors a user sees from the API: always with the HTTP status, error code, message and request id. */

export interface ApiErrorDetails {
  status: number;
  errorCode?: string;
  errorMsg?: string;
  requestId?: string;
  /** The request as "GET /v1/.../jobs?offset=0" (no credentials are ever part of it). */
  request: string;
  attempts: number;
}

export class MetaStudioApiError extends Error {
  readonly details: ApiErrorDetails;

  constructor(details: ApiErrorDetails, hint?: string) {
    const code = details.errorCode ?? "no error_code";
    const msg = details.errorMsg ?? "no error_msg";
    const rid = details.requestId ?? "none";
    const tries = details.attempts > 1 ? ` after ${details.attempts} attempts` : "";
    super(
      `MetaStudio API ${details.request} failed${tries}: HTTP ${details.status} ${code}: ${msg} ` +
        `(X-Request-Id: ${rid})${hint ? `. ${hint}` : ""}`,
    );
    this.name = "MetaStudioApiError";
    this.details = details;
  }
}

/** A connection-level failure (reset, refused, time-out) that outlived its retries. */
export class MetaStudioNetworkError extends Error {
  constructor(request: string, cause: string, attempts: number) {
    super(`MetaStudio API ${request} failed after ${attempts} attempt(s): ${cause}`);
    this.name = "MetaStudioNetworkError";
  }
}

/** The job list kept shifting under offset paging and no consistent listing could be taken. */
export class ListingDriftError extends Error {
  constructor(attempts: number, reason: string) {
    super(
      `the training job list kept changing while it was being listed (${attempts} listings, last: ${reason}); ` +
        "nothing was returned rather than a list with missing or duplicated jobs. Retry, or narrow the filter " +
        "(e.g. sortKey create_time with createUntil) so the listing is stable.",
    );
    this.name = "ListingDriftError";
  }
}
