/**
 * The real `tofu` from the tools folder, run to completion as a user's shell would run it, with
 * its output collected. A hung run is killed (SIGKILL) so that a test fails instead of hanging.
 */
import { spawn } from "node:child_process";
import { toolPath } from "../toolsDir";

export interface TofuRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface TofuOptions {
  cwd: string;
  /** The whole environment of the run: nothing of the test process's leaks in. */
  env: Record<string, string>;
  /** Killed after this long (240 s). */
  killAfterMs?: number;
}

export function runTofu(args: readonly string[], opts: TofuOptions): Promise<TofuRun> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(toolPath("tofu"), [...args, "-no-color"], {
      cwd: opts.cwd,
      env: opts.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.killAfterMs ?? 240_000);
    child.once("error", (err) => (clearTimeout(timer), reject(err)));
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - t0 });
    });
  });
}
