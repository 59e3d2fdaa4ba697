/**
 * One page of GET /v1/{project_id}/digital-human-training-manage/user/jobs. `attempt` signs one
 * request, sends it (httpGet.ts) and turns whatever comes back into a page or an error that says
 * whether another attempt could help; `listPage` runs attempts in the retry loop (retry.ts).
 * Paging lives in jobLister.ts.
 *
 * HTTP goes through Node's http/https on keep-alive agents, not a fetch library: the list API
 * needs one GET, and the hardening needs control of what fetch libraries decide for you (node-fetch
 * followed redirects with the credentials attached, quoted a header's value in its errors and never
 * noticed a body cut short; Node's own fetch costs twice the CPU on a fresh process, see
 * docs/benchmarks.md).
 */
import { Agent as HttpAgent, IncomingHttpHeaders } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { MetaStudioApiError, MetaStudioNetworkError, MetaStudioRedirectError } from "./errors";
import { httpGet, TransportError } from "./httpGet";
import { Redactor, SECRET_MARK } from "./redactor";
import { withRetries } from "./retry";
import { BackoffSettings, isRetryableStatus, RETRYABLE_NETWORK_CODES } from "./retryPolicy";
import { AkSkCredentials, percentEncode, signRequest } from "./signer";
import { clip, MAX_QUOTED_BODY, MAX_QUOTED_HEADER, untrusted } from "./untrustedText";
import { describeResponseIssues, listJobsResponseSchema, ListJobsResponse } from "../schema/trainingJob";

export type Auth = ({ kind: "aksk" } & AkSkCredentials) | { kind: "token"; token: string };

export interface ClientSettings {
  /** Base URL without a trailing slash, e.g. https://metastudio.cn-north-4.myhuaweicloud.com */
  endpoint: string;
  projectId: string;
  auth: Auth;
  maxRetries: number;
  requestTimeoutMs: number;
  backoff?: BackoffSettings;
  /** Other configured values the program marked secret (a project id, say): kept out of messages like credentials. */
  secrets?: readonly string[];
}

export interface JobsPage extends ListJobsResponse {
  requestId?: string;
  /** Size of the answer's body. */
  bytes?: number;
}

export interface PageRequest {
  /** API query parameters other than offset and limit, already in the API's names and forms. */
  query: ReadonlyArray<readonly [string, string]>;
  headers: Readonly<Record<string, string>>;
  offset: number;
  limit: number;
  /** Told about each retry of this request, so a slow listing is not silent. */
  onRetry?: (message: string) => void;
  /** The invoke's secret inputs: kept out of every text taken from an answer, as credentials are. */
  secrets?: Redactor;
  /** Query parameters (offset and limit included) whose values request lines show as [secret]. */
  hiddenParams?: ReadonlySet<string>;
}

/** A page of 100 jobs is about 100 kB; an answer beyond this is not a page. */
export const MAX_PAGE_BYTES = 8 * 1024 * 1024;
/** Longest request line quoted in an error or log line. */
export const MAX_REQUEST_LINE = 512;

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

/** The credentials themselves and, for AK/SK, the signature a request carries. */
function credentialValues(auth: Auth): string[] {
  return auth.kind === "token" ? [auth.token] : [auth.accessKey, auth.secretKey, auth.securityToken ?? ""];
}

export class MetaStudioClient {
  private readonly path: string;
  private readonly url: URL;
  private readonly credentials: Redactor;
  /** The request path as messages show it: a project id marked secret is [secret] there. */
  private readonly shownPath: string;

  /** One pool per client: pages reuse connections instead of a TLS handshake each. */
  private readonly agent: HttpAgent | HttpsAgent;

  constructor(private readonly settings: ClientSettings) {
    this.url = new URL(settings.endpoint);
    this.agent = this.url.protocol === "http:" ? new HttpAgent({ keepAlive: true }) : new HttpsAgent({ keepAlive: true });
    this.path = `${this.url.pathname.replace(/\/$/, "")}/v1/${percentEncode(settings.projectId)}/digital-human-training-manage/user/jobs`;
    // The path signed must be the path sent: URL normalisation drops "." and ".." segments, and
    // the request would then carry the credentials (and a signature for another path) elsewhere.
    if (new URL(this.url.origin + this.path).pathname !== this.path) {
      throw new Error("the endpoint and projectId do not make a request path that is sent as it is signed; check metastudio:endpoint and metastudio:projectId");
    }
    const configSecrets = Redactor.of(settings.secrets ?? []);
    this.credentials = configSecrets.with(credentialValues(settings.auth));
    this.shownPath = configSecrets.redact(this.path);
  }

  /** What errors show of a request: method, path and query (secret inputs hidden, bounded), never a header. */
  describe(req: PageRequest): string {
    const hidden = req.hiddenParams;
    const query = this.queryPairs(req)
      .map(([k, v]) => `${percentEncode(k)}=${hidden?.has(k) ? SECRET_MARK : percentEncode(v)}`)
      .join("&");
    return clip(`GET ${this.shownPath}?${query}`, MAX_REQUEST_LINE);
  }

  private queryPairs(req: PageRequest): Array<readonly [string, string]> {
    return [["offset", String(req.offset)], ["limit", String(req.limit)], ...req.query];
  }

  private headersFor(req: PageRequest, query: ReadonlyArray<readonly [string, string]>): Record<string, string> {
    const headers: Record<string, string> = {
      "Content-Type": "application/json",
      "X-Project-Id": this.settings.projectId,
      ...req.headers,
    };
    const auth = this.settings.auth;
    if (auth.kind === "token") {
      headers["X-Auth-Token"] = auth.token;
      return headers;
    }
    const signed = signRequest({ method: "GET", host: this.url.host, path: this.path, query, headers }, auth);
    return { ...headers, ...signed };
  }

  listPage(req: PageRequest, signal?: AbortSignal): Promise<JobsPage> {
    const maxAttempts = this.settings.maxRetries + 1;
    return withRetries((n) => this.attempt(req, n, signal), {
      maxAttempts,
      backoff: this.settings.backoff,
      signal,
      onRetry: (failure, delay, next) =>
        req.onRetry?.(`retrying ${this.describe(req)} in ${delay} ms (attempt ${next} of ${maxAttempts}): ${failure.retryReason}`),
    });
  }

  /** One request and its answer: a page, or an error carrying its RetryAdvice. */
  private async attempt(req: PageRequest, n: number, signal: AbortSignal | undefined): Promise<JobsPage> {
    const query = this.queryPairs(req);
    const described = this.describe(req);
    // Signed afresh each attempt: X-Sdk-Date must stay within the gateway's 15 minutes.
    const headers = this.headersFor(req, query);
    const signature = /Signature=([0-9a-f]+)/.exec(headers.Authorization ?? "")?.[1];
    // What an answer may echo that must not show: credentials, secret inputs, this signature.
    const redactor = this.credentials.with(req.secrets ?? Redactor.none, headers.Authorization ?? "", signature ?? "");
    const target = new URL(`${this.url.origin}${this.path}?${query.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join("&")}`);

    let answer;
    try {
      answer = await httpGet(target, { headers, agent: this.agent, timeoutMs: this.settings.requestTimeoutMs, signal, maxBodyBytes: MAX_PAGE_BYTES });
    } catch (err) {
      if (signal?.aborted || !(err instanceof TransportError)) throw err;
      throw new MetaStudioNetworkError(described, untrusted(err.message, redactor, 300), n, RETRYABLE_NETWORK_CODES.has(err.code));
    }

    const { status, headers: got, body } = answer;
    const headerRequestId = headerText(got, "x-request-id");
    const requestIdFrom = (fromBody?: string) => {
      const id = headerRequestId ?? fromBody;
      return id === undefined ? undefined : untrusted(id, redactor, MAX_QUOTED_HEADER);
    };
    if (status >= 300 && status < 400 && status !== 304) {
      throw new MetaStudioRedirectError(described, status, locationOrigin(headerText(got, "location"), target, redactor), requestIdFrom());
    }
    if (status >= 200 && status < 300) {
      // Jobs become outputs, and outputs land in the stack's state: an answer that repeats this
      // request's credentials (a proxy echoing requests into a page) is not used at all.
      if (echoesCredentials(body, [...credentialValues(this.settings.auth), signature ?? ""])) {
        throw new MetaStudioApiError(
          { status, errorCode: "CREDENTIALS_ECHOED", errorMsg: "the answer holds this request's credentials; something between this machine and the service echoes requests, so the answer was not used", requestId: requestIdFrom(), request: described, attempts: n },
          "Check metastudio:endpoint and any proxy on the way",
        );
      }
      const page = parsePage(body, requestIdFrom(), { offset: req.offset, limit: req.limit }, redactor);
      if (typeof page !== "string") return { ...page, bytes: answer.bytes };
      throw new MetaStudioApiError(
        { status, errorCode: "MALFORMED_RESPONSE", errorMsg: page, requestId: requestIdFrom(), request: described, attempts: n },
        undefined,
        { retryable: true },
      );
    }
    const fields = parseErrorBody(body);
    const quoted = (v: string | undefined, max: number) => (v === undefined ? undefined : untrusted(v, redactor, max));
    throw new MetaStudioApiError(
      {
        status,
        errorCode: quoted(fields.code, MAX_QUOTED_HEADER),
        errorMsg: quoted(fields.message ?? (body || undefined), MAX_QUOTED_BODY),
        requestId: requestIdFrom(fields.requestId),
        request: described,
        attempts: n,
      },
      hintFor(status),
      { retryable: isRetryableStatus(status), retryAfter: headerText(got, "retry-after") },
    );
  }
}

/** Credentials shorter than this are not looked for in job data: they would be found by chance. */
const MIN_ECHO_SEARCH = 8;

function echoesCredentials(body: string, credentials: readonly string[]): boolean {
  return credentials.some((c) => c.length >= MIN_ECHO_SEARCH && (body.includes(c) || body.includes(JSON.stringify(c).slice(1, -1))));
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

export interface PageBounds {
  offset: number;
  limit: number;
}

/**
 * The validated page, or a one-line description of what was wrong with the answer. With `bounds`,
 * a page must also agree with itself: no more jobs than were asked for, nor than its own count
 * leaves after the offset.
 */
export function parsePage(body: string, requestId: string | undefined, bounds?: PageBounds, redactor: Redactor = Redactor.none): JobsPage | string {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return `the answer is not JSON (${body.length} bytes, starting ${JSON.stringify(untrusted(body, redactor, 40))})`;
  }
  const parsed = listJobsResponseSchema.safeParse(json);
  if (!parsed.success) return `the answer does not have the expected shape: ${untrusted(describeResponseIssues(parsed.error), redactor, 300)}`;
  const { count, jobs } = parsed.data;
  if (bounds) {
    if (jobs.length > bounds.limit) return `the answer holds ${jobs.length} jobs where at most ${bounds.limit} were asked for`;
    const left = Math.max(0, count - bounds.offset);
    if (jobs.length > left) return `the answer holds ${jobs.length} jobs at offset ${bounds.offset} while its own count of ${count} leaves ${left}`;
  }
  return { ...parsed.data, requestId };
}

function hintFor(status: number): string | undefined {
  if (status === 401) return "Check accessKey/secretKey (or authToken) and the machine's clock; a 401 is never retried, since repeated failures lock the access key";
  if (status === 403) return "The credentials are valid but lack permission for this project, or projectId is not the project of these credentials";
  if (status === 404) return "Check the endpoint and projectId";
  return undefined;
}
