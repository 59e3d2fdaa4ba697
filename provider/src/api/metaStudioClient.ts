/**
 * One page of GET /v1/{project_id}/digital-human-training-manage/user/jobs: authentication,
 * retries, time-outs, and validation of the answer. Paging lives in jobLister.ts.
 *
 * HTTP goes through node-fetch on keep-alive agents. Measured on a fresh process listing 10,000
 * jobs (100 pages, 10 in flight), it costs about half the CPU of Node's built-in fetch (undici),
 * whose first use loads and warms a large module: the plugin usually lists once per process, so
 * the first listing is the one that counts (figures in docs/benchmarks.md).
 */
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import fetch from "node-fetch";
import { MetaStudioApiError, MetaStudioNetworkError } from "./errors";
import {
  BackoffSettings,
  DEFAULT_BACKOFF,
  isRetryableStatus,
  networkErrorCode,
  RETRYABLE_NETWORK_CODES,
  retryDelayMs,
  sleep,
} from "./retryPolicy";
import { AkSkCredentials, percentEncode, signRequest } from "./signer";
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
}

export interface JobsPage extends ListJobsResponse {
  requestId?: string;
}

export interface PageRequest {
  /** API query parameters other than offset and limit, already in the API's names and forms. */
  query: ReadonlyArray<readonly [string, string]>;
  headers: Readonly<Record<string, string>>;
  offset: number;
  limit: number;
  /** Told about each retry of this request, so a slow listing is not silent. */
  onRetry?: (message: string) => void;
}

interface ErrorBody {
  error_code?: unknown;
  error_msg?: unknown;
  request_id?: unknown;
}

function parseErrorBody(text: string): ErrorBody {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" ? (parsed as ErrorBody) : {};
  } catch {
    return {};
  }
}

const asString = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

export class MetaStudioClient {
  private readonly path: string;
  private readonly url: URL;

  /** One pool per client: pages reuse connections instead of a TLS handshake each. */
  private readonly agent: HttpAgent | HttpsAgent;

  constructor(private readonly settings: ClientSettings) {
    this.url = new URL(settings.endpoint);
    this.agent = this.url.protocol === "http:" ? new HttpAgent({ keepAlive: true }) : new HttpsAgent({ keepAlive: true });
    this.path = `${this.url.pathname.replace(/\/$/, "")}/v1/${percentEncode(settings.projectId)}/digital-human-training-manage/user/jobs`;
  }

  /** What errors show of a request: method, path and query, never a header. */
  describe(req: PageRequest): string {
    return `GET ${this.path}?${this.queryString(req)}`;
  }

  private queryString(req: PageRequest): string {
    const all: Array<readonly [string, string]> = [
      ["offset", String(req.offset)],
      ["limit", String(req.limit)],
      ...req.query,
    ];
    return all.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join("&");
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

  async listPage(req: PageRequest, signal?: AbortSignal): Promise<JobsPage> {
    const query: Array<readonly [string, string]> = [
      ["offset", String(req.offset)],
      ["limit", String(req.limit)],
      ...req.query,
    ];
    const target = `${this.url.origin}${this.path}?${this.queryString(req)}`;
    const described = this.describe(req);
    const maxAttempts = this.settings.maxRetries + 1;
    let lastProblem = "";
    for (let attempt = 1; ; attempt++) {
      let retryAfter: string | null = null;
      let timeout: AbortSignal | undefined;
      try {
        // Signed afresh each attempt: X-Sdk-Date must stay within the gateway's 15 minutes.
        const headers = this.headersFor(req, query);
        timeout = AbortSignal.timeout(this.settings.requestTimeoutMs);
        const res = await fetch(target, {
          method: "GET",
          headers,
          agent: this.agent,
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
        const text = await res.text();
        const requestId = res.headers.get("x-request-id") ?? undefined;
        if (res.ok) {
          const page = parsePage(text, requestId);
          if (typeof page !== "string") return page;
          lastProblem = page;
          if (attempt >= maxAttempts) {
            throw new MetaStudioApiError(
              { status: res.status, errorCode: "MALFORMED_RESPONSE", errorMsg: page, requestId, request: described, attempts: attempt },
            );
          }
        } else {
          const body = parseErrorBody(text);
          const details = {
            status: res.status,
            errorCode: asString(body.error_code),
            errorMsg: asString(body.error_msg) ?? (text.slice(0, 200) || undefined),
            requestId: requestId ?? asString(body.request_id),
            request: described,
            attempts: attempt,
          };
          if (!isRetryableStatus(res.status) || attempt >= maxAttempts) {
            throw new MetaStudioApiError(details, hintFor(res.status));
          }
          retryAfter = res.headers.get("retry-after");
          lastProblem = `HTTP ${res.status} ${details.errorCode ?? ""} (X-Request-Id: ${details.requestId ?? "none"})`;
        }
      } catch (err) {
        if (err instanceof MetaStudioApiError) throw err;
        if (signal?.aborted) throw signal.reason ?? err;
        // node-fetch reports an aborted request as AbortError whichever signal fired.
        const timedOut = timeout?.aborted === true;
        const code = timedOut ? "ETIMEDOUT" : networkErrorCode(err);
        const reason = timedOut ? `ETIMEDOUT: no answer within ${this.settings.requestTimeoutMs / 1000} s` : describeNetworkError(code, err);
        // Only failures that a new attempt can cure: a wrong host name (ENOTFOUND) or a TLS
        // mismatch (EPROTO) fails at once instead of after minutes of backoff.
        if (attempt >= maxAttempts || code === undefined || !RETRYABLE_NETWORK_CODES.has(code)) {
          throw new MetaStudioNetworkError(described, reason, attempt);
        }
        lastProblem = reason;
      }
      const delay = retryDelayMs(attempt - 1, retryAfter, this.settings.backoff ?? DEFAULT_BACKOFF);
      req.onRetry?.(`retrying ${described} in ${delay} ms (attempt ${attempt + 1} of ${maxAttempts}): ${lastProblem}`);
      await sleep(delay, signal);
    }
  }
}

/** "ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9", without node-fetch's repeat of the URL. */
function describeNetworkError(code: string | undefined, err: unknown): string {
  const message = (err instanceof Error ? err.message : String(err)).replace(/^request to \S+ failed, reason: /, "");
  return code && !message.startsWith(code) && !message.includes(` ${code}`) ? `${code}: ${message}` : message;
}

/** The validated page, or a one-line description of what was wrong with the answer. */
export function parsePage(text: string, requestId: string | undefined): JobsPage | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return `the answer is not JSON (${text.length} bytes, starting ${JSON.stringify(text.slice(0, 40))})`;
  }
  const parsed = listJobsResponseSchema.safeParse(json);
  if (!parsed.success) return `the answer does not have the expected shape: ${describeResponseIssues(parsed.error)}`;
  return { ...parsed.data, requestId };
}

function hintFor(status: number): string | undefined {
  if (status === 401) return "Check accessKey/secretKey (or authToken) and the machine's clock; a 401 is never retried, since repeated failures lock the access key";
  if (status === 403) return "The credentials are valid but lack permission for this project, or projectId is not the project of these credentials";
  if (status === 404) return "Check the endpoint and projectId";
  return undefined;
}
