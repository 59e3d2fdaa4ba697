/**
 * What one answer of the list API means: a page, or an error that says whether another attempt
 * could help. Every text taken from the answer goes through untrustedText.ts on its way into a
 * message.
 */
import type { IncomingHttpHeaders } from "node:http";
import { MetaStudioApiError, MetaStudioRedirectError } from "./errors";
import type { HttpAnswer } from "./httpGet";
import { Redactor } from "./redactor";
import { isRetryableStatus } from "./retryPolicy";
import { MAX_QUOTED_BODY, MAX_QUOTED_HEADER, untrusted } from "./untrustedText";
import { describeResponseIssues, listJobsResponseSchema, ListJobsResponse } from "../schema/trainingJob";
import { configKey, text as worded, Text } from "../schema/text";

export interface JobsPage extends ListJobsResponse {
  requestId?: string;
  /** Size of the answer's body. */
  bytes?: number;
}

/** The page asked for: what a page must agree with. */
export interface PageBounds {
  offset: number;
  limit: number;
}

export interface AnswerContext {
  /** The request line as messages show it. */
  request: string;
  attempt: number;
  /** The URL asked, which a redirect's location is read against. */
  target: URL;
  /** Takes credentials, the signature and secret inputs out of quoted text. */
  redactor: Redactor;
  /** What a page must not contain: this request's credentials and signature. */
  mustNotEcho: readonly string[];
  bounds: PageBounds;
}

type ErrorFields = { code?: string; message?: string; requestId?: string };

const text = (v: unknown): string | undefined =>
  typeof v === "string" && v !== "" ? v : typeof v === "number" && Number.isFinite(v) ? String(v) : undefined;

/**
 * The error of an answer, in either shape Huawei Cloud uses: the services' flat
 * `{"error_code", "error_msg", "request_id"}` and the gateway's and IAM's nested
 * `{"error": {"code", "message"}}`.
 */
export function parseErrorBody(body: string): ErrorFields {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== "object") return {};
  const flat = parsed as Record<string, unknown>;
  const nested = flat.error && typeof flat.error === "object" ? (flat.error as Record<string, unknown>) : {};
  return {
    code: text(flat.error_code) ?? text(nested.code) ?? text(nested.error_code),
    message: text(flat.error_msg) ?? text(nested.message) ?? text(nested.error_msg),
    requestId: text(flat.request_id) ?? text(nested.request_id),
  };
}

function headerText(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(", ") : v;
}

/** Credentials shorter than this are not looked for in job data: they would be found by chance. */
const MIN_ECHO_SEARCH = 8;

function echoes(body: string, values: readonly string[]): boolean {
  return values.some((v) => v.length >= MIN_ECHO_SEARCH && (body.includes(v) || body.includes(JSON.stringify(v).slice(1, -1))));
}

/** The page of a 2xx answer; otherwise throws the error the answer amounts to. */
export function pageFromAnswer(answer: HttpAnswer, ctx: AnswerContext): JobsPage {
  const { status, headers, body } = answer;
  const { request, attempt, redactor } = ctx;
  const quoted = (v: string | undefined, max: number) => (v === undefined ? undefined : untrusted(v, redactor, max));
  const headerRequestId = headerText(headers, "x-request-id");

  if (status >= 300 && status < 400 && status !== 304) {
    throw new MetaStudioRedirectError(
      request,
      status,
      locationOrigin(headerText(headers, "location"), ctx.target, redactor),
      quoted(headerRequestId, MAX_QUOTED_HEADER),
    );
  }
  if (status >= 200 && status < 300) {
    const requestId = quoted(headerRequestId, MAX_QUOTED_HEADER);
    // Jobs become outputs, and outputs land in the stack's state: an answer that repeats this
    // request's credentials (a proxy echoing requests into a page) is not used at all.
    if (echoes(body, ctx.mustNotEcho)) {
      throw new MetaStudioApiError(
        {
          status,
          errorCode: "CREDENTIALS_ECHOED",
          errorMsg:
            "the answer holds this request's credentials; something between this machine and the service echoes requests, so the answer was not used",
          requestId,
          request,
          attempts: attempt,
        },
        worded`Check ${configKey("endpoint")} and any proxy on the way`,
      );
    }
    const page = parsePage(body, requestId, ctx.bounds, redactor);
    if (typeof page !== "string") return { ...page, bytes: answer.bytes };
    throw new MetaStudioApiError(
      { status, errorCode: "MALFORMED_RESPONSE", errorMsg: page, requestId, request, attempts: attempt },
      undefined,
      { retryable: true },
    );
  }
  const fields = parseErrorBody(body);
  throw new MetaStudioApiError(
    {
      status,
      errorCode: quoted(fields.code, MAX_QUOTED_HEADER),
      errorMsg: quoted(fields.message ?? (body || undefined), MAX_QUOTED_BODY),
      requestId: quoted(headerRequestId ?? fields.requestId, MAX_QUOTED_HEADER),
      request,
      attempts: attempt,
    },
    hintFor(status),
    { retryable: isRetryableStatus(status), retryAfter: headerText(headers, "retry-after") },
  );
}

/** Where a redirect points, as an origin (scheme, host, port): enough to see whose it is. */
function locationOrigin(location: string | undefined, from: URL, redactor: Redactor): string {
  if (location === undefined) return "nowhere (no Location header)";
  let origin: string;
  try {
    origin = new URL(location, from).origin;
  } catch {
    return "a location that is not a URL";
  }
  const where = untrusted(origin, redactor, MAX_QUOTED_HEADER);
  return origin === from.origin ? `${where} (the endpoint itself)` : `${where} (another origin)`;
}

/**
 * The validated page, or a one-line description of what was wrong with the answer. With `bounds`,
 * a page must also agree with itself: no more jobs than were asked for, nor than its own count
 * leaves after the offset.
 */
export function parsePage(
  body: string,
  requestId: string | undefined,
  bounds?: PageBounds,
  redactor: Redactor = Redactor.none,
): JobsPage | string {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return `the answer is not JSON (${body.length} bytes, starting ${JSON.stringify(untrusted(body, redactor, 40))})`;
  }
  const parsed = listJobsResponseSchema.safeParse(json);
  if (!parsed.success)
    return `the answer does not have the expected shape: ${untrusted(describeResponseIssues(parsed.error), redactor, 300)}`;
  const { count, jobs } = parsed.data;
  if (bounds) {
    if (jobs.length > bounds.limit) return `the answer holds ${jobs.length} jobs where at most ${bounds.limit} were asked for`;
    const left = Math.max(0, count - bounds.offset);
    if (jobs.length > left)
      return `the answer holds ${jobs.length} jobs at offset ${bounds.offset} while its own count of ${count} leaves ${left}`;
  }
  return { ...parsed.data, requestId };
}

function hintFor(status: number): Text | undefined {
  if (status === 401)
    return worded`Check ${configKey("accessKey")}/${configKey("secretKey")} (or ${configKey("authToken")}) and the machine's clock; a 401 is never retried, since repeated failures lock the access key`;
  if (status === 403)
    return worded`The credentials are valid but lack permission for this project, or ${configKey("projectId")} is not the project of these credentials`;
  if (status === 404) return worded`Check ${configKey("endpoint")} and ${configKey("projectId")}`;
  return undefined;
}
