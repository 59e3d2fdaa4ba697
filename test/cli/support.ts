/**
 * The built `metastudio` executable run as a child process, as a pipeline runs it, against an
 * emulator on loopback started in the test process (so a test can change jobs and count requests).
 */
import { ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { startEmulator } from "../../emulator/src";
import { REPO_ROOT } from "../../harness/repoRoot";

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

export const CLI = join(REPO_ROOT, "provider", "bin", "metastudio");
export const AK = "AKTESTCLI00000000001";
export const SK = "SK-cli-very-secret-value-00000000000001";
export const TOKEN = "TOKEN-cli-very-secret-1234567890";

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The environment of a run: none of this machine's HW_* settings, the emulator's instead. */
export function cliEnv(emulator: Emulator | undefined, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(HW_|HUAWEICLOUD_SDK_|GITHUB_STEP_SUMMARY$)/.test(k)) env[k] = v;
  }
  if (emulator) {
    env.HW_METASTUDIO_ENDPOINT = emulator.url;
    env.HW_PROJECT_ID = emulator.projectId;
    env.HW_ACCESS_KEY = AK;
    env.HW_SECRET_KEY = SK;
  }
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export interface RunningCli {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  done: Promise<CliResult>;
}

export function startCli(args: readonly string[], env: NodeJS.ProcessEnv): RunningCli {
  const child = spawn(CLI, [...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const done = new Promise<CliResult>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, stdout: () => stdout, stderr: () => stderr, done };
}

export function runCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return startCli(args, env).done;
}

export interface InProcessOptions {
  /** Streams that say they are a terminal, as process.stdout does on one. */
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  columns?: number;
}

/**
 * The command's own entry point (main.ts's `run`) in this process, with captured streams: the
 * same code the executable runs, where coverage sees it. Process-level behaviour (exit codes as
 * the shell sees them, signals, `ps`, a real terminal) is tested on the spawned executable.
 */
export async function runInProcess(args: readonly string[], env: NodeJS.ProcessEnv, opts: InProcessOptions = {}): Promise<CliResult> {
  const { run } = await import("../../provider/src/cli/main");
  let stdout = "";
  let stderr = "";
  const code = await run(args, {
    env,
    stdout: { write: (t: string) => (stdout += t), isTTY: opts.stdoutIsTTY },
    stderr: { write: (t: string) => (stderr += t), isTTY: opts.stderrIsTTY, columns: opts.columns },
    signal: new AbortController().signal,
  });
  return { code, signal: null, stdout, stderr };
}

/**
 * The command under a pseudo-terminal (util-linux script(1): stdin, stdout and stderr all the
 * terminal), as a person runs it; what the terminal received, and the command's exit code.
 * Asynchronous: the emulator answers from this same process.
 */
export function runUnderTerminal(args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; screen: string }> {
  const command = [CLI, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const running = spawn("script", ["-qefc", command, "/dev/null"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let screen = "";
  running.stdout.setEncoding("utf8").on("data", (d: string) => (screen += d));
  return new Promise((resolve, reject) => {
    running.once("error", reject);
    running.once("close", (code) => resolve({ code, screen }));
  });
}

/** Polls `condition` every 20 ms, at most `ms` milliseconds. */
export async function until(condition: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** An emulator that checks AK/SK signatures, stopped after the test. */
export async function withEmulator<T>(options: Parameters<typeof startEmulator>[0], test: (emulator: Emulator) => Promise<T>): Promise<T> {
  const emulator = await startEmulator({ port: 0, accessKey: AK, secretKey: SK, ...options });
  try {
    return await test(emulator);
  } finally {
    await emulator.stop();
  }
}

/** RFC 4180 as the command writes it: quoted fields may hold commas, quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field !== "" || row.length) rows.push([...row, field]);
  return rows;
}
