/**
 * getTrainingJobs end to end: plugin over gRPC → signed HTTP → emulator. Paging, filters, faults,
 * drift, secrets.
 */
import { createServer } from "node:http";
import { AddressInfo, createServer as createNetServer } from "node:net";
import { AK, Emulator, FakeEngine, GET, pluginFor, PluginHost, secret, SK, startEmulator, WAIT, withPlugin } from "./support";
import { rejected } from "../support/rejected";

type Job = Record<string, unknown> & { jobId: string; state: string };

describe("listing 1,000 jobs", () => {
  let emulator: Emulator;
  let host: PluginHost;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, accessKey: AK, secretKey: SK, jobs: 1000, seed: 42 });
    host = await pluginFor(emulator);
  });
  afterAll(async () => {
    await host.stop();
    await emulator.stop();
  });

  test("without limit, every job comes back once, in the service's order, camelCased, absent fields omitted", async () => {
    const r = await host.invoke(GET, {});
    expect(r.failures).toEqual([]);
    const jobs = r.ret!.jobs as Job[];
    expect(r.ret!.count).toBe(1000);
    expect(new Set(jobs.map((j) => j.jobId)).size).toBe(1000);
    const all = emulator.store.all();
    expect(new Set(jobs.map((j) => j.jobId))).toEqual(new Set(all.map((j: { job_id: string }) => j.job_id)));
    for (const j of jobs) {
      expect(typeof j.jobId).toBe("string");
      expect(Object.keys(j).some((k) => k.includes("_"))).toBe(false);
      expect(Object.values(j)).not.toContain(null);
    }
  });

  test("limit 250 is three requests and 250 jobs; offset shifts the start", async () => {
    const before = emulator.stats.requests;
    const r = await host.invoke(GET, { limit: 250, sortKey: "create_time" });
    expect((r.ret!.jobs as Job[]).length).toBe(250);
    expect(emulator.stats.requests - before).toBe(3);
    const shifted = await host.invoke(GET, { limit: 10, offset: 5, sortKey: "create_time" });
    expect((shifted.ret!.jobs as Job[]).map((j) => j.jobId)).toEqual((r.ret!.jobs as Job[]).slice(5, 15).map((j) => j.jobId));
  });

  test("filters reach the service: states, batch name, flexus, time window", async () => {
    const all = emulator.store.all() as Array<Record<string, unknown>>;
    const perBatch = new Map<string, number>();
    for (const j of all) if (typeof j.batch_name === "string") perBatch.set(j.batch_name, (perBatch.get(j.batch_name) ?? 0) + 1);
    const batch = [...perBatch].sort((a, b) => b[1] - a[1])[0][0];
    const r = await host.invoke(GET, { states: ["JOB_FINISH", "TRAINING"], batchName: batch, isFlexus: false, pageSize: 7 });
    const expected = all.filter(
      (j) => ["JOB_FINISH", "TRAINING"].includes(j.state as string) && j.batch_name === batch && j.is_flexus !== true,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(r.ret!.count).toBe(expected.length);
    expect(new Set((r.ret!.jobs as Job[]).map((j) => j.jobId))).toEqual(new Set(expected.map((j) => j.job_id)));
  });

  test("identical concurrent invokes are served by one listing", async () => {
    const before = emulator.stats.requests;
    const args = { states: ["TRAINING"], pageSize: 10 };
    const [a, b] = await Promise.all([host.invoke(GET, args), host.invoke(GET, args)]);
    expect(a.ret).toEqual(b.ret);
    const pages = Math.max(1, Math.ceil(((a.ret!.count as number) - 1) / 9));
    expect(emulator.stats.requests - before).toBe(pages);
  });
});

describe("faults upstream", () => {
  let emulator: Emulator;
  let host: PluginHost;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, accessKey: AK, secretKey: SK, seed: 3 });
    host = await pluginFor(emulator, { maxRetries: "3" });
  });
  afterAll(async () => {
    await host.stop();
    await emulator.stop();
  });

  test("503, a reset and a malformed answer are retried and the listing completes", async () => {
    emulator.queueFaults([{ kind: "status", status: 503 }, { kind: "reset" }, { kind: "malformed" }]);
    const before = emulator.stats.requests;
    const r = await host.invoke(GET, { limit: 10 });
    expect(r.ret!.jobs).toHaveLength(10);
    expect(emulator.stats.requests - before).toBe(4);
  });

  test("429 honours Retry-After", async () => {
    emulator.queueFaults([{ kind: "status", status: 429, errorCode: "APIG.0308", retryAfter: 1 }]);
    const t0 = Date.now();
    const r = await host.invoke(GET, { limit: 1 });
    expect(r.ret!.jobs).toHaveLength(1);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
  });

  test("a persistent 500 is reported with status, error code, message and request id after maxRetries", async () => {
    emulator.queueFaults(Array.from({ length: 4 }, () => ({ kind: "status" as const, status: 500 })));
    const before = emulator.stats.requests;
    await expect(host.invoke(GET, { limit: 1 })).rejects.toThrow(
      /after 4 attempts: HTTP 500 MSS\.00000004: .+\(X-Request-Id: [0-9a-f]{8,}\)/,
    );
    expect(emulator.stats.requests - before).toBe(4);
  });

  test("a failure no retry can cure (TLS to a plain HTTP port) fails at once, saying what happened", async () => {
    const tls = await pluginFor(emulator, { endpoint: emulator.url.replace("http://", "https://") });
    try {
      const err = String(await rejected(tls.invoke(GET, {})));
      // One attempt: the plugin's retries (maxRetries 3) were not spent on it.
      expect(err).toMatch(
        /failed after 1 attempt\(s\): 127\.0\.0\.1:\d+ answered the https:\/\/ request with something other than TLS \(plain http\?\) \(EPROTO\); check the port and scheme of metastudio:endpoint/,
      );
      expect(err).not.toMatch(/ssl routines|openssl/i);
      expect(tls.stderr).not.toMatch(/retrying/);
    } finally {
      await tls.stop();
    }
  });

  test("401 is never retried, and the message says why", async () => {
    const wrong = await pluginFor(emulator, { secretKey: "not-the-secret" });
    try {
      const before = emulator.stats.requests;
      const err = await rejected(wrong.invoke(GET, {}));
      expect(String(err)).toMatch(/HTTP 401 APIG\.0301: .*X-Request-Id: [0-9a-f]+.*never retried/);
      expect(String(err)).not.toContain("not-the-secret");
      expect(emulator.stats.requests - before).toBe(1);
    } finally {
      await wrong.stop();
    }
  });
});

test("a request that outlives requestTimeoutSeconds is abandoned and reported as a time-out", async () => {
  await withPlugin({ jobs: 3, latencyMs: 2500 }, { requestTimeoutSeconds: "1", maxRetries: "1" }, async ({ emulator, host }) => {
    const err = await rejected(host.invoke(GET, {}));
    // Each attempt was given up at its time-out (1 s), not when the answer came (2.5 s): the
    // reason is the time-out, and the retry line names it.
    expect(String(err)).toMatch(/failed after 2 attempt\(s\): ETIMEDOUT: no complete answer within 1 s/);
    expect(host.stderr).toMatch(/retrying GET .* \(attempt 2 of 2\): ETIMEDOUT/);
    expect(emulator.stats.requests).toBe(2);
  });
});

describe("a hostile network", () => {
  const PROJECT = "0123456789abcdef0123456789abcdef";
  const STS = "STS-echoed-by-a-proxy-0000000000000001";

  async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; requests: () => number; close: () => void }> {
    let requests = 0;
    const server = createServer((req, res) => {
      requests++;
      handler!(req, res);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      requests: () => requests,
      close: () => {
        server.closeAllConnections();
        server.close();
      },
    };
  }

  test("a redirect to another host is refused: the credentials never go there, its jobs never pass a gate", async () => {
    const attacker = await listen((_req, res) => {
      res.setHeader("Content-Type", "application/json");
      res.end(
        JSON.stringify({ count: 1, jobs: [{ job_id: "a".repeat(32), name: "planted", state: "JOB_FINISH", asset_id: "attacker-asset" }] }),
      );
    });
    const endpoint = await listen((req, res) => {
      res.writeHead(301, { Location: `${attacker.url}${req.url}` });
      res.end();
    });
    const host = await PluginHost.start();
    try {
      await host.configure({
        endpoint: endpoint.url,
        projectId: PROJECT,
        accessKey: secret(AK),
        secretKey: secret(SK),
        securityToken: secret(STS),
      });
      const err = (await rejected(host.invoke(WAIT, { batchName: "release" }))).message;
      expect(String(err)).toMatch(new RegExp(`HTTP 301 with a redirect to ${attacker.url} \\(another origin\\), which was not followed`));
      expect(attacker.requests()).toBe(0);
      expect(endpoint.requests()).toBe(1);
    } finally {
      await host.stop();
      attacker.close();
      endpoint.close();
    }
  });

  test("a proxy echoing request headers into its error body does not put them in the error or the retry log", async () => {
    const proxy = await listen((req, res) => {
      res.writeHead(502, { "Content-Type": "text/plain" });
      res.end(
        `${String(req.headers["x-security-token"])} ${String(req.headers.authorization)} ${String(req.headers["x-auth-token"] ?? "")}`,
      );
    });
    const engine = await new FakeEngine().start();
    const host = await PluginHost.start({ engine });
    try {
      await host.configure({
        endpoint: proxy.url,
        projectId: PROJECT,
        accessKey: secret(AK),
        secretKey: secret(SK),
        securityToken: secret(STS),
        maxRetries: "1",
      });
      const err = (await rejected(host.invoke(GET, {}))).message;
      expect(String(err)).toMatch(/HTTP 502 no error_code: \[secret\] \[secret\]/);
      const seen = [String(err), host.stderr, JSON.stringify(engine.logs)].join("\n");
      for (const secretValue of [STS, AK, SK, "Signature="]) expect(seen).not.toContain(secretValue);
    } finally {
      await host.stop();
      await engine.stop();
      proxy.close();
    }
  });
});

describe("a broken upstream", () => {
  const PROJECT = "0123456789abcdef0123456789abcdef";

  test("a body cut short is noticed at once and retried, not waited on until the time-out", async () => {
    let connections = 0;
    const server = createNetServer((socket) => {
      connections++;
      socket.once("data", () =>
        socket.end('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n{"count":3,"jobs":['),
      );
      socket.on("error", () => undefined);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const host = await PluginHost.start();
    try {
      const { port } = server.address() as AddressInfo;
      await host.configure({
        endpoint: `http://127.0.0.1:${port}`,
        projectId: PROJECT,
        authToken: secret("t0ken"),
        maxRetries: "2",
        requestTimeoutSeconds: "600",
      });
      const err = (await rejected(host.invoke(GET, {}))).message;
      expect(String(err)).toMatch(/failed after 3 attempt\(s\): the connection closed after 19 bytes of the 4096 announced/);
      expect(connections).toBe(3);
    } finally {
      await host.stop();
      server.close();
    }
  });

  test("an unusable Retry-After (-5, 0, garbage) means the back-off, not three attempts at once", async () => {
    const afters = ["-5", "0", "garbage"];
    let n = 0;
    const server = createServer((_req, res) => {
      const after = afters[n++];
      if (after !== undefined) {
        res.writeHead(429, { "Retry-After": after, "Content-Type": "application/json" });
        res.end('{"error_code":"APIG.0308","error_msg":"throttled"}');
        return;
      }
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify({ count: 1, jobs: [{ job_id: "j", name: "n", state: "TRAINING" }] }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const engine = await new FakeEngine().start();
    const host = await PluginHost.start({ engine });
    try {
      const { port } = server.address() as AddressInfo;
      await host.configure({ endpoint: `http://127.0.0.1:${port}`, projectId: PROJECT, authToken: secret("t0ken") });
      expect((await host.invoke(GET, {})).ret!.count).toBe(1);
      const waits = host.stderr
        .split("\n")
        .flatMap((l) => (/retrying GET .* in (\d+) ms/.exec(l) ?? []).slice(1))
        .map(Number);
      expect(waits).toHaveLength(3);
      // The back-off's first steps: at least half of 250, 500 and 1000 ms.
      expect(waits[0]).toBeGreaterThanOrEqual(125);
      expect(waits[1]).toBeGreaterThanOrEqual(250);
      expect(waits[2]).toBeGreaterThanOrEqual(500);
    } finally {
      await host.stop();
      await engine.stop();
      server.closeAllConnections();
      server.close();
    }
  });
});

describe("a service whose numbers cannot be true", () => {
  const PROJECT = "0123456789abcdef0123456789abcdef";
  /** The plugin against a loopback server answering every page with `answer(offset, limit)`. */
  async function against(
    answer: (offset: number, limit: number) => object,
    test: (host: PluginHost, requests: () => number) => Promise<void>,
  ) {
    let requests = 0;
    const server = createServer((req, res) => {
      requests++;
      const q = new URL(req.url!, "http://x").searchParams;
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify(answer(Number(q.get("offset")), Number(q.get("limit")))));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const host = await PluginHost.start();
    try {
      const { port } = server.address() as AddressInfo;
      await host.configure({ endpoint: `http://127.0.0.1:${port}`, projectId: PROJECT, authToken: secret("t0ken"), maxRetries: "1" });
      await test(host, () => requests);
    } finally {
      await host.stop();
      server.closeAllConnections();
      server.close();
    }
  }
  const jobs = (offset: number, n: number) =>
    Array.from({ length: n }, (_, i) => ({ job_id: `j${offset + i}`, name: "n", state: "TRAINING" }));

  test("count 1e10 is not an answer of this API (an int32): malformed, retried, reported", async () => {
    await against(
      (offset, limit) => ({ count: 1e10, jobs: jobs(offset, limit) }),
      async (host, requests) => {
        await expect(host.invoke(GET, {})).rejects.toThrow(
          /after 2 attempts: HTTP 200 MALFORMED_RESPONSE: the answer does not have the expected shape: count: Too big/,
        );
        expect(requests()).toBe(2);
      },
    );
  });

  test("count 2147483647 is more than a listing holds: one request, then a clear error", async () => {
    await against(
      (offset, limit) => ({ count: 2147483647, jobs: jobs(offset, limit) }),
      async (host, requests) => {
        await expect(host.invoke(GET, {})).rejects.toThrow(/the filter matches 2147483647 jobs, more than one listing returns \(100000\)/);
        expect(requests()).toBe(1);
        const limited = await host.invoke(GET, { limit: 300 });
        expect(limited.ret!.jobs).toHaveLength(300);
      },
    );
  });

  test("a full count, then empty pages: the service contradicts itself, said at once", async () => {
    await against(
      (offset, limit) => ({ count: 5000, jobs: offset === 0 ? jobs(0, limit) : [] }),
      async (host, requests) => {
        await expect(host.invoke(GET, {})).rejects.toThrow(
          /the service's answers contradict themselves: the page at offset \d+ held 0 jobs where its count of 5000 promised 100/,
        );
        expect(requests()).toBeLessThanOrEqual(22);
      },
    );
  });
});

describe("consistency while jobs change", () => {
  test("a job deleted and one created mid-listing: no duplicates, nothing that stayed is missing", async () => {
    await withPlugin({ jobs: 600, seed: 9 }, { maxConcurrency: 2 }, async ({ emulator, engine, host }) => {
      const stayed = new Set((emulator.store.all() as Array<{ job_id: string }>).map((j) => j.job_id));
      const victim = (emulator.store.all() as Array<{ job_id: string }>)[5].job_id;
      let done = false;
      emulator.onRequest(({ n }) => {
        if (n === 3 && !done) {
          done = true;
          // The total stays 600 while every job after the victim moves up one place: only the
          // overlap between pages can tell.
          emulator.store.remove(victim);
          emulator.store.add({
            job_id: "f".repeat(32),
            name: "created mid-listing",
            state: "WAIT_FILE_UPLOAD",
            create_time: "2001-01-01T00:00:00Z",
            last_update_time: "2001-01-01T00:00:00Z",
          });
        }
      });
      const r = await host.invoke(GET, { pageSize: 50 });
      const ids = (r.ret!.jobs as Job[]).map((j) => j.jobId);
      expect(new Set(ids).size).toBe(ids.length);
      stayed.delete(victim);
      for (const id of stayed) expect(ids).toContain(id);
      // The listing that passed its checks was taken after the change.
      expect(ids).not.toContain(victim);
      expect(ids).toContain("f".repeat(32));
      expect(r.ret!.count).toBe(600);
      expect(engine.logs.some((l) => /changed during the listing/.test(l.message))).toBe(true);
    });
  });

  test("a state the provider does not know comes back as it is; unknown fields are tolerated, nulls omitted", async () => {
    await withPlugin({ jobs: 3, seed: 2 }, {}, async ({ emulator, host }) => {
      // A newer service: an unknown state, a field this provider does not know, a null field.
      emulator.store.add({ job_id: "e".repeat(32), name: "future", state: "QUANTUM_TRAINING", hologram_mode: { level: 3 }, contact: null });
      const r = await host.invoke(GET, {});
      const job = (r.ret!.jobs as Job[]).find((j) => j.jobId === "e".repeat(32))!;
      expect(job.state).toBe("QUANTUM_TRAINING");
      expect(Object.keys(job)).not.toContain("contact");
      expect(Object.keys(job).some((k) => /hologram/i.test(k))).toBe(false);
    });
  });
});

describe("secrets stay secret", () => {
  test("a temporary security token is signed and sent, yet never shows in logs, errors or outputs", async () => {
    const securityToken = "STS-TEMP-TOKEN-must-not-leak-77";
    await withPlugin({ seed: 6 }, { securityToken: secret(securityToken) }, async ({ emulator, engine, host }) => {
      emulator.queueFaults([{ kind: "status", status: 503 }]);
      const ok = await host.invoke(GET, { limit: 5 });
      expect(ok.ret!.jobs).toHaveLength(5);
      emulator.queueFaults(Array.from({ length: 4 }, () => ({ kind: "status" as const, status: 500 })));
      const failed = (await rejected(host.invoke(GET, { limit: 5 }))).message;
      expect(String(failed)).toMatch(/HTTP 500/);
      const seen = [JSON.stringify(ok), String(failed), host.stderr, JSON.stringify(engine.logs)].join("\n");
      expect(engine.logs.some((l) => /retrying GET/.test(l.message))).toBe(true);
      expect(seen).not.toContain(securityToken);
      expect(seen).not.toContain(SK);
    });
  });

  test("filters marked secret by the program: the answer is secret, and no message repeats them", async () => {
    const hidden = "confidential batch/2026 Q4";
    await withPlugin({ seed: 8 }, {}, async ({ emulator, engine, host }) => {
      emulator.store.add({ job_id: "c".repeat(32), name: "secret-batch-job", state: "JOB_FINISH", batch_name: hidden });
      const r = await host.invokeMarked(GET, { batchName: secret(hidden) });
      expect(r.ret!.count).toEqual(secret(1));
      expect(r.ret!.jobs).toEqual(secret([expect.objectContaining({ jobId: "c".repeat(32) })]));
      const empty = await host.invokeMarked(WAIT, { batchName: secret(hidden + " (none)") });
      expect(empty.failures[0].reason).toMatch(/selected no training jobs \(filters set: batchName\)/);
      emulator.queueFaults(Array.from({ length: 4 }, () => ({ kind: "status" as const, status: 500 })));
      const failed = (await rejected(host.invokeMarked(GET, { batchName: secret(hidden) }))).message;
      expect(String(failed)).toMatch(/jobs\?offset=0&limit=100 \(filters: batch_name\) failed after 4 attempts: HTTP 500/);
      const seen = [JSON.stringify(empty), String(failed), host.stderr, JSON.stringify(engine.logs)].join("\n");
      expect(engine.logs.some((l) => /retrying GET/.test(l.message))).toBe(true);
      expect(seen).not.toContain(hidden);
      expect(seen).not.toContain(encodeURIComponent(hidden));
    });
  });

  test("secret numbers and secrets of one or two characters are hidden as well", async () => {
    await withPlugin({ seed: 8 }, { maxRetries: "1" }, async ({ emulator, engine, host }) => {
      const bad = await host.invokeMarked(GET, { offset: secret(-7), pageSize: secret(1000) });
      expect(bad.failures.map((f) => f.reason)).toEqual([
        expect.stringMatching(/^offset is \(a secret value\); expected an integer from 0/),
        expect.stringMatching(/^pageSize is \(a secret value\); expected an integer from 1 to 100/),
      ]);
      const wrongState = await host.invokeMarked(GET, { states: secret(["JOB_FINSH"]) });
      expect(wrongState.failures[0].reason).toMatch(/^states contains \(a secret value\), which is not a known value; accepted/);

      const empty = await host.invokeMarked(WAIT, { batchName: secret("Q7"), tag: secret("x") });
      expect(empty.failures[0].reason).toMatch(/selected no training jobs \(filters set: batchName, tag\)/);

      emulator.queueFaults(Array.from({ length: 2 }, () => ({ kind: "status" as const, status: 500 })));
      const failed = (await rejected(host.invokeMarked(GET, { batchName: secret("Q7"), offset: secret(3), limit: secret(40) }))).message;
      expect(String(failed)).toMatch(/jobs\?offset=\[secret\]&limit=\[secret\] \(filters: batch_name\) failed after 2 attempts/);
      const retried = engine.logs.filter((l) => /retrying GET/.test(l.message)).map((l) => l.message);
      expect(retried.length).toBeGreaterThan(0);
      const seen = [JSON.stringify(bad), JSON.stringify(wrongState), JSON.stringify(empty), String(failed), host.stderr, ...retried].join(
        "\n",
      );
      expect(seen).not.toMatch(/Q7|-7|1000|JOB_FINSH|did you mean|limit=40|offset=3/);
    });
  });

  test("filters nobody marked secret, as the SDKs and Terraform send them: no value in any line", async () => {
    const privateBatch = "private batch/2026 Q4 (unmarked)";
    await withPlugin({ seed: 8 }, { maxRetries: "2" }, async ({ emulator, engine, host }) => {
      const empty = await host.invoke(WAIT, { batchName: secret(privateBatch), tag: secret("private-tag-x7") });
      expect(empty.failures[0].reason).toMatch(/selected no training jobs \(filters set: batchName, tag\)/);
      emulator.queueFaults(Array.from({ length: 3 }, () => ({ kind: "status" as const, status: 500 })));
      const failed = (await rejected(host.invoke(GET, { batchName: secret(privateBatch), tag: "private-tag-x7" }))).message;
      expect(String(failed)).toMatch(/jobs\?offset=0&limit=100 \(filters: batch_name, tag\) failed after 3 attempts: HTTP 500/);
      const retried = engine.logs.filter((l) => /retrying GET/.test(l.message));
      expect(retried.length).toBe(2);
      const seen = [JSON.stringify(empty), String(failed), host.stderr, JSON.stringify(engine.logs)].join("\n");
      for (const value of [privateBatch, encodeURIComponent(privateBatch), "private-tag-x7"]) expect(seen).not.toContain(value);
    });
  });

  test("a project id configured as a secret is [secret] in request lines", async () => {
    await withPlugin({ seed: 8 }, { maxRetries: "1" }, async ({ emulator, engine, host }) => {
      await host.configure({
        endpoint: emulator.url,
        projectId: secret(emulator.projectId),
        accessKey: secret(AK),
        secretKey: secret(SK),
        maxRetries: "1",
      });
      emulator.queueFaults(Array.from({ length: 2 }, () => ({ kind: "status" as const, status: 500 })));
      const failed = (await rejected(host.invoke(GET, { limit: 1 }))).message;
      expect(String(failed)).toMatch(
        /GET \/v1\/\[secret\]\/digital-human-training-manage\/user\/jobs\?offset=0&limit=1 failed after 2 attempts/,
      );
      const seen = [String(failed), host.stderr, JSON.stringify(engine.logs)].join("\n");
      expect(seen).not.toContain(emulator.projectId);
      expect((await host.invoke(GET, { limit: 1 })).ret!.jobs).toHaveLength(1);
    });
  });

  test("identical invokes in flight share a listing only when the same inputs are secret in both", async () => {
    await withPlugin({ seed: 8, latencyMs: 300 }, {}, async ({ emulator, host }) => {
      const before = emulator.stats.requests;
      const [a, b] = await Promise.all([
        host.invokeMarked(WAIT, { batchName: "b-visible-in-a", tag: secret("t-secret-in-a") }),
        host.invokeMarked(WAIT, { batchName: secret("b-visible-in-a"), tag: "t-secret-in-a" }),
      ]);
      expect(a.failures[0].reason).toMatch(/filters set: batchName, tag/);
      expect(b.failures[0].reason).toMatch(/filters set: batchName, tag/);
      expect(a.failures[0].reason).not.toContain("t-secret-in-a");
      expect(b.failures[0].reason).not.toContain("b-visible-in-a");
      expect(emulator.stats.requests - before).toBe(2);
      // The same secrets in both: one listing serves both.
      const [c, d] = await Promise.all([
        host.invokeMarked(WAIT, { batchName: secret("same") }),
        host.invokeMarked(WAIT, { batchName: secret("same") }),
      ]);
      expect(c).toEqual(d);
      expect(emulator.stats.requests - before).toBe(3);
    });
  });

  test("neither the SK nor a token appears on stderr, in engine logs, errors or outputs", async () => {
    await withPlugin({ seed: 5 }, {}, async ({ emulator, engine, host }) => {
      const tokenHost = await pluginFor(
        emulator,
        { accessKey: undefined, secretKey: undefined, authToken: "TOKEN-SHOULD-NOT-LEAK-42" },
        engine,
      );
      try {
        emulator.queueFaults([{ kind: "status", status: 503 }]);
        const ok = await host.invoke(GET, {});
        const failed = (await rejected(tokenHost.invoke(GET, {}))).message;
        const seen = [JSON.stringify(ok), String(failed), host.stderr, tokenHost.stderr, JSON.stringify(engine.logs)].join("\n");
        expect(String(failed)).toMatch(/401/);
        expect(seen).not.toContain(SK);
        expect(seen).not.toContain("TOKEN-SHOULD-NOT-LEAK-42");
        expect(engine.logs.some((l) => /retrying GET/.test(l.message))).toBe(true);
      } finally {
        await tokenHost.stop();
      }
    });
  });
});
