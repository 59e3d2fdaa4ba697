/**
 * One program as one JavaScript file with no require() outside Node's built-ins: what a
 * single-executable application may run as its main script, and what the darwin launcher runs.
 * Bundled by esbuild from tsc's output in dist/ (the same modules `npm run build` bundles into
 * provider/bin), with a two-line starter that calls the program's start function.
 */
import { join } from "node:path";
import * as esbuild from "esbuild";
import { ExecutableSpec } from "./executables";

export async function programBundle(repoRoot: string, spec: ExecutableSpec): Promise<string> {
  const entry = join(repoRoot, "dist", `${spec.module}.js`);
  const starter = [
    `const program = require(${JSON.stringify(entry)});`,
    `Promise.resolve(program[${JSON.stringify(spec.start)}]()).catch((err) => {`,
    `  process.stderr.write(${JSON.stringify(`${spec.name}: `)} + (err && err.message ? err.message : String(err)) + "\\n");`,
    `  process.exit(1);`,
    `});`,
  ].join("\n");
  const result = await esbuild.build({
    stdin: { contents: starter, resolveDir: repoRoot, sourcefile: `${spec.name}-starter.js`, loader: "js" },
    bundle: true,
    platform: "node",
    // The runtime is known: the Node.js of the release (nodeRuntime.ts).
    target: "node22",
    format: "cjs",
    write: false,
    logLevel: "warning",
    // No absolute paths of the build machine in the shipped file.
    absWorkingDir: repoRoot,
  });
  return result.outputFiles[0].text;
}
