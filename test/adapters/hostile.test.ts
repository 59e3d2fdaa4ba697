/**
 * One table of hostile cases, run against both adapters over their real protocols (the Pulumi
 * ResourceProvider and Terraform's tfplugin6, each served in-process against the emulator over
 * HTTP). Each adapter says how it is driven; the cases and what they require are the same.
 */
import { EmulatorOptions, startEmulator } from "../../emulator/src";
import { PluginHost, secret } from "../../harness/pulumi/engineStandIn";
import { describeDiagnostics, TerraformPlugin } from "../../harness/terraform/terraformClient";
import type { ClientFactory } from "../../provider/src/core/session";
import { configKey, text, TextError } from "../../provider/src/schema/text";
import type { TfObject } from "../../provider/src/terraform/dynamicValue";

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

const AK = "AKTESTHOSTILE0000001";
const SK = "SK-hostile-secret-value-00000000000000001";

/** What a user of one protocol is shown for a call: the failures' texts, or the call's outputs. */
interface Shown {
  failures: string[];
}

interface Front {
  name: string;
  /** The hint for a wrong key names these keys, in this protocol's spelling. */
  credentialKeys: string[];
  start(emulator: Emulator, opts?: { secretKey?: string; makeClient?: ClientFactory; maxConcurrency?: number }): Promise<void>;
  gate(batch: string): Promise<Shown>;
  list(batch: string): Promise<Shown>;
  /** Pulumi: SIGTERM. Terraform: StopProvider. */
  shutdown(): Promise<void>;
  log(): string;
  stop(): Promise<void>;
}

function pulumiFront(): Front {
  let host: PluginHost;
  const failuresOf = async (call: Promise<{ failures: Array<{ reason: string }> }>): Promise<Shown> => {
    try {
      return { failures: (await call).failures.map((f) => f.reason) };
    } catch (err) {
      return { failures: [(err as Error).message] };
    }
  };
  return {
    name: "Pulumi",
    credentialKeys: ["metastudio:accessKey", "metastudio:secretKey", "metastudio:authToken"],
    async start(emulator, opts = {}) {
      host = await PluginHost.start({ inProcess: true, makeClient: opts.makeClient, env: {} });
      await host.configure({
        endpoint: emulator.url,
        projectId: emulator.projectId,
        accessKey: secret(AK),
        secretKey: secret(opts.secretKey ?? SK),
        maxRetries: "0",
        maxConcurrency: String(opts.maxConcurrency ?? 10),
      });
    },
    gate: (batch) => failuresOf(host.invoke("metastudio:index:waitForTrainingJobs", { batchName: batch })),
    list: (batch) => failuresOf(host.invoke("metastudio:index:getTrainingJobs", { batchName: batch, pageSize: 1 })),
    shutdown: () => host.terminate(),
    log: () => host.stderr,
    stop: () => host.stop(),
  };
}

function terraformFront(): Front {
  let plugin: TerraformPlugin;
  let configuredFailures: string[] = [];
  const shown = (d: Parameters<typeof describeDiagnostics>[0]): Shown => ({
    failures: describeDiagnostics(d).flatMap((x) => [x.summary, x.detail]),
  });
  return {
    name: "Terraform",
    credentialKeys: ["access_key", "secret_key", "auth_token"],
    async start(emulator, opts = {}) {
      plugin = await TerraformPlugin.inProcess({ env: {}, makeClient: opts.makeClient });
      const block: TfObject = {
        endpoint: emulator.url,
        project_id: emulator.projectId,
        access_key: AK,
        secret_key: opts.secretKey ?? SK,
        max_retries: 0,
        max_concurrency: opts.maxConcurrency ?? 10,
      };
      const configured = await plugin.configure(block);
      // A configuration the provider refuses shows on the calls that need it, as in Pulumi.
      configuredFailures = shown(configured.diagnostics).failures;
    },
    async gate(batch) {
      const config: TfObject = { batch_name: batch };
      const { planned } = await plugin.plan("metastudio_training_jobs_gate", null, config);
      const applied = await plugin.apply("metastudio_training_jobs_gate", null, planned, config);
      return { failures: [...configuredFailures, ...shown(applied.diagnostics).failures] };
    },
    async list(batch) {
      const read = await plugin.readData("metastudio_training_jobs", { batch_name: batch, page_size: 1 });
      return { failures: [...configuredFailures, ...shown(read.diagnostics).failures] };
    },
    async shutdown() {
      await plugin.stopProvider();
    },
    log: () => plugin.stderr,
    stop: () => plugin.stop(),
  };
}

/** C0 and C1 controls, the line and paragraph separators and the bidirectional controls. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function expectSafeLines(texts: readonly string[]) {
  for (const t of texts) {
    expect(t.length).toBeLessThanOrEqual(4000);
    expect(t).not.toMatch(UNSAFE);
  }
}

/** Every log line: one line, bounded, nothing that drives a terminal. */
function expectSafeLog(log: string) {
  const lines = log.split("\n");
  expect(lines.pop()).toBe("");
  expectSafeLines(lines.map((l) => l.replace(/^\[\w+\] /, "")));
}

const HOSTILE = "\n\x1b[31mred\x1b[0m\r\u0000\u202eevil\u2066\u0085";
const hostileName = (i: number) => `job-${i}${HOSTILE}`.padEnd(50_000, HOSTILE);

async function withEmulator(opts: Omit<EmulatorOptions, "accessKey" | "secretKey">, test: (e: Emulator) => Promise<void>) {
  const emulator = await startEmulator({ port: 0, accessKey: AK, secretKey: SK, jobs: 0, ...opts });
  try {
    await test(emulator);
  } finally {
    await emulator.stop();
  }
}

describe.each([
  ["Pulumi", pulumiFront],
  ["Terraform", terraformFront],
])("hostile cases against the %s adapter", (_name, makeFront) => {
  let front: Front;
  beforeEach(() => {
    front = makeFront();
  });
  afterEach(() => front.stop());

  test("names and tags of 50,000 characters with line breaks, ESC, NUL and bidi controls: every failure is one clean line of at most 4,000", async () => {
    await withEmulator({}, async (emulator) => {
      for (let i = 0; i < 25; i++) {
        emulator.store.add({
          job_id: String(i).padStart(32, "0"),
          name: hostileName(i),
          state: "TRAIN_FAILED",
          batch_name: "hostile",
          tags: [hostileName(100 + i)],
        });
      }
      await front.start(emulator);
      const { failures } = await front.gate("hostile");
      expect(failures.join(" ")).toMatch(/25 of 25 selected jobs cannot reach JOB_FINISH/);
      expectSafeLines(failures);
      expectSafeLog(front.log());
    });
  });

  test("a client that cannot be made: a failure of the endpoint setting, in the protocol's words, before any request", async () => {
    await withEmulator({}, async (emulator) => {
      let requests = 0;
      emulator.onRequest(() => requests++);
      const makeClient: ClientFactory = () => {
        throw new TextError(text`the client cannot use this ${configKey("endpoint")}: its certificate authority file is unreadable`);
      };
      await front.start(emulator, { makeClient });
      const { failures } = await front.list("any");
      const endpoint = front.name === "Pulumi" ? "metastudio:endpoint" : "endpoint";
      expect(failures.join("\n")).toContain(`the client cannot use this ${endpoint}: its certificate authority file is unreadable`);
      expect(failures.join("\n")).not.toMatch(/INTERNAL|TypeError|at .*\.js/);
      expectSafeLines(failures);
      expect(requests).toBe(0);
    });
  });

  test("shutdown in the middle of a listing ends it, and no API request starts after it, for a later call either", async () => {
    await withEmulator({ latencyMs: 50 }, async (emulator) => {
      for (let i = 0; i < 10; i++)
        emulator.store.add({ job_id: `${i}`.padStart(32, "a"), name: `j${i}`, state: "TRAINING", batch_name: "slow" });
      // One page at a time: when the second request arrives, it is the only one in flight.
      await front.start(emulator, { maxConcurrency: 1 });
      let requests = 0;
      let stopping: Promise<void> | undefined;
      emulator.onRequest(() => {
        requests++;
        if (requests === 2) stopping = front.shutdown();
      });
      const during = await front.list("slow");
      await stopping;
      expect(during.failures.join("\n")).toMatch(/shutting down|not started|stopping/);
      const after = await front.list("slow");
      expect(after.failures.length).toBeGreaterThan(0);
      expect(requests).toBe(2);
      expectSafeLines([...during.failures, ...after.failures]);
    });
  });

  test("a wrong key: the hint names the credential settings in the protocol's spelling", async () => {
    await withEmulator({}, async (emulator) => {
      await front.start(emulator, { secretKey: "SK-wrong-value-000000000000000000000001" });
      const { failures } = await front.list("any");
      const said = failures.join("\n");
      expect(said).toMatch(/HTTP 401/);
      expect(said).toContain(`Check ${front.credentialKeys[0]}/${front.credentialKeys[1]} (or ${front.credentialKeys[2]})`);
      expect(said).not.toContain("SK-wrong-value");
      expectSafeLines(failures);
    });
  });
});
