/**
 * The first line a child process prints on stdout: how the engine finds a plugin's port, and how
 * scripts find the emulator's URL. Output after that line is handed to `onRest`.
 */
import type { ChildProcess } from "node:child_process";

export function firstStdoutLine(
  child: ChildProcess,
  what: string,
  opts: { stderr?: () => string; onRest?: (text: string) => void } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = "";
    let found = false;
    child.stdout!.setEncoding("utf8").on("data", (d: string) => {
      if (found) return void opts.onRest?.(d);
      buffered += d;
      const nl = buffered.indexOf("\n");
      if (nl < 0) return;
      found = true;
      if (buffered.length > nl + 1) opts.onRest?.(buffered.slice(nl + 1));
      resolve(buffered.slice(0, nl).trim());
    });
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`${what} exited (${code}) before its first line: ${opts.stderr?.() ?? ""}`)));
  });
}
