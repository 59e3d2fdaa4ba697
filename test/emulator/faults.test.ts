/** Fault and latency flags, over real HTTP, reproducible by seed. */
import { Emulator, startEmulator } from "../../emulator/src";
import { get, jobsPath } from "./support";

const TOKEN = "fault-test-token";
const auth = { "X-Auth-Token": TOKEN };

async function statuses(emulator: Emulator, n: number): Promise<Array<number | "reset">> {
  const out: Array<number | "reset"> = [];
  for (let i = 0; i < n; i++)
    out.push(
      await get(emulator, jobsPath(emulator), auth).then(
        (a) => a.status,
        () => "reset" as const,
      ),
    );
  return out;
}

async function withEmulator<T>(opts: Parameters<typeof startEmulator>[0], fn: (e: Emulator) => Promise<T>): Promise<T> {
  const emulator = await startEmulator({ port: 0, token: TOKEN, jobs: 20, ...opts });
  try {
    return await fn(emulator);
  } finally {
    await emulator.stop();
  }
}

test("--fail-rate 1 answers every request 5xx with an MSS error body and a request id", async () => {
  await withEmulator({ failRate: 1 }, async (e) => {
    for (let i = 0; i < 5; i++) {
      const a = await get(e, jobsPath(e), auth);
      expect(a.status).toBeGreaterThanOrEqual(500);
      expect(a.json()).toMatchObject({ error_code: "MSS.00000004", error_msg: expect.any(String) });
      expect(a.headers["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);
    }
  });
});

test("--throttle-rate 1 answers 429 APIG.0308 with Retry-After", async () => {
  await withEmulator({ throttleRate: 1 }, async (e) => {
    const a = await get(e, jobsPath(e), auth);
    expect(a.status).toBe(429);
    expect(a.json().error_code).toBe("APIG.0308");
    expect(Number(a.headers["retry-after"])).toBeGreaterThanOrEqual(1);
  });
});

test("--reset-rate 1 drops the connection without an answer", async () => {
  await withEmulator({ resetRate: 1 }, async (e) => {
    await expect(get(e, jobsPath(e), auth)).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(e.stats.byStatus.reset).toBe(1);
  });
});

test("mixed rates hit about their share, and the same seed fails the same requests", async () => {
  const opts = { failRate: 0.2, throttleRate: 0.1, resetRate: 0.1, seed: 1234 };
  const first = await withEmulator(opts, (e) => statuses(e, 200));
  const second = await withEmulator(opts, (e) => statuses(e, 200));
  expect(second).toEqual(first);
  const share = (pred: (s: number | "reset") => boolean) => first.filter(pred).length / first.length;
  expect(share((s) => s === 200)).toBeGreaterThan(0.45);
  expect(share((s) => s === 200)).toBeLessThan(0.75);
  expect(share((s) => s === 429)).toBeGreaterThan(0.03);
  expect(share((s) => s === "reset")).toBeGreaterThan(0.03);
  expect(share((s) => typeof s === "number" && s >= 500)).toBeGreaterThan(0.1);
  const other = await withEmulator({ ...opts, seed: 4321 }, (e) => statuses(e, 200));
  expect(other).not.toEqual(first);
});

test("the same seed gives the same data; another seed other data", async () => {
  const a = await withEmulator({ seed: 5 }, async (e) => e.store.all());
  const b = await withEmulator({ seed: 5 }, async (e) => e.store.all());
  const c = await withEmulator({ seed: 6 }, async (e) => e.store.all());
  expect(b).toEqual(a);
  expect(c).not.toEqual(a);
});

test("--latency-ms delays every answer by at least that long", async () => {
  await withEmulator({ latencyMs: 150 }, async (e) => {
    const t0 = performance.now();
    await get(e, jobsPath(e), auth);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(145);
  });
});

test("queued faults come first, in order, including a malformed answer", async () => {
  await withEmulator({}, async (e) => {
    e.queueFaults([{ kind: "status", status: 503 }, { kind: "malformed" }, { kind: "status", status: 429, retryAfter: 3 }]);
    expect((await get(e, jobsPath(e), auth)).status).toBe(503);
    const malformed = await get(e, jobsPath(e), auth);
    expect(malformed.status).toBe(200);
    expect(() => malformed.json()).toThrow();
    const throttled = await get(e, jobsPath(e), auth);
    expect(throttled.headers["retry-after"]).toBe("3");
    expect((await get(e, jobsPath(e), auth)).status).toBe(200);
  });
});
