/**
 * Official Node.js binaries from the npm registry, fetched with the ordinary npm client
 * (`npm pack node-<os>-<arch>@<version>`) into the git-ignored cache and unpacked there once.
 * The release needs no other download.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * The Node.js inside every executable: the same version as `.tools/bin/node`
 * (scripts/install-node.sh), served by npm for all four runtime packages.
 */
export const NODE_RUNTIME_VERSION = "22.23.3";

/** The unpacked package folder (`<cache>/node/<pkg>-<version>/package`), fetched if missing. */
export async function nodeRuntime(cacheDir: string, nodePackage: string, version = NODE_RUNTIME_VERSION): Promise<string> {
  const base = join(cacheDir, "node");
  const dir = join(base, `${nodePackage}-${version}`);
  const pkg = join(dir, "package");
  if (existsSync(join(dir, ".complete"))) return pkg;
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const { stdout } = await run("npm", ["pack", `${nodePackage}@${version}`, "--silent", "--pack-destination", tmp], {
    maxBuffer: 1024 * 1024,
  });
  const tarball = join(tmp, stdout.trim().split("\n").pop() ?? "");
  await run("tar", ["-xzf", tarball, "-C", tmp]);
  rmSync(tarball);
  // Another build may have finished the same package meanwhile: either copy is the same bytes.
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  mkdirSync(join(dir, ".complete"));
  return pkg;
}
