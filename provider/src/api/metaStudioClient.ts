/**
 * One page of GET /v1/{project_id}/digital-human-training-manage/user/jobs. `attempt` builds and
 * signs one request, sends it (httpGet.ts) and lets pageAnswer.ts read the answer as a page or as
 * an error that says whether another attempt could help; `listPage` runs attempts in the retry
 * loop (retry.ts). Paging lives in jobLister.ts.
 *
 * HTTP goes through Node's http/https on keep-alive agents, not a fetch library: the list API
 * needs one GET, and the hardening needs control of redirects, error texts and short bodies, which
 * fetch libraries decide for you (what was tried and measured: docs/benchmarks.md, "HTTP").
 */
import { Connection, connectionFor } from "./connectionAgent";
import { DeadlineExceeded, remainingMs, STILL_UNANSWERED } from "./deadline";
import { MetaStudioNetworkError } from "./errors";
import { HttpAnswer, httpGet, TransportError } from "./httpGet";
import { JobsPage, pageFromAnswer } from "./pageAnswer";
import { Env, proxyFor } from "./proxy";
import { Redactor } from "./redactor";
import { processBudget, RequestBudget } from "./requestBudget";
import { withRetries } from "./retry";
import { BackoffSettings, RETRYABLE_NETWORK_CODES } from "./retryPolicy";
import { AkSkCredentials, percentEncode, signRequest } from "./signer";
import { explainTransport } from "./transportHints";
import { trustedRoots } from "./trustedRoots";
import { clip, untrusted } from "./untrustedText";
import { configKey, text, TextError } from "../schema/text";

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
  /** The `proxy` setting: replaces HTTPS_PROXY / HTTP_PROXY (proxy.ts). */
  proxy?: string;
  /** A PEM file of CAs to trust besides the bundled roots (trustedRoots.ts). */
  caCertFile?: string;
  /** Requests in flight across all listings of the process (requestBudget.ts). */
  maxRequestsInFlight?: number;
  /** Where HTTPS_PROXY, NO_PROXY, SSL_CERT_FILE, ... are read: process.env unless given. */
  env?: Env;
  /** The budget requests wait for: the process's unless given. */
  budget?: RequestBudget;
}

export type { JobsPage } from "./pageAnswer";

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
  /** The listing this page belongs to: the process's request budget takes listings in turn. */
  listing?: object;
  /** Epoch ms by which this page, retries included, is over or failed (deadline.ts). */
  deadline?: number;
}

/** A page of 100 jobs is about 100 kB; an answer beyond this is not a page. */
export const MAX_PAGE_BYTES = 8 * 1024 * 1024;
/** Longest request line quoted in an error or log line. */
export const MAX_REQUEST_LINE = 512;

/** The configured credentials, as an answer might echo them. */
function credentialValues(auth: Auth): string[] {
  return auth.kind === "token" ? [auth.token] : [auth.accessKey, auth.secretKey, auth.securityToken ?? ""];
}

/** The query string as sent, percent-encoded as the signer canonicalizes it. */
function queryString(query: ReadonlyArray<readonly [string, string]>): string {
  return query.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join("&");
}

/**
 * The query as messages show it: offset and limit (unless `hidden`), then only the names of the
 * filters set. Any filter may be secret, and nothing says so: the SDKs strip secret marks from
 * invoke arguments, and Terraform sends no sensitivity at all.
 */
function shownQuery(query: ReadonlyArray<readonly [string, string]>, hidden?: ReadonlySet<string>): string {
  const paging = query.filter(([k]) => k === "offset" || k === "limit");
  const filters = query.filter(([k]) => k !== "offset" && k !== "limit").map(([k]) => percentEncode(k));
  const shown = paging.map(([k, v]) => `${k}=${hidden?.has(k) ? "[secret]" : percentEncode(v)}`).join("&");
  return filters.length ? `${shown} (filters: ${[...new Set(filters)].join(", ")})` : shown;
}

export class MetaStudioClient {
  private readonly path: string;
  private readonly url: URL;
  private readonly credentials: Redactor;
  /** The request path as messages show it: a project id marked secret is [secret] there. */
  private readonly shownPath: string;

  /** One pool per client: pages reuse connections instead of a TLS handshake each. */
  private readonly connection: Connection;
  private readonly ca: string[] | undefined;
  private readonly budget: RequestBudget;

  /**
   * Throws ProxySettingError or CaFileError (each with the `property` to blame) when the proxy or
   * CA settings, or the variables standing in for them, cannot be used.
   */
  constructor(private readonly settings: ClientSettings) {
    this.url = new URL(settings.endpoint);
    const env = settings.env ?? process.env;
    this.ca = trustedRoots(settings.caCertFile, env);
    this.connection = connectionFor(this.url, proxyFor(this.url, settings.proxy, env), this.ca);
    this.budget = settings.budget ?? processBudget;
    if (settings.maxRequestsInFlight !== undefined) this.budget.resize(settings.maxRequestsInFlight);
    this.path = `${this.url.pathname.replace(/\/$/, "")}/v1/${percentEncode(settings.projectId)}/digital-human-training-manage/user/jobs`;
    // The path signed must be the path sent: URL normalisation drops "." and ".." segments, and
    // the request would then carry the credentials (and a signature for another path) elsewhere.
    if (new URL(this.url.origin + this.path).pathname !== this.path) {
      throw new TextError(
        text`the endpoint and project id do not make a request path that is sent as it is signed; check ${configKey("endpoint")} and ${configKey("projectId")}`,
      );
    }
    const configSecrets = Redactor.of(settings.secrets ?? []);
    this.credentials = configSecrets.with(credentialValues(settings.auth));
    this.shownPath = configSecrets.redact(this.path);
  }

  /** What errors show of a request: method, path and query (secret inputs hidden, bounded), never a header. */
  describe(req: PageRequest, query: ReadonlyArray<readonly [string, string]> = this.queryPairs(req)): string {
    return clip(`GET ${this.shownPath}?${shownQuery(query, req.hiddenParams)}`, MAX_REQUEST_LINE);
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
      deadline: req.deadline,
      onRetry: (failure, delay, next) =>
        req.onRetry?.(`retrying ${this.describe(req)} in ${delay} ms (attempt ${next} of ${maxAttempts}): ${failure.retryReason}`),
    });
  }

  /** One request and its answer: a page, or an error carrying its RetryAdvice. */
  private async attempt(req: PageRequest, n: number, signal: AbortSignal | undefined): Promise<JobsPage> {
    const query = this.queryPairs(req);
    const request = this.describe(req, query);
    // Signed afresh each attempt: X-Sdk-Date must stay within the gateway's 15 minutes.
    const headers = this.headersFor(req, query);
    const signature = /Signature=([0-9a-f]+)/.exec(headers.Authorization ?? "")?.[1] ?? "";
    // What an answer may echo that must not show: credentials, secret inputs, this signature.
    const redactor = this.credentials.with(req.secrets ?? Redactor.none, headers.Authorization ?? "", signature);
    const target = new URL(`${this.url.origin}${this.path}?${queryString(query)}`);

    let answer: HttpAnswer;
    let cutByDeadline = false;
    const release = await this.budget.acquire(req.listing ?? req, signal);
    try {
      // A deadline cuts the request short: the gate must be over by then, not one time-out later.
      const left = remainingMs(req.deadline);
      if (left <= 0) throw new DeadlineExceeded("the time limit ran out while the request waited for a free slot");
      cutByDeadline = left < this.settings.requestTimeoutMs;
      answer = await httpGet(target, {
        headers,
        agent: this.connection.agent,
        timeoutMs: Math.max(1, Math.min(this.settings.requestTimeoutMs, left)),
        signal,
        maxBodyBytes: MAX_PAGE_BYTES,
        ca: this.ca,
        viaHttpProxy: this.connection.proxy !== undefined && this.url.protocol === "http:",
      });
    } catch (err) {
      if (signal?.aborted || !(err instanceof TransportError)) throw err;
      // The request's own timer and the deadline's fire together; either way it is the deadline.
      // (A socket's own ETIMEDOUT with time left is a network error like any other, and retried.)
      if (cutByDeadline && err.timedOut) throw new DeadlineExceeded(STILL_UNANSWERED);
      const { cause, hint } = explainTransport(err, this.url, this.connection.proxy !== undefined);
      throw new MetaStudioNetworkError(request, untrusted(cause, redactor, 300), n, RETRYABLE_NETWORK_CODES.has(err.code), hint);
    } finally {
      release();
    }
    return pageFromAnswer(answer, {
      request,
      attempt: n,
      target,
      redactor,
      mustNotEcho: [...credentialValues(this.settings.auth), signature],
      bounds: { offset: req.offset, limit: req.limit },
    });
  }
}
