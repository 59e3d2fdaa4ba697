/** The checkout's root, from source (ts-node, an editor) or from tsc's output in dist/ alike. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

function find(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "pulumi-metastudio") return dir;
    if (dirname(dir) === dir) throw new Error(`no pulumi-metastudio checkout above ${from}`);
  }
}

export const REPO_ROOT = find(__dirname);
