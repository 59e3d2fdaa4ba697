/**
 * One HTTP GET and its whole answer, on Node's http/https with a keep-alive agent, and nothing
 * more: no redirect is followed (the caller sees the 3xx), no body is decompressed (none is asked
 * for compressed), a body larger than the bound is not read, a connection that closes before the
 * body is complete is a failure at once, and one deadline covers connecting, the headers and the
 * body.
 *
 * A failure here never quotes a header's value: the values hold credentials, and Node's own
 * errors name at most the header.
 */
import { Agent as HttpAgent, ClientRequest, IncomingHttpHeaders, IncomingMessage, request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { abortReason } from "./retryPolicy";

export interface HttpGetOptions {
  headers: Readonly<Record<string, string>>;
  agent: HttpAgent;
  timeoutMs: number;
  /** Aborts the request; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Bodies longer than this are not read. */
  maxBodyBytes: number;
  /** Extra trusted roots for https (trustedRoots.ts); certificates are checked in every case. */
  ca?: string[];
  /** The agent sends through an http proxy: its 407 is the proxy's refusal, not the endpoint's answer. */
  viaHttpProxy?: boolean;
}

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** Empty for a redirect: its body is not read. */
  body: string;
  /** Bytes of the body as received. */
  bytes: number;
}

/** A request that got no complete answer. `code` is Node's (ECONNRESET, ...) or one of ours. */
export class TransportError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The request's own time-out (timeoutMs) ended it, not the socket or the peer. */
    readonly timedOut = false,
  ) {
    super(message);
    this.name = "TransportError";
  }
}

/** Visible ASCII, spaces and tabs: what every server takes in a header value, and credentials are. */
const LEGAL_HEADER_VALUE = /^[\t\x20-\x7e]*$/;

/** The names of headers whose value cannot be sent, so a request never reaches Node's own check. */
function illegalHeaders(headers: Readonly<Record<string, string>>): string[] {
  return Object.entries(headers)
    .filter(([, v]) => !LEGAL_HEADER_VALUE.test(v))
    .map(([k]) => k);
}

const isRedirect = (status: number) => status >= 300 && status < 400 && status !== 304;

export function httpGet(url: URL, opts: HttpGetOptions): Promise<HttpAnswer> {
  const bad = illegalHeaders(opts.headers);
  if (bad.length) {
    return Promise.reject(
      new TransportError(
        "ERR_INVALID_HEADER_VALUE",
        `the value of ${bad.join(", ")} cannot be sent as an HTTP header (a line break, a control character or a character outside ASCII); the value is not shown`,
      ),
    );
  }
  const signal = opts.signal;
  if (signal?.aborted) return Promise.reject(abortReason(signal));

  return new Promise<HttpAnswer>((resolve, reject) => {
    let settled = false;
    let response: IncomingMessage | undefined;
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    let req: ClientRequest;
    try {
      // rejectUnauthorized is explicit: NODE_TLS_REJECT_UNAUTHORIZED=0 only changes the default.
      const tls = url.protocol === "https:" ? { rejectUnauthorized: true, ...(opts.ca ? { ca: opts.ca } : {}) } : {};
      req = send(url, { method: "GET", headers: opts.headers, agent: opts.agent, ...tls });
    } catch (err) {
      // Node checks headers as the request is made; its message is not passed on, in case a
      // later version quotes the value.
      const code = (err as { code?: unknown }).code;
      settled = true;
      return reject(
        new TransportError(
          typeof code === "string" ? code : "ERR_HTTP",
          "the request could not be made: a header's name or value was refused; the value is not shown",
        ),
      );
    }

    const finish = (err: Error | undefined, answer?: HttpAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      signal?.removeEventListener("abort", onAbort);
      if (err !== undefined) {
        // Neither this socket nor what is left of the answer may serve another request.
        response?.destroy();
        req.destroy();
        reject(err);
      } else {
        resolve(answer!);
      }
    };
    const onAbort = () => finish(abortReason(signal!));
    signal?.addEventListener("abort", onAbort, { once: true });
    const deadline = setTimeout(
      () => finish(new TransportError("ETIMEDOUT", `ETIMEDOUT: no complete answer within ${opts.timeoutMs / 1000} s`, true)),
      opts.timeoutMs,
    );

    req.on("error", (err: Error & { code?: string }) => {
      const code = err.code ?? "ERR_HTTP";
      const message = err.message.startsWith(code) || err.message.includes(` ${code}`) ? err.message : `${code}: ${err.message}`;
      finish(new TransportError(code, message));
    });
    // https-proxy-agent's CONNECT answer: anything but 200 is the proxy refusing the tunnel, and the
    // answer it then replays is the proxy's, not the endpoint's.
    req.on("proxyConnect", (answer: { statusCode?: number; statusText?: string }) => {
      const status = answer.statusCode ?? 0;
      if (status !== 200) finish(proxyRefused(status, answer.statusText));
    });
    req.on("response", (res) => {
      response = res;
      const status = res.statusCode ?? 0;
      if (opts.viaHttpProxy && status === 407) return finish(proxyRefused(status, res.statusMessage));
      if (isRedirect(status)) {
        // Not followed, so not read either: the socket is dropped with the rest of the answer.
        res.destroy();
        return finish(undefined, { status, headers: res.headers, body: "", bytes: 0 });
      }
      const declared = Number(res.headers["content-length"]);
      if (Number.isFinite(declared) && declared > opts.maxBodyBytes) {
        return finish(tooLarge(opts.maxBodyBytes));
      }
      const chunks: Buffer[] = [];
      let received = 0;
      res.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (received > opts.maxBodyBytes) return finish(tooLarge(opts.maxBodyBytes));
        chunks.push(chunk);
      });
      res.on("end", () => {
        if (!res.complete) return finish(prematureClose(received, declared));
        finish(undefined, { status, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), bytes: received });
      });
      // The server closed the connection, or it broke, before the body was complete.
      res.on("error", () => finish(prematureClose(received, declared)));
      res.on("close", () => finish(prematureClose(received, declared)));
    });
    req.end();
  });
}

/** The proxy's own refusal; what to do about it is transportHints.ts's to say. */
function proxyRefused(status: number, statusText: string | undefined): TransportError {
  const text = /^[\x20-\x7e]{0,64}$/.test(statusText ?? "") ? ` ${statusText}` : "";
  // A proxy that cannot reach the endpoint (5xx) may do better on another try; one that wants
  // credentials, or refuses the endpoint, will not.
  const code = status === 407 ? "ERR_PROXY_AUTH" : status >= 500 ? "ERR_PROXY_UNAVAILABLE" : "ERR_PROXY_REFUSED";
  return new TransportError(code, `the proxy refused the request: HTTP ${status}${text}`);
}

function tooLarge(max: number): TransportError {
  return new TransportError(
    "ERR_BODY_TOO_LARGE",
    `the answer is larger than ${Math.round(max / 1024 / 1024)} MiB, far beyond any page of the list API; it was not read`,
  );
}

function prematureClose(received: number, declared: number): TransportError {
  const of = Number.isFinite(declared) ? ` of the ${declared} announced` : "";
  return new TransportError("ERR_STREAM_PREMATURE_CLOSE", `the connection closed after ${received} bytes${of} of the answer's body`);
}
