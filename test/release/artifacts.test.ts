/**
 * The release artifacts for the five platforms, checked as files: names as each installer expects
 * them, checksums, the Terraform manifest, and per platform the executable's format and CPU and
 * that the program is inside it; the metastudio command of linux-amd64 runs here. The providers of
 * linux-amd64 run in the end-to-end tests and linux-arm64 under
 * qemu (qemu.test.ts); darwin and windows cannot run here, so the darwin launcher is run with the
 * linux runtime in place of Node's Mach-O binary, proving the script and the bundle beside it.
 */
import { execFile, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { startEmulator } from "../../emulator/src";
import { firstStdoutLine } from "../../harness/firstStdoutLine";
import { REPO_ROOT } from "../../harness/repoRoot";
import { sha256File } from "../../packaging/checksums";
import { COMMAND_LINE, EXECUTABLES, ExecutableSpec, PULUMI_PLUGIN, TERRAFORM_PROVIDER } from "../../packaging/executables";
import { archiveNames } from "../../packaging/archives";
import { nodeRuntime } from "../../packaging/nodeRuntime";
import { PLATFORMS, platformName } from "../../packaging/platforms";
import { programBundle } from "../../packaging/programBundle";
import { ALL_SUMS, Release, terraformFiles } from "../../packaging/release";
import { SEA_FUSE } from "../../packaging/seaExecutable";
import { binaryFormat, peSecurityDirectory, releaseArtifacts, RELEASE_BUILD_MS, unpack } from "./support";

const run = promisify(execFile);
jest.setTimeout(120_000);

let rel: Release;
beforeAll(async () => {
  rel = await releaseArtifacts();
}, RELEASE_BUILD_MS);

const sums = (file: string): Map<string, string> =>
  new Map(
    readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((l) => {
        const [hash, name] = l.split(/ {2}/);
        return [name, hash] as [string, string];
      }),
  );

/** Each release file hashed once, though two tests check its sum (the zips are ~100 MB each). */
const hashes = new Map<string, Promise<string>>();
const hashOf = (name: string): Promise<string> => {
  if (!hashes.has(name)) hashes.set(name, sha256File(join(rel.dir, name)));
  return hashes.get(name)!;
};
/** Each program bundled once, though every platform's archive is checked against it. */
const bundles = new Map<ExecutableSpec, Promise<string>>();
const bundleOf = (spec: ExecutableSpec): ReturnType<typeof programBundle> => {
  if (!bundles.has(spec)) bundles.set(spec, programBundle(REPO_ROOT, spec));
  return bundles.get(spec)!;
};

test("every archive of every platform is there, named as `pulumi plugin install` and the Terraform registry expect", () => {
  const named = PLATFORMS.flatMap((p) => [
    `pulumi-resource-metastudio-v${rel.version}-${platformName(p, "-")}.tar.gz`,
    `terraform-provider-metastudio_${rel.version}_${platformName(p, "_")}.zip`,
  ]);
  expect(named).toHaveLength(10);
  expect(rel.files).toEqual(expect.arrayContaining(named));
  const archives = EXECUTABLES.flatMap((spec) => PLATFORMS.map((p) => archiveNames(spec, rel.version, p).archive));
  const tf = terraformFiles(rel.version);
  expect([...rel.files].sort()).toEqual([...archives, tf.sums, tf.manifest, ALL_SUMS].sort());
});

test("the Terraform SHA256SUMS covers the five zips and the manifest, and every sum matches", async () => {
  const tf = terraformFiles(rel.version);
  const listed = sums(join(rel.dir, tf.sums));
  expect([...listed.keys()].sort()).toEqual(rel.files.filter((f) => f.endsWith(".zip") || f === tf.manifest).sort());
  for (const [name, hash] of listed) expect([name, await hashOf(name)]).toEqual([name, hash]);
  // The same file as sha256sum reads it.
  const { stdout } = await run("sha256sum", ["-c", tf.sums], { cwd: rel.dir });
  expect(stdout.trim().split("\n")).toHaveLength(6);
});

test("SHA256SUMS covers every other file of the release", async () => {
  const listed = sums(join(rel.dir, ALL_SUMS));
  expect([...listed.keys()].sort()).toEqual(rel.files.filter((f) => f !== ALL_SUMS).sort());
  for (const [name, hash] of listed) expect(await hashOf(name)).toBe(hash);
});

test("the manifest says tfplugin6 (protocol 6.0), as the registry reads it", () => {
  const manifest = JSON.parse(readFileSync(join(rel.dir, terraformFiles(rel.version).manifest), "utf8"));
  expect(manifest).toEqual({ version: 1, metadata: { protocol_versions: ["6.0"] } });
});

const ARCH = { amd64: "x86_64", arm64: "aarch64" } as const;

for (const platform of PLATFORMS) {
  for (const spec of EXECUTABLES) {
    const label = `${spec.name} ${platformName(platform, "-")}`;
    test(`${label}: ${platform.layout === "sea" ? "one executable with the program injected" : "a launcher beside Node's binary and the program"}`, async () => {
      const names = archiveNames(spec, rel.version, platform);
      const dir = await unpack(join(rel.dir, names.archive));
      try {
        const bundle = await bundleOf(spec);
        const executable = readFileSync(join(dir, names.executable));
        expect(readFileSync(join(dir, "LICENSE"), "utf8")).toBe(readFileSync(join(REPO_ROOT, "LICENSE"), "utf8"));
        expect(readFileSync(join(dir, "NODE-LICENSE"), "utf8")).toMatch(/^Node\.js is licensed/);
        if (platform.layout === "sea") {
          expect(binaryFormat(executable)).toEqual({ format: platform.os === "windows" ? "PE32+" : "ELF", arch: ARCH[platform.arch] });
          // The program, byte for byte, and the fuse flipped, so Node runs it instead of its REPL.
          expect(executable.indexOf(bundle)).toBeGreaterThan(0);
          expect(executable.indexOf(`${SEA_FUSE}:1`)).toBeGreaterThan(0);
          expect(executable.indexOf(`${SEA_FUSE}:0`)).toBe(-1);
          // No Authenticode signature left that the injection would have broken.
          if (platform.os === "windows") expect(peSecurityDirectory(executable)).toEqual([0, 0]);
        } else {
          // darwin-arm64 carries the x86_64 runtime (Rosetta 2): npm serves no arm64 Node 22 for macOS.
          expect(binaryFormat(readFileSync(join(dir, "runtime", "node")))).toEqual({ format: "Mach-O", arch: "x86_64" });
          expect(readFileSync(join(dir, "runtime", `${spec.name}.js`), "utf8")).toBe(bundle);
          expect(executable.toString("utf8")).toMatch(/^#!\/bin\/sh\n/);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
}

test("the darwin launcher starts the bundle beside it on the runtime beside it (Linux's Node of the same version standing in for the Mach-O one)", async () => {
  const darwin = PLATFORMS.find((p) => p.os === "darwin")!;
  const linux = PLATFORMS.find((p) => p.os === "linux" && p.arch === "amd64")!;
  const names = archiveNames(PULUMI_PLUGIN, rel.version, darwin);
  const dir = await unpack(join(rel.dir, names.archive));
  try {
    copyFileSync(join(await nodeRuntime(join(REPO_ROOT, ".cache"), linux.nodePackage), linux.nodeBinary), join(dir, "runtime", "node"));
    // Started by its path, and through a relative symlink in another folder (a link onto PATH).
    mkdirSync(join(dir, "links", "bin"), { recursive: true });
    symlinkSync(join("..", "..", names.executable), join(dir, "links", "bin", names.executable));
    for (const started of [join(dir, names.executable), join(dir, "links", "bin", names.executable)]) {
      const child = spawn(started, [], { env: { PATH: "/nonexistent" }, stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
      const line = await firstStdoutLine(child, names.executable, { stderr: () => stderr });
      child.kill("SIGTERM");
      expect(line).toMatch(/^\d+$/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the Terraform zips hold the executable at the top, executable, under the name Terraform looks for", async () => {
  for (const platform of PLATFORMS) {
    const names = archiveNames(TERRAFORM_PROVIDER, rel.version, platform);
    const { stdout } = await run("zipinfo", [join(rel.dir, names.archive)]);
    expect(stdout).toMatch(new RegExp(`^-rwx.* ${names.executable.replace(/\./g, "\\.")}$`, "m"));
    expect(names.executable).toBe(`terraform-provider-metastudio_v${rel.version}${platform.os === "windows" ? ".exe" : ""}`);
  }
});

test("the metastudio command of linux-amd64, unpacked alone, lists every job with no node on PATH, and says its version", async () => {
  const amd64 = PLATFORMS.find((p) => p.os === "linux" && p.arch === "amd64")!;
  const names = archiveNames(COMMAND_LINE, rel.version, amd64);
  const dir = await unpack(join(rel.dir, names.archive));
  const token = "release-cli-token-0000000000000";
  const emulator = await startEmulator({ port: 0, token, jobs: 150, seed: 9 });
  try {
    const env = { PATH: "/nonexistent", HW_METASTUDIO_ENDPOINT: emulator.url, HW_PROJECT_ID: emulator.projectId, HW_AUTH_TOKEN: token };
    const exe = join(dir, names.executable);
    expect((await run(exe, ["--version"], { env })).stdout.trim()).toContain(rel.version);
    const { stdout } = await run(exe, ["jobs", "list", "--output", "json"], { env, maxBuffer: 64 << 20 });
    const listed = JSON.parse(stdout) as { count: number; jobs: { jobId: string }[] };
    expect(listed.count).toBe(150);
    expect(listed.jobs.map((j) => j.jobId).sort()).toEqual(
      emulator.store
        .all()
        .map((j) => j.job_id)
        .sort(),
    );
  } finally {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
