/**
 * The linux-arm64 executables, run under qemu-user (Debian's qemu-user-static, with the arm64
 * C libraries of libc6-arm64-cross and libstdc++6-arm64-cross), as an arm64 machine would run
 * them: the Pulumi plugin prints its port, serves its schema and lists jobs from the emulator
 * over HTTP; the Terraform provider answers go-plugin's handshake and reads the data source; the
 * metastudio command lists every job as JSON.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { promisify } from "node:util";
import { join } from "node:path";
import { PluginHost, secret } from "../../harness/pulumi/engineStandIn";
import { REPO_ROOT } from "../../harness/repoRoot";
import { TerraformPlugin } from "../../harness/terraform/terraformClient";
import { startEmulator } from "../../emulator/src";
import { archiveNames } from "../../packaging/archives";
import { COMMAND_LINE, PULUMI_PLUGIN, TERRAFORM_PROVIDER } from "../../packaging/executables";
import { PLATFORMS } from "../../packaging/platforms";
import { describeWithCommands, onPath, releaseArtifacts, RELEASE_BUILD_MS, unpack } from "./support";

const ARM64_LIBS = "/usr/aarch64-linux-gnu";
const TOKEN = "qemu-token-not-to-be-seen-0000000";
// An emulated CPU starts Node in seconds, not milliseconds.
jest.setTimeout(300_000);

describeWithCommands({ "qemu-aarch64-static": "qemu-user-static" }, "the linux-arm64 executables under qemu-user", () => {
  const arm64 = PLATFORMS.find((p) => p.os === "linux" && p.arch === "arm64")!;
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  const dirs: string[] = [];
  // By absolute path: the executables get a PATH that finds nothing.
  const qemu = (exe: string) => [onPath("qemu-aarch64-static")!, "-L", ARM64_LIBS, exe];

  beforeAll(async () => {
    if (!existsSync(join(ARM64_LIBS, "lib", "ld-linux-aarch64.so.1")))
      throw new Error(`no arm64 C library in ${ARM64_LIBS}: apt-get install libc6-arm64-cross libstdc++6-arm64-cross`);
    emulator = await startEmulator({ port: 0, token: TOKEN, jobs: 120, seed: 4 });
  }, RELEASE_BUILD_MS);
  afterAll(async () => {
    await emulator?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  async function executable(spec: typeof PULUMI_PLUGIN): Promise<string> {
    const rel = await releaseArtifacts();
    const names = archiveNames(spec, rel.version, arm64);
    const dir = await unpack(join(rel.dir, names.archive));
    dirs.push(dir);
    return join(dir, names.executable);
  }

  test(
    "the Pulumi plugin: port line, GetSchema, and getTrainingJobs listing every job of the emulator",
    async () => {
      const host = await PluginHost.start({ command: qemu(await executable(PULUMI_PLUGIN)), env: { PATH: "/nonexistent" } });
      try {
        expect(await host.getSchema()).toEqual(JSON.parse(readFileSync(join(REPO_ROOT, "provider", "schema.json"), "utf8")));
        await host.configure({ endpoint: emulator.url, projectId: emulator.projectId, authToken: secret(TOKEN) });
        const r = await host.invoke("metastudio:index:getTrainingJobs", { pageSize: 50 });
        expect(r.failures).toEqual([]);
        expect(r.ret?.count).toBe(emulator.store.all().length);
        expect((r.ret?.jobs as unknown[]).length).toBe(emulator.store.all().length);
      } finally {
        await host.stop();
      }
    },
    RELEASE_BUILD_MS,
  );

  test(
    "the Terraform provider: go-plugin handshake over AutoMTLS, then the data source read from the emulator",
    async () => {
      const tf = await TerraformPlugin.spawn({ command: qemu(await executable(TERRAFORM_PROVIDER)), env: { PATH: "/nonexistent" } });
      try {
        expect(tf.handshake).toMatchObject({ core: 1, protocol: 6, network: "tcp", kind: "grpc" });
        expect(tf.handshake.cert).not.toBe("");
        expect((await tf.configure({ endpoint: emulator.url, project_id: emulator.projectId, auth_token: TOKEN })).diagnostics).toEqual([]);
        const read = await tf.readData("metastudio_training_jobs", { page_size: 50 });
        expect(read.diagnostics).toEqual([]);
        expect((read.state as { total: number }).total).toBe(emulator.store.all().length);
      } finally {
        await tf.stop();
      }
    },
    RELEASE_BUILD_MS,
  );

  test(
    "the metastudio command: jobs list --output json, every job of the emulator, with no node on PATH",
    async () => {
      const [file, ...args] = qemu(await executable(COMMAND_LINE));
      const env = { PATH: "/nonexistent", HW_METASTUDIO_ENDPOINT: emulator.url, HW_PROJECT_ID: emulator.projectId, HW_AUTH_TOKEN: TOKEN };
      const { stdout } = await promisify(execFile)(file, [...args, "jobs", "list", "--output", "json"], { env, maxBuffer: 64 << 20 });
      const listed = JSON.parse(stdout) as { count: number; jobs: { jobId: string }[] };
      expect(listed.count).toBe(emulator.store.all().length);
      const ids = listed.jobs.map((j) => j.jobId).sort();
      expect(ids).toEqual(
        emulator.store
          .all()
          .map((j) => j.job_id)
          .sort(),
      );
    },
    RELEASE_BUILD_MS,
  );
});
