/**
 * The HTTP client in-process against servers on loopback that behave as a hostile network or a
 * broken upstream would: redirects, echoed credentials, bodies cut short, absurd answers.
 */
import { ClientSettings, MetaStudioClient, PageRequest } from "../../provider/src/api/metaStudioClient";
import { parseErrorBody } from "../../provider/src/api/pageAnswer";
import { MetaStudioApiError, MetaStudioNetworkError, MetaStudioRedirectError } from "../../provider/src/api/errors";
import { Redactor } from "../../provider/src/api/redactor";
import { Loopback, pageBody, serveHttp, serveRaw } from "./support/loopback";

const PROJECT = "0123456789abcdef0123456789abcdef";
const AK = "AKCLIENTTEST00000001";
const SK = "SK-client-test-secret-0000000000000000001";
const STS = "STS.temporary+value/client=test-000000001";
const TOKEN = "TOKEN-client-test-value-000000000000001";
const FAST = { baseMs: 20, capMs: 40 };

const servers: Loopback[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function track(s: Promise<Loopback>): Promise<Loopback> {
  const server = await s;
  servers.push(server);
  return server;
}

function client(endpoint: string, settings: Partial<ClientSettings> = {}): MetaStudioClient {
  return new MetaStudioClient({
    endpoint,
    projectId: PROJECT,
    auth: { kind: "aksk", accessKey: AK, secretKey: SK, securityToken: STS },
    maxRetries: 2,
    requestTimeoutMs: 20_000,
    backoff: FAST,
    ...settings,
  });
}

const page = (extra: Partial<PageRequest> = {}): PageRequest => ({ query: [], headers: {}, offset: 0, limit: 10, ...extra });
/** Every 12-character piece of `secret` found in `text`: a secret cut in half leaks too. */
function leaked(text: string, secret: string): string[] {
  const pieces: string[] = [];
  for (let i = 0; i + 12 <= secret.length; i++) if (text.includes(secret.slice(i, i + 12))) pieces.push(secret.slice(i, i + 12));
  return pieces;
}

const failure = (p: Promise<unknown>): Promise<Error> =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: Error) => e,
  );

describe("redirects", () => {
  test.each([301, 302, 303, 307, 308])(
    "a %i to another origin is an error naming it; nothing is sent there, nothing retried",
    async (status) => {
      const elsewhere = await track(serveHttp((_req, res) => res.end(pageBody(1, 1, "attacker-"))));
      const endpoint = await track(
        serveHttp((req, res) => {
          res.writeHead(status, { Location: `${elsewhere.url}${req.url}`, "X-Request-Id": "rid-redirect" });
          res.end("moved");
        }),
      );
      const err = await failure(client(endpoint.url).listPage(page()));
      expect(err).toBeInstanceOf(MetaStudioRedirectError);
      expect(err.message).toContain(`HTTP ${status} with a redirect to ${elsewhere.url} (another origin)`);
      expect(err.message).toMatch(/never redirects/);
      expect(err.message).toContain("rid-redirect");
      expect(elsewhere.received).toHaveLength(0);
      expect(endpoint.received).toHaveLength(1);
    },
  );

  test("a relative redirect names the endpoint itself, and is refused too", async () => {
    const endpoint = await track(
      serveHttp((_req, res) => {
        res.writeHead(302, { Location: "/elsewhere" });
        res.end();
      }),
    );
    const err = await failure(client(endpoint.url).listPage(page()));
    expect(err.message).toContain(`redirect to ${endpoint.url} (the endpoint itself)`);
    expect(endpoint.received).toHaveLength(1);
  });

  test("a location that echoes a credential does not show it", async () => {
    const endpoint = await track(
      serveHttp((req, res) => {
        res.writeHead(301, { Location: `https://${String(req.headers["x-auth-token"])}.evil.example/` });
        res.end();
      }),
    );
    const err = await failure(client(endpoint.url, { auth: { kind: "token", token: TOKEN.toLowerCase() } }).listPage(page()));
    expect(err.message).toContain("https://[secret].evil.example");
    expect(err.message).not.toContain(TOKEN.toLowerCase());
  });
});

describe("credentials that cannot be a header value", () => {
  test.each([
    ["a trailing newline", `${TOKEN}\n`],
    ["a trailing CR LF", `${TOKEN}\r\n`],
    ["a character outside Latin-1", `${TOKEN}✓`],
    ["a NUL", `${TOKEN}\u0000x`],
  ])("a token with %s fails before sending, naming the header and not the value", async (_what, token) => {
    const endpoint = await track(serveHttp((_req, res) => res.end(pageBody(1))));
    const err = await failure(client(endpoint.url, { auth: { kind: "token", token } }).listPage(page()));
    expect(err).toBeInstanceOf(MetaStudioNetworkError);
    expect(err.message).toMatch(/X-Auth-Token cannot be sent as an HTTP header/);
    expect(err.message).not.toContain(TOKEN);
    expect(err.message).toMatch(/after 1 attempt/);
    expect(endpoint.received).toHaveLength(0);
  });

  test("so does a filter header (X-App-UserId) holding a line break", async () => {
    const endpoint = await track(serveHttp((_req, res) => res.end(pageBody(1))));
    const err = await failure(client(endpoint.url).listPage(page({ headers: { "X-App-UserId": "user\r\nX-Injected: 1" } })));
    expect(err.message).toMatch(/X-App-UserId cannot be sent/);
    expect(err.message).not.toContain("Injected");
    expect(endpoint.received).toHaveLength(0);
  });
});

describe("an upstream that echoes the request", () => {
  const echoes: Array<
    [string, (req: import("node:http").IncomingMessage) => { status: number; headers?: Record<string, string>; body: string }]
  > = [
    [
      "headers at the start of error_msg",
      (req) => ({
        status: 400,
        body: JSON.stringify({
          error_code: "PROXY.1",
          error_msg: `${String(req.headers["x-security-token"])} ${String(req.headers.authorization)} ${JSON.stringify(req.headers)}`,
        }),
      }),
    ],
    [
      "headers as a plain-text body",
      (req) => ({ status: 502, body: `${String(req.headers.authorization)}\n${String(req.headers["x-security-token"])}` }),
    ],
    [
      "the nested shape",
      (req) => ({
        status: 400,
        body: JSON.stringify({ error: { code: req.headers["x-security-token"], message: String(req.headers.authorization) } }),
      }),
    ],
    ["the request id header", (req) => ({ status: 400, headers: { "X-Request-Id": String(req.headers["x-security-token"]) }, body: "{}" })],
    ["a malformed page", (req) => ({ status: 200, body: `${String(req.headers.authorization)}` })],
  ];

  test.each(echoes)("%s: no credential, signature or secret input shows in the error or the retry log", async (_what, answer) => {
    const secretBatch = "hidden-batch-name";
    const endpoint = await track(
      serveHttp((req, res) => {
        const a = answer(req);
        res.writeHead(a.status, { "Content-Type": "application/json", ...a.headers });
        res.end(a.body.replace("{}", JSON.stringify({ error_msg: `${req.url}` })));
      }),
    );
    const retries: string[] = [];
    const err = await failure(
      client(endpoint.url, { maxRetries: 1 }).listPage(
        page({
          query: [["batch_name", secretBatch]],
          secrets: Redactor.of(secretBatch),
          hiddenParams: new Set(["batch_name"]),
          onRetry: (m) => retries.push(m),
        }),
      ),
    );
    const signature = /Signature=([0-9a-f]+)/.exec(String(endpoint.received[0].headers.authorization))![1];
    const seen = [err.message, ...retries].join("\n");
    for (const secret of [AK, SK, STS, signature, secretBatch]) expect(leaked(seen, secret)).toEqual([]);
    expect(seen).toContain("(filters: batch_name)");
  });

  test("with a token, the token and an echoed secret input are taken out of the quoted body", async () => {
    const endpoint = await track(
      serveHttp((req, res) => {
        res.writeHead(500, { "Content-Type": "application/json" });
        res.end(
          JSON.stringify({
            error_code: "MSS.00000004",
            error_msg: `token ${String(req.headers["x-auth-token"])} for ${decodeURIComponent(req.url!)} and app user ${String(req.headers["x-app-userid"])}`,
          }),
        );
      }),
    );
    const retries: string[] = [];
    const err = await failure(
      client(endpoint.url, { auth: { kind: "token", token: TOKEN }, maxRetries: 1 }).listPage(
        page({
          headers: { "X-App-UserId": "u7" },
          query: [["name", "model/x y"]],
          secrets: Redactor.of("u7", "model/x y"),
          hiddenParams: new Set(["name"]),
          onRetry: (m) => retries.push(m),
        }),
      ),
    );
    const seen = [err.message, ...retries].join("\n");
    expect(seen).not.toContain(TOKEN);
    expect(seen).not.toContain("model/x y");
    expect(seen).not.toMatch(/\bu7\b/);
    expect(err.message).toMatch(/name=\[secret\]/);
  });

  test.each([
    ["the token", "x-auth-token"],
    ["the security token", "x-security-token"],
    ["the signature", "authorization"],
  ])("a page that echoes %s is not used: jobs become outputs, and outputs are stored", async (_what, header) => {
    const endpoint = await track(
      serveHttp((req, res) => {
        const value = String(req.headers[header]);
        const echoed = header === "authorization" ? /Signature=([0-9a-f]+)/.exec(value)![1] : value;
        res.end(JSON.stringify({ count: 1, jobs: [{ job_id: "j1", name: `model ${echoed}`, state: "JOB_FINISH" }] }));
      }),
    );
    const auth = header === "x-auth-token" ? ({ kind: "token", token: TOKEN } as const) : undefined;
    const err = await failure(client(endpoint.url, auth ? { auth } : {}).listPage(page()));
    expect(err.message).toMatch(/HTTP 200 CREDENTIALS_ECHOED: the answer holds this request's credentials/);
    for (const secret of [TOKEN, STS, AK, SK]) expect(err.message).not.toContain(secret);
    expect(endpoint.received).toHaveLength(1);
  });

  test("control characters in an answer cannot forge log lines, and a long answer is quoted short", async () => {
    const endpoint = await track(
      serveHttp((_req, res) => {
        res.writeHead(400, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ error_code: "MSS.00000003", error_msg: `bad\n[error] forged line\u001b[31m ${"x".repeat(100_000)}` }));
      }),
    );
    const err = await failure(client(endpoint.url).listPage(page()));
    expect(err.message).not.toMatch(/[\n\r\u001b]/);
    expect(err.message.length).toBeLessThan(1200);
    expect(err.message).toMatch(/more characters\)/);
  });
});

describe("error bodies", () => {
  test("the nested {error: {code, message}} shape of the gateway is read as well as the flat one", async () => {
    const endpoint = await track(
      serveHttp((_req, res) => {
        res.writeHead(403, { "Content-Type": "application/json", "X-Request-Id": "rid-403" });
        res.end(JSON.stringify({ error: { code: "APIGW.0101", message: "The API does not exist or has not been published" } }));
      }),
    );
    const err = await failure(client(endpoint.url).listPage(page()));
    expect(err.message).toMatch(/HTTP 403 APIGW\.0101: The API does not exist or has not been published \(X-Request-Id: rid-403\)/);
    expect(endpoint.received).toHaveLength(1);
  });

  test("parseErrorBody: flat, nested, numeric codes, and what is neither", () => {
    expect(parseErrorBody('{"error_code":"MSS.00000003","error_msg":"Invalid parameter","request_id":"r1"}')).toEqual({
      code: "MSS.00000003",
      message: "Invalid parameter",
      requestId: "r1",
    });
    expect(
      parseErrorBody('{"error":{"code":401,"message":"The request you have made requires authentication.","title":"Unauthorized"}}'),
    ).toEqual({
      code: "401",
      message: "The request you have made requires authentication.",
      requestId: undefined,
    });
    expect(parseErrorBody("<html>bad gateway</html>")).toEqual({});
    expect(parseErrorBody("null")).toEqual({});
    expect(parseErrorBody('{"error":"flat string"}')).toEqual({ code: undefined, message: undefined, requestId: undefined });
  });
});

describe("bodies cut short", () => {
  test("a connection closed before its Content-Length is a failure at once, and retried", async () => {
    const endpoint = await track(
      serveRaw((socket) => {
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"count":1,"jo');
        socket.end();
      }),
    );
    const retries: string[] = [];
    // The time-out is far longer than the test may take: only noticing the close can end it.
    const err = await failure(client(endpoint.url, { requestTimeoutMs: 600_000 }).listPage(page({ onRetry: (m) => retries.push(m) })));
    expect(err).toBeInstanceOf(MetaStudioNetworkError);
    expect(err.message).toMatch(/failed after 3 attempt\(s\): the connection closed after 14 bytes of the 5000 announced/);
    expect(err.message).not.toMatch(/ETIMEDOUT/);
    expect(endpoint.received).toHaveLength(3);
    expect(retries).toHaveLength(2);
  }, 15_000);

  test("a chunked body that breaks off is noticed too, and the retry that gets a whole answer wins", async () => {
    const endpoint = await track(
      serveRaw((socket, _head, n) => {
        if (n === 1) {
          socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"cou\r\n');
          socket.end();
          return;
        }
        const body = pageBody(2);
        socket.end(
          `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
        );
      }),
    );
    const result = await client(endpoint.url, { requestTimeoutMs: 600_000 }).listPage(page());
    expect(result.jobs.map((j) => j.job_id)).toEqual(["j0", "j1"]);
    expect(endpoint.received).toHaveLength(2);
  }, 15_000);

  test("a body that trickles past the time-out is a time-out (the deadline covers the body)", async () => {
    const endpoint = await track(
      serveRaw((socket) => {
        socket.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{");
        const timer = setInterval(() => socket.write(" "), 50);
        socket.on("close", () => clearInterval(timer));
      }),
    );
    const err = await failure(client(endpoint.url, { requestTimeoutMs: 400, maxRetries: 0 }).listPage(page()));
    expect(err.message).toMatch(/failed after 1 attempt\(s\): ETIMEDOUT: no complete answer within 0.4 s/);
  });
});

describe("answers no page can be", () => {
  test("a body beyond the bound is not read and not retried", async () => {
    const endpoint = await track(
      serveRaw((socket) => {
        socket.write(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${64 * 1024 * 1024}\r\n\r\n[`);
      }),
    );
    const err = await failure(client(endpoint.url).listPage(page()));
    expect(err.message).toMatch(/failed after 1 attempt\(s\): the answer is larger than 8 MiB/);
    expect(endpoint.received).toHaveLength(1);
  });

  test.each([
    ["a count beyond int32", JSON.stringify({ count: 1e10, jobs: [] }), /count: Too big/],
    ["more jobs than asked for", pageBody(11, 500), /holds 11 jobs where at most 10 were asked for/],
    ["more jobs than its own count leaves", pageBody(5, 3), /holds 5 jobs at offset 0 while its own count of 3 leaves 3/],
  ])("%s is a malformed answer, retried, then reported", async (_what, body, reason) => {
    const endpoint = await track(serveHttp((_req, res) => res.end(body)));
    const err = await failure(client(endpoint.url).listPage(page()));
    expect(err).toBeInstanceOf(MetaStudioApiError);
    expect(err.message).toMatch(/after 3 attempts: HTTP 200 MALFORMED_RESPONSE/);
    expect(err.message).toMatch(reason);
  });
});

describe("retries", () => {
  test.each([["-5"], ["0"], ["garbage"]])("Retry-After %j waits the back-off, not nothing", async (retryAfter) => {
    const endpoint = await track(
      serveHttp((_req, res, n) => {
        if (n <= 2) {
          res.writeHead(429, { "Retry-After": retryAfter, "Content-Type": "application/json" });
          res.end(JSON.stringify({ error_code: "APIG.0308", error_msg: "throttled" }));
          return;
        }
        res.end(pageBody(1));
      }),
    );
    const retries: string[] = [];
    const result = await client(endpoint.url, { backoff: { baseMs: 100, capMs: 100 } }).listPage(page({ onRetry: (m) => retries.push(m) }));
    expect(result.count).toBe(1);
    const delays = retries.map((m) => Number(/ in (\d+) ms/.exec(m)![1]));
    expect(delays).toHaveLength(2);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(50);
  });

  test("a usable Retry-After is honoured and said in the retry log", async () => {
    const endpoint = await track(
      serveHttp((_req, res, n) => {
        if (n === 1) {
          res.writeHead(503, { "Retry-After": "1", "X-Request-Id": "rid-503" });
          res.end('{"error_code":"MSS.00000004","error_msg":"Internal Error"}');
          return;
        }
        res.end(pageBody(1));
      }),
    );
    const retries: string[] = [];
    await client(endpoint.url).listPage(page({ onRetry: (m) => retries.push(m) }));
    expect(retries).toEqual([
      `retrying GET /v1/${PROJECT}/digital-human-training-manage/user/jobs?offset=0&limit=10 in 1000 ms (attempt 2 of 3): HTTP 503 MSS.00000004 (X-Request-Id: rid-503)`,
    ]);
  });

  test("401 and 403 are never retried; 404 neither", async () => {
    for (const status of [401, 403, 404]) {
      const endpoint = await track(
        serveHttp((_req, res) => {
          res.writeHead(status);
          res.end("{}");
        }),
      );
      await failure(client(endpoint.url).listPage(page()));
      expect(endpoint.received).toHaveLength(1);
    }
  });

  test("an abort ends the request in flight with its reason, and no request follows", async () => {
    const endpoint = await track(serveHttp(() => undefined));
    const cancel = new AbortController();
    const pending = failure(client(endpoint.url).listPage(page(), cancel.signal));
    while (endpoint.received.length === 0) await new Promise((r) => setTimeout(r, 5));
    cancel.abort(new Error("provider is shutting down"));
    expect((await pending).message).toBe("provider is shutting down");
    await new Promise((r) => setTimeout(r, 100));
    expect(endpoint.received).toHaveLength(1);
  });
});

describe("the request line", () => {
  test("filters by name only, whatever is marked secret; offset and limit as [secret] when they are", () => {
    const c = client("https://metastudio.cn-north-4.myhuaweicloud.com");
    expect(
      c.describe(
        page({
          offset: 7,
          query: [
            ["batch_name", "b"],
            ["tag", "t"],
          ],
          hiddenParams: new Set(["offset", "limit", "tag"]),
        }),
      ),
    ).toBe(`GET /v1/${PROJECT}/digital-human-training-manage/user/jobs?offset=[secret]&limit=[secret] (filters: batch_name, tag)`);
    // Nothing marks this one secret (the SDKs strip the marks, Terraform never sends them): its value is not shown either.
    const unmarked = c.describe(page({ query: [["name", "unmarked-but-private-" + "n".repeat(5000)]] }));
    expect(unmarked).toBe(`GET /v1/${PROJECT}/digital-human-training-manage/user/jobs?offset=0&limit=10 (filters: name)`);
  });

  test.each([".", ".."])("a project id %j that URL normalisation would change is refused by the client itself", (projectId) => {
    expect(() => client("https://metastudio.cn-north-4.myhuaweicloud.com", { projectId })).toThrow(/sent as it is signed/);
  });
});
