/**
 * Shared by the release tests: the release artifacts (built once, from the cache of
 * packaging/release.ts, which CI fills before the tests), unpacking them, reading executable
 * headers, and a loopback file server that records what was asked of it.
 */
import { execFile, execFileSync } from "node:child_process";
import { createReadStream, existsSync, mkdtempSync, statSync } from "node:fs";
import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "../../harness/repoRoot";
import { release, Release } from "../../packaging/release";

const run = promisify(execFile);

/** Building ten executables on a loaded two-core machine; a cache hit takes a second. */
export const RELEASE_BUILD_MS = 20 * 60_000;

let built: Promise<Release> | undefined;
export function releaseArtifacts(): Promise<Release> {
  return (built ??= release({ repoRoot: REPO_ROOT, log: () => undefined }));
}

/** Unpacks a release archive (tar.gz or zip) into a new temporary folder. */
export async function unpack(archive: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "metastudio-unpacked-"));
  if (archive.endsWith(".zip")) await run("unzip", ["-q", archive, "-d", dir]);
  else await run("tar", ["-xzf", archive, "-C", dir]);
  return dir;
}

export interface BinaryFormat {
  format: "ELF" | "Mach-O" | "PE32+" | "unknown";
  arch: "x86_64" | "aarch64" | "other";
}

/** The container format and CPU of an executable, from its header. */
export function binaryFormat(b: Buffer): BinaryFormat {
  if (b.readUInt32BE(0) === 0x7f454c46 && b[4] === 2) {
    const machine = b.readUInt16LE(0x12);
    return { format: "ELF", arch: machine === 0x3e ? "x86_64" : machine === 0xb7 ? "aarch64" : "other" };
  }
  if (b.readUInt32LE(0) === 0xfeedfacf) {
    const cpu = b.readUInt32LE(4);
    return { format: "Mach-O", arch: cpu === 0x01000007 ? "x86_64" : cpu === 0x0100000c ? "aarch64" : "other" };
  }
  if (b.toString("latin1", 0, 2) === "MZ") {
    const pe = b.readUInt32LE(0x3c);
    if (b.toString("latin1", pe, pe + 4) === "PE\0\0" && b.readUInt16LE(pe + 24) === 0x20b) {
      const machine = b.readUInt16LE(pe + 4);
      return { format: "PE32+", arch: machine === 0x8664 ? "x86_64" : machine === 0xaa64 ? "aarch64" : "other" };
    }
  }
  return { format: "unknown", arch: "other" };
}

/** The PE32+ security directory (Authenticode), `[offset, size]`. */
export function peSecurityDirectory(b: Buffer): [number, number] {
  const entry = b.readUInt32LE(0x3c) + 24 + 112 + 4 * 8;
  return [b.readUInt32LE(entry), b.readUInt32LE(entry + 4)];
}

/** A command on this machine's PATH, or undefined. */
export function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const p = join(dir, command);
    if (dir && existsSync(p)) return p;
  }
  return undefined;
}

/**
 * `describe` when every system command named is on PATH (.ci/run installs them); under CI a
 * failing suite otherwise, elsewhere a skipped one with a line naming the Debian package.
 */
export function describeWithCommands(commands: Record<string, string>, title: string, body: () => void): void {
  const missing = Object.keys(commands).filter((c) => !onPath(c));
  if (missing.length === 0) return describe(title, body);
  const why = `missing ${missing.join(", ")}: apt-get install ${[...new Set(missing.map((c) => commands[c]))].join(" ")}`;
  if (process.env.CI) {
    describe(title, () => {
      test("the system commands are installed", () => {
        throw new Error(`${title} cannot run under CI: ${why}`);
      });
    });
    return;
  }
  process.stderr.write(`[release tests skipped] ${title}: ${why}\n`);
  describe.skip(title, body);
}

export interface FileServer {
  readonly url: string;
  /** Paths of every request, in order. */
  readonly requests: string[];
  /** Serves `routes[path]` as JSON before looking for a file. */
  routes: Record<string, unknown>;
  stop(): Promise<void>;
}

/** Serves the files of `dir` by name (`GET /<prefix>/<name>`), on loopback. */
export async function serveFiles(dir: string, prefix = ""): Promise<FileServer> {
  const requests: string[] = [];
  const state: FileServer = {
    url: "",
    requests,
    routes: {},
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // A keep-alive client (tofu, pulumi) would otherwise hold the close open.
        server.closeAllConnections();
      }),
  };
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? "/").split("?")[0]);
    requests.push(path);
    if (path in state.routes) {
      res.writeHead(200, { "content-type": "application/json" });
      return void res.end(JSON.stringify(state.routes[path]));
    }
    const name = path.startsWith(`${prefix}/`) ? path.slice(prefix.length + 1) : "";
    const file = join(dir, name);
    if (!name || name.includes("/") || !existsSync(file)) {
      res.writeHead(404);
      return void res.end("not found");
    }
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": statSync(file).size });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  (state as { url: string }).url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

/**
 * A PATH for the real CLIs that holds no `node`: a folder of links to the commands named (found in
 * `from` folders), so a test proves the released executables need no Node.js of the machine.
 */
export function pathWithout(commands: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "metastudio-path-"));
  for (const [name, target] of Object.entries(commands)) execFileSync("ln", ["-s", target, join(dir, name)]);
  return dir;
}
