/**
 * Where `npm run tools:install` puts the real engines it builds from their Go modules (the Pulumi
 * CLI, its language hosts, the random provider, OpenTofu) and Node.js 22: `<repo>/.tools/bin`,
 * or `METASTUDIO_TOOLS_DIR` (a shared build, another checkout).
 */
import { join } from "node:path";
import { REPO_ROOT } from "./repoRoot";

export function toolsDir(): string {
  return process.env.METASTUDIO_TOOLS_DIR || join(REPO_ROOT, ".tools", "bin");
}

export function toolPath(name: string): string {
  return join(toolsDir(), name);
}
