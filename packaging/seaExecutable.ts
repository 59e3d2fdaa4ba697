/**
 * Node.js single-executable applications (https://nodejs.org/api/single-executable-applications.html):
 * the program's bundle becomes a blob (`node --experimental-sea-config`, written by a Node binary
 * of the same version as the one it goes into) and postject injects it into a copy of the
 * platform's official Node binary, flipping the SEA fuse. No code cache or snapshot: both are
 * specific to the platform that writes them, and one blob serves all three targets.
 */
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { stripAuthenticode } from "./peSignature";

const run = promisify(execFile);

/** The fuse Node's binaries carry; postject flips it so Node looks for the blob at start. */
export const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";
/** The resource (PE), section (ELF) or segment note (Mach-O) name Node reads the blob from. */
export const SEA_RESOURCE = "NODE_SEA_BLOB";

interface Postject {
  inject(
    file: string,
    resource: string,
    data: Buffer,
    options: { sentinelFuse: string; machoSegmentName?: string; overwrite?: boolean },
  ): Promise<void>;
}

/** The SEA preparation blob of a bundle, written by `hostNode`. */
export async function seaBlob(hostNode: string, bundle: string): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), "metastudio-sea-"));
  try {
    writeFileSync(join(dir, "main.js"), bundle);
    const config = { main: join(dir, "main.js"), output: join(dir, "sea.blob"), disableExperimentalSEAWarning: true };
    writeFileSync(join(dir, "sea-config.json"), JSON.stringify(config));
    await run(hostNode, ["--experimental-sea-config", join(dir, "sea-config.json")]);
    return readFileSync(join(dir, "sea.blob"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `nodeBinary` with `blob` injected, written to `out`. */
export async function seaExecutable(nodeBinary: string, blob: Buffer, out: string): Promise<void> {
  copyFileSync(nodeBinary, out);
  chmodSync(out, 0o755);
  if (out.endsWith(".exe")) stripAuthenticode(out);
  // postject has no type declarations; its one function is typed above.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const postject = require("postject") as Postject;
  // postject prints LIEF's warnings about ELF note names it does not know; they are harmless.
  await postject.inject(out, SEA_RESOURCE, blob, { sentinelFuse: SEA_FUSE });
}
