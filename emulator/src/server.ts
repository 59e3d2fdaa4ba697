/**
 * The emulator's HTTP server: one route, the list API, answered the way the real service and its
 * gateway answer (request ids, error bodies, auth, validation, faults, latency).
 */
import { randomBytes } from "node:crypto";
import { createServer, IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { safeDecode } from "../../provider/src/api/signer";
import { authenticate, AuthSettings, describeAuth } from "./gatewayAuth";
import { Fault, FaultInjector, faultBody } from "./faultInjector";
import { AdvanceOptions, Advancer, startAdvancing } from "./jobAdvancer";
import { ApiJob, JobStore } from "./jobStore";
import { InvalidParameter, parseListQuery, QueryCache } from "./listQuery";
import { SEED_JOBS, SEED_TOTAL } from "./seedJobs";
import { seededRandom } from "./seededRandom";
import { syntheticJobs } from "./syntheticJobs";

export const DEFAULT_PROJECT_ID = "0123456789abcdef0123456789abcdef";
const JOBS_PATH = /^\/v1\/([^/]+)\/digital-human-training-manage\/user\/jobs\/?$/;

export interface EmulatorOptions extends AuthSettings {
  port?: number;
  host?: string;
  projectId?: string;
  /** N synthetic jobs instead of the default data. */
  jobs?: number;
  /** Jobs in the API's own shape, instead of the default data. */
  data?: readonly ApiJob[];
  latencyMs?: number;
  failRate?: number;
  throttleRate?: number;
  resetRate?: number;
  seed?: number;
  /** Move the jobs on along the training pipeline (jobAdvancer.ts). */
  advance?: AdvanceOptions;
  /** Where to write a line per request (the CLI passes stderr); silent when absent. */
  log?: (line: string) => void;
}

export interface RequestInfo {
  /** 1-based number of the request since start. */
  n: number;
  method: string;
  path: string;
  query: ReadonlyMap<string, string>;
}

export interface Emulator {
  url: string;
  projectId: string;
  store: JobStore;
  stats: { requests: number; byStatus: Record<string, number> };
  /** Faults for the next requests, in order. */
  queueFaults(faults: readonly Fault[]): void;
  /** Called as each request arrives, before it is answered: tests change jobs mid-listing here. */
  onRequest(hook: ((info: RequestInfo) => void) | undefined): void;
  /** What the server accepts as credentials, in words. */
  authDescription: string;
  /** Moving the jobs on, when `advance` was given. */
  advancer?: Advancer;
  stop(): Promise<void>;
}

/** The default data: the published first page, then synthetic jobs up to its total, all older. */
function defaultJobs(projectId: string, seed: number): ApiJob[] {
  const oldestSeedUpdate = Math.min(...SEED_JOBS.map((j) => Date.parse(String(j.last_update_time))));
  const rest = syntheticJobs({
    count: SEED_TOTAL - SEED_JOBS.length,
    random: seededRandom(seed),
    projectId,
    newestUpdateMs: oldestSeedUpdate,
    firstNumber: SEED_JOBS.length + 1,
  });
  return [...SEED_JOBS.map((j) => ({ ...j })), ...rest];
}

function initialJobs(opts: EmulatorOptions, projectId: string, seed: number): ApiJob[] {
  if (opts.data) return opts.data.map((j) => ({ ...j }));
  if (opts.jobs !== undefined) {
    return syntheticJobs({ count: opts.jobs, random: seededRandom(seed), projectId, newestUpdateMs: Date.parse("2025-06-01T00:00:00Z") });
  }
  return defaultJobs(projectId, seed);
}

/** Splits a raw query string into decoded pairs; `+` stays `+` (the signer encodes spaces as %20). */
function parseRawQuery(raw: string): Array<[string, string]> {
  if (!raw) return [];
  return raw
    .split("&")
    .filter((p) => p !== "")
    .map((p) => {
      const eq = p.indexOf("=");
      const [k, v] = eq < 0 ? [p, ""] : [p.slice(0, eq), p.slice(eq + 1)];
      return [safeDecode(k), safeDecode(v)];
    });
}

/** Whether a request announces a body (the list API's GET has none). */
function hasBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  return req.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

/** Text of the request quoted back in an error: bounded, as a gateway's would be. */
const quoted = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}...` : text);

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const projectId = opts.projectId ?? DEFAULT_PROJECT_ID;
  const seed = opts.seed ?? 1;
  if (opts.accessKey !== undefined && opts.secretKey === undefined) throw new Error("an access key needs a secret key (--sk)");
  if (opts.secretKey !== undefined && opts.accessKey === undefined) throw new Error("a secret key needs an access key (--ak)");
  const store = new JobStore(initialJobs(opts, projectId, seed));
  const cache = new QueryCache(store, projectId);
  // Faults draw from their own stream so data and faults stay reproducible independently.
  const faults = new FaultInjector(opts, seededRandom(seed ^ 0x5eed));
  const stats = { requests: 0, byStatus: {} as Record<string, number> };
  const auth: AuthSettings = { accessKey: opts.accessKey, secretKey: opts.secretKey, token: opts.token };
  let hook: ((info: RequestInfo) => void) | undefined;
  const log = opts.log;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const n = ++stats.requests;
    const requestId = randomBytes(16).toString("hex");
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const rawPath = q < 0 ? url : url.slice(0, q);
    const pairs = parseRawQuery(q < 0 ? "" : url.slice(q + 1));
    const params = new Map<string, string>();
    for (const [k, v] of pairs) if (!params.has(k)) params.set(k, v);

    const finish = (status: number | "reset") => {
      stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
      log?.(`${req.method} ${url} ${status} ${requestId} ${Date.now() - started}ms`);
    };
    const send = (status: number, payload: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "Content-Type": "application/json;charset=UTF-8", "X-Request-Id": requestId, ...headers });
      res.end(payload);
      finish(status);
    };
    const error = (status: number, code: string, msg: string, headers?: Record<string, string>) =>
      send(status, JSON.stringify({ error_code: code, error_msg: msg, request_id: requestId }), headers);
    // A body is never read: the answer goes out and the connection closes behind it, so an
    // unauthenticated client cannot make the emulator hold (or even take in) hundreds of MB.
    const refuseUnread = (status: number, code: string, msg: string) => {
      res.on("finish", () => req.socket.destroy());
      error(status, code, msg, { Connection: "close" });
    };

    hook?.({ n, method: req.method ?? "GET", path: rawPath, query: params });
    const route = JOBS_PATH.exec(rawPath);
    if (!route) {
      const msg = `The API does not exist or has not been published in the environment: ${quoted(rawPath)}`;
      return hasBody(req) ? refuseUnread(404, "APIG.0101", msg) : error(404, "APIG.0101", msg);
    }
    if (req.method !== "GET")
      return refuseUnread(405, "APIG.0101", `Method ${quoted(req.method ?? "")} is not served on this path by this emulator`);
    if (hasBody(req)) return refuseUnread(400, "APIG.0201", "Bad request: a GET of the list API has no body; it was not read");
    if (opts.latencyMs) await new Promise((r) => setTimeout(r, opts.latencyMs));

    const fault = faults.next();
    if (fault?.kind === "reset") {
      finish("reset");
      req.socket.destroy();
      return;
    }
    if (fault?.kind === "status") {
      const retryAfter = fault.status === 429 ? { "Retry-After": String(fault.retryAfter ?? 1) } : undefined;
      const b = faultBody(fault);
      return error(fault.status, b.error_code, b.error_msg, retryAfter);
    }

    const verdict = authenticate({ method: req.method, rawPath, query: pairs, headers: req.headers, body: "" }, auth);
    if (!verdict.ok) return error(401, verdict.code, verdict.message);
    const pathProject = safeDecode(route[1]);
    const headerProject = req.headers["x-project-id"];
    if (pathProject !== projectId || (typeof headerProject === "string" && headerProject !== projectId)) {
      return error(403, "MSS.00000001", `Unauthorized: project ${quoted(pathProject)} is not this account's project (${projectId})`);
    }

    let query;
    try {
      query = parseListQuery(params);
    } catch (e) {
      if (e instanceof InvalidParameter) return error(400, "MSS.00000003", `Invalid parameter: ${e.message}`);
      throw e;
    }
    const list = cache.matching(query);
    const page = list.slice(query.offset, query.offset + query.limit);
    const answer = `{"count":${list.length},"jobs":[${page.map((s) => s.json).join(",")}]}`;
    // A malformed answer is cut off mid-way, as a proxy that gives up would leave it.
    send(200, fault?.kind === "malformed" ? answer.slice(0, Math.max(1, Math.floor(answer.length / 2))) : answer);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ error_code: "MSS.00000004", error_msg: `Internal Error: ${String(e)}` }));
      }
    });
  });
  // Clients keep connections alive between pages; so does the real gateway.
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", resolve);
  });
  const address = server.address() as AddressInfo;
  // Its own stream again: whether a job fails must not depend on how many faults were drawn.
  const advancer = opts.advance && startAdvancing(store, seededRandom(seed ^ 0xad7a), opts.advance, log);
  const hostPart = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    url: `http://${hostPart}:${address.port}`,
    projectId,
    store,
    stats,
    queueFaults: (list) => faults.enqueue(list),
    onRequest: (h) => {
      hook = h;
    },
    authDescription: describeAuth(auth),
    advancer,
    stop: () =>
      new Promise<void>((resolve) => {
        advancer?.stop();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
