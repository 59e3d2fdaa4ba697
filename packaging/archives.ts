/**
 * What each archive of a release is called and holds, as its installer expects it:
 *
 * - Pulumi: `pulumi-resource-<name>-v<version>-<os>-<arch>.tar.gz` with the executable at the top
 *   (the CLI's automatic acquisition and `pulumi plugin install` unpack it into the plugin cache
 *   and start `pulumi-resource-<name>[.exe]`);
 * - Terraform: `terraform-provider-<name>_<version>_<os>_<arch>.zip` with
 *   `terraform-provider-<name>_v<version>[.exe]` at the top, as the registry protocol and a packed
 *   filesystem mirror serve it;
 * - plain: `<name>-v<version>-<os>-<arch>.tar.gz` with `<name>[.exe]`.
 *
 * Every archive also holds the project's LICENSE and Node.js's (NODE-LICENSE: the runtime is inside).
 * Entries are sorted and dated SOURCE_DATE_EPOCH (default 1980-01-02, the zip format's first
 * day), owned by 0, so the same inputs give the same bytes.
 */
import { execFile } from "node:child_process";
import { readdirSync, statSync, utimesSync } from "node:fs";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { ExecutableSpec } from "./executables";
import { Platform, platformName } from "./platforms";

const run = promisify(execFile);

export interface ArchiveNames {
  /** The archive's file name. */
  readonly archive: string;
  /** The executable's name inside it. */
  readonly executable: string;
  readonly format: "tar.gz" | "zip";
}

export function archiveNames(spec: ExecutableSpec, version: string, p: Platform): ArchiveNames {
  switch (spec.release) {
    case "pulumi":
      return {
        archive: `${spec.name}-v${version}-${platformName(p, "-")}.tar.gz`,
        executable: `${spec.name}${p.exeSuffix}`,
        format: "tar.gz",
      };
    case "terraform":
      return {
        archive: `${spec.name}_${version}_${platformName(p, "_")}.zip`,
        executable: `${spec.name}_v${version}${p.exeSuffix}`,
        format: "zip",
      };
    case "plain":
      return {
        archive: `${spec.name}-v${version}-${platformName(p, "-")}.tar.gz`,
        executable: `${spec.name}${p.exeSuffix}`,
        format: "tar.gz",
      };
  }
}

function sourceDate(): Date {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return new Date(Number.isFinite(epoch) && epoch >= 315532800 ? epoch * 1000 : Date.UTC(1980, 0, 2));
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

/** Archives every file of `stageDir` (paths relative to it) into `out`. */
export async function writeArchive(stageDir: string, format: ArchiveNames["format"], out: string): Promise<void> {
  const files = filesUnder(stageDir);
  const date = sourceDate();
  for (const f of files) utimesSync(join(stageDir, f), date, date);
  const opts = { cwd: stageDir, maxBuffer: 16 * 1024 * 1024 };
  if (format === "zip") {
    // -X: no extra attributes (uid, times) beyond the Unix mode, which keeps the executable bit.
    await run("zip", ["-X", "-q", out, ...files], opts);
  } else {
    const mtime = `@${Math.floor(date.getTime() / 1000)}`;
    await run("tar", ["--owner=0", "--group=0", "--numeric-owner", `--mtime=${mtime}`, "-cf", `${out}.tar`, ...files], opts);
    // gzip -n: no name or time stamp in the header.
    await run("gzip", ["-n", "-f", `${out}.tar`], opts);
    await run("mv", ["-f", `${out}.tar.gz`, out]);
  }
}
