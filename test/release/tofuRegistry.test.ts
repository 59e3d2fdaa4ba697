/**
 * The Terraform provider installed as a registry user installs it, with no Node.js on the machine:
 * OpenTofu speaks the provider registry protocol to a loopback server (the CLI configuration's
 * `host` block points the default registry's `providers.v1` service there, so examples/terraform
 * keeps its source address, `pulumi-metastudio/metastudio`), downloads the release zip, checks it
 * against the release's SHA256SUMS and that file's detached signature by an ephemeral GPG key, and
 * runs apply with the installed executable. `tofu providers lock` records the hashes of all five
 * platforms. A signature by a key the registry did not name fails the installation.
 */
import { execFile } from "node:child_process";
import { cpSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startEmulator } from "../../emulator/src";
import { runTofu, type TofuRun } from "../../harness/terraform/tofuCli";
import { signDetached } from "../../packaging/checksums";
import { PLATFORMS, platformName } from "../../packaging/platforms";
import { terraformFiles } from "../../packaging/release";
import { describeWithTools, REPO_ROOT, toolPath } from "../support/realTools";
import { FileServer, pathWithout, releaseArtifacts, RELEASE_BUILD_MS, serveFiles } from "./support";

const run = promisify(execFile);
const TOKEN = "tofu-registry-token-not-to-be-seen";
const NAMESPACE = "pulumi-metastudio";
const TYPE = "metastudio";
jest.setTimeout(300_000);

/** A new gpg home with one signing key; its long key id and armored public key. */
async function ephemeralKey(home: string, name: string): Promise<{ keyId: string; armor: string }> {
  mkdirSync(home, { mode: 0o700 });
  const gpg = (args: string[]) => run("gpg", ["--batch", "--homedir", home, ...args]);
  await gpg(["--passphrase", "", "--quick-gen-key", `${name} <release@example.invalid>`, "rsa2048", "sign", "never"]);
  const { stdout } = await gpg(["--with-colons", "--list-keys"]);
  const keyId = stdout
    .split("\n")
    .find((l) => l.startsWith("pub:"))!
    .split(":")[4];
  const armor = (await gpg(["--armor", "--export", keyId])).stdout;
  return { keyId, armor };
}

describeWithTools(["tofu"], "OpenTofu installs the provider from the release over the registry protocol", () => {
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  let server: FileServer;
  let work: string;
  let env: Record<string, string>;
  let version: string;
  let key: { keyId: string; armor: string };

  function tofu(args: string[], dir = "config", extraEnv: Record<string, string> = {}): Promise<TofuRun> {
    return runTofu(args, { cwd: join(work, dir), env: { ...env, ...extraEnv } });
  }

  /** The registry's answers for one release, signed by `signer`, naming `named` as the key. */
  function registryRoutes(files: string, named: { keyId: string; armor: string }): Record<string, unknown> {
    const tf = terraformFiles(version);
    const sums = new Map(
      readFileSync(join(files, tf.sums), "utf8")
        .trim()
        .split("\n")
        .map((l) => l.split(/ {2}/).reverse() as [string, string]),
    );
    const base = `/v1/providers/${NAMESPACE}/${TYPE}`;
    const routes: Record<string, unknown> = {
      [`${base}/versions`]: {
        versions: [{ version, protocols: ["6.0"], platforms: PLATFORMS.map((p) => ({ os: p.os, arch: p.arch })) }],
      },
    };
    for (const p of PLATFORMS) {
      const filename = `terraform-provider-${TYPE}_${version}_${platformName(p, "_")}.zip`;
      routes[`${base}/${version}/download/${p.os}/${p.arch}`] = {
        protocols: ["6.0"],
        os: p.os,
        arch: p.arch,
        filename,
        download_url: `${server.url}/files/${filename}`,
        shasums_url: `${server.url}/files/${tf.sums}`,
        shasums_signature_url: `${server.url}/files/${tf.sums}.sig`,
        shasum: sums.get(filename),
        signing_keys: { gpg_public_keys: [{ key_id: named.keyId, ascii_armor: named.armor }] },
      };
    }
    return routes;
  }

  beforeAll(async () => {
    const rel = await releaseArtifacts();
    version = rel.version;
    work = mkdtempSync(join(tmpdir(), "metastudio-tofu-registry-"));
    // The registry's files: the release (hard links) and the signature made here.
    const files = join(work, "files");
    mkdirSync(files);
    for (const f of rel.files) linkSync(join(rel.dir, f), join(files, f));
    key = await ephemeralKey(join(work, "gnupg"), "metastudio release test");
    await signDetached(join(files, terraformFiles(version).sums), { keyId: key.keyId, gnupgHome: join(work, "gnupg") });
    server = await serveFiles(files, "/files");
    server.routes = registryRoutes(files, key);

    emulator = await startEmulator({ port: 0, token: TOKEN, jobs: 90, seed: 21 });
    emulator.store.add({
      job_id: "1".repeat(32),
      name: "anchor-news",
      state: "JOB_FINISH",
      batch_name: "release-7",
      asset_id: "asset-news",
    });
    emulator.store.add({
      job_id: "2".repeat(32),
      name: "anchor-sport",
      state: "JOB_FINISH",
      batch_name: "release-7",
      asset_id: "asset-sport",
    });
    cpSync(join(REPO_ROOT, "examples", "terraform"), join(work, "config"), {
      recursive: true,
      filter: (src) => !/\.terraform|tfstate/.test(src),
    });
    writeFileSync(
      join(work, "tofurc"),
      `host "registry.opentofu.org" {\n  services = {\n    "providers.v1" = "${server.url}/v1/providers/"\n  }\n}\n`,
    );
    env = {
      // tofu alone: the provider it starts finds no node anywhere.
      PATH: pathWithout({ tofu: toolPath("tofu") }),
      HOME: work,
      TF_CLI_CONFIG_FILE: join(work, "tofurc"),
      TF_IN_AUTOMATION: "1",
      CHECKPOINT_DISABLE: "1",
      HW_METASTUDIO_ENDPOINT: emulator.url,
      HW_PROJECT_ID: emulator.projectId,
      HW_AUTH_TOKEN: TOKEN,
    };
  }, RELEASE_BUILD_MS);

  afterAll(async () => {
    await emulator?.stop();
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test("init downloads the linux-amd64 zip and verifies it against the signed SHA256SUMS", async () => {
    const r = await tofu(["init", "-input=false"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Installing ${NAMESPACE}/${TYPE} v${version}`);
    expect(r.stdout).toMatch(
      new RegExp(`Installed ${NAMESPACE}/${TYPE} v${version.replace(/\./g, "\\.")} \\(signed, key ID ${key.keyId}\\)`, "i"),
    );
    const tf = terraformFiles(version);
    expect(server.requests).toEqual(
      expect.arrayContaining([
        `/files/terraform-provider-${TYPE}_${version}_linux_amd64.zip`,
        `/files/${tf.sums}`,
        `/files/${tf.sums}.sig`,
      ]),
    );
  });

  test("`tofu providers lock` records the hashes of all five platforms from the registry", async () => {
    const platforms = PLATFORMS.map((p) => `-platform=${platformName(p, "_")}`);
    const r = await tofu(["providers", "lock", ...platforms]);
    expect(r.code).toBe(0);
    const lock = readFileSync(join(work, "config", ".terraform.lock.hcl"), "utf8");
    const sums = readFileSync(join(work, "files", terraformFiles(version).sums), "utf8");
    const zips = sums
      .trim()
      .split("\n")
      .map((line) => line.split(/ {2}/))
      .filter(([, name]) => name.endsWith(".zip"));
    expect(zips).toHaveLength(PLATFORMS.length);
    for (const [hash, name] of zips) expect({ name, locked: lock.includes(`"zh:${hash}"`) }).toEqual({ name, locked: true });
    // One h1: hash per platform's unpacked package (darwin's two are the same bytes, so one line).
    expect((lock.match(/"h1:/g) ?? []).length).toBeGreaterThanOrEqual(4);
  });

  test("apply runs the installed provider with no node on PATH: the gate passes and the outputs count the emulator's jobs", async () => {
    const r = await tofu(["apply", "-input=false", "-auto-approve"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const outputs = JSON.parse((await tofu(["output", "-json"])).stdout) as Record<string, { value: unknown }>;
    expect(outputs.total.value).toBe(emulator.store.all().length);
    expect([...(outputs.deployed_assets.value as string[])].sort()).toEqual(["asset-news", "asset-sport"]);
  });

  test("a SHA256SUMS signed by another key than the registry names is refused", async () => {
    const other = await ephemeralKey(join(work, "gnupg-other"), "someone else");
    const files = join(work, "files");
    await signDetached(join(files, terraformFiles(version).sums), { keyId: other.keyId, gnupgHome: join(work, "gnupg-other") });
    mkdirSync(join(work, "tampered"));
    cpSync(join(REPO_ROOT, "examples", "terraform", "main.tf"), join(work, "tampered", "main.tf"));
    const r = await tofu(["init", "-input=false"], "tampered");
    expect(r.code).toBe(1);
    expect(r.stderr.replace(/[\s│]+/g, " ")).toMatch(/signature|authentication/i);
  });
});
