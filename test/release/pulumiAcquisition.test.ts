/**
 * A Python user's first `pulumi up`, with nothing installed but the Pulumi CLI and the Python SDK:
 * an empty PULUMI_HOME, no `node` anywhere on PATH, automatic plugin acquisition on. The SDK's
 * pulumi-plugin.json names the plugin's download server (the schema's pluginDownloadURL,
 * `github://api.github.com/pulumi-metastudio`); PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES sends exactly
 * that server to a loopback HTTP server holding the release tarballs, laid out as GitHub serves
 * release assets. The CLI must fetch the linux-amd64 tarball, install it and run the program,
 * which lists and gates against the emulator.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import { Emulator, startEmulator } from "../../emulator/src";
import { PulumiSandbox } from "../../harness/pulumi/pulumiCli";
import { PLUGIN_DOWNLOAD_URL } from "../../provider/src/pulumi/packageSchema";
import { describeWithTools, REPO_ROOT, toolPath } from "../support/realTools";
import { FileServer, pathWithout, releaseArtifacts, RELEASE_BUILD_MS, serveFiles } from "./support";

const run = promisify(execFile);
const TOKEN = "acquisition-token-not-to-be-seen-00";
jest.setTimeout(900_000);

describeWithTools(["pulumi", "pulumi-language-python"], "the Pulumi plugin acquired automatically, run with no Node.js", () => {
  let emulator: Emulator;
  let server: FileServer;
  let sandbox: PulumiSandbox;
  let work: string;
  let env: Record<string, string | undefined>;
  let version: string;
  /** GitHub's path of a release asset, `/<owner>/<repo>/releases/download/v<version>/<asset>`. */
  let assets: string;

  beforeAll(async () => {
    const rel = await releaseArtifacts();
    version = rel.version;
    assets = `/pulumi-metastudio/pulumi-metastudio/releases/download/v${version}`;
    server = await serveFiles(rel.dir, assets);
    emulator = await startEmulator({ port: 0, token: TOKEN, jobs: 130, seed: 11 });
    emulator.store.add({ job_id: "a".repeat(32), name: "anchor-a", state: "JOB_FINISH", batch_name: "installed", asset_id: "asset-a" });
    emulator.store.add({ job_id: "b".repeat(32), name: "anchor-b", state: "JOB_FINISH", batch_name: "installed", asset_id: "asset-b" });

    work = mkdtempSync(join(tmpdir(), "metastudio-acquire-"));
    const venv = join(work, "venv");
    await run("python3", ["-m", "venv", venv]);
    await run(
      join(venv, "bin", "pip"),
      ["install", "--quiet", "--disable-pip-version-check", "pulumi>=3.272.0,<4.0.0", join(REPO_ROOT, "sdk", "python")],
      {
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const bin = pathWithout({
      pulumi: toolPath("pulumi"),
      "pulumi-language-python": toolPath("pulumi-language-python"),
      "pulumi-language-python-exec": toolPath("pulumi-language-python-exec"),
      python3: join(venv, "bin", "python3"),
      python: join(venv, "bin", "python"),
    });
    sandbox = new PulumiSandbox();
    env = {
      PATH: [bin, "/nonexistent"].join(delimiter),
      PULUMI_PYTHON_CMD: join(venv, "bin", "python"),
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: undefined,
      PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES: `^${PLUGIN_DOWNLOAD_URL.replace(/\./g, "\\.")}/pulumi-metastudio$=${server.url}${assets}`,
    };
  }, RELEASE_BUILD_MS);

  afterAll(async () => {
    await emulator?.stop();
    await server?.stop();
    sandbox?.dispose();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test("no node on the PATH the CLI, the language host, the program and the plugin get", () => {
    for (const dir of (env.PATH ?? "").split(delimiter)) expect([dir, existsSync(join(dir, "node"))]).toEqual([dir, false]);
  });

  test("`pulumi up` downloads the linux-amd64 tarball from the plugin's server, installs it, and the program lists and gates", async () => {
    expect(readdirSync(sandbox.home)).toEqual([]);
    const stack = await sandbox
      .stack({ cwd: join(REPO_ROOT, "test", "release", "programs", "python-installed"), stack: "acquired", env })
      .init(
        { "metastudio:endpoint": emulator.url, "metastudio:projectId": emulator.projectId, batchName: "installed" },
        { "metastudio:authToken": TOKEN },
      );
    await stack.ok(["up", "--yes", "--skip-preview"]);

    expect(server.requests).toContain(`${assets}/pulumi-resource-metastudio-v${version}-linux-amd64.tar.gz`);
    const installed = join(sandbox.home, "plugins", `resource-metastudio-v${version}`);
    expect(readdirSync(installed)).toEqual(expect.arrayContaining(["pulumi-resource-metastudio", "LICENSE", "NODE-LICENSE"]));

    const outputs = await stack.outputs();
    expect(outputs.total).toBe(emulator.store.all().length);
    expect(outputs.listed).toBe(emulator.store.all().length);
    expect(outputs.gateReady).toBe(true);
    expect([...(outputs.assetIds as string[])].sort()).toEqual(["asset-a", "asset-b"]);
    await stack.remove();
  });
});
