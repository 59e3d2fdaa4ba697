/**
 * The real Pulumi CLI (end-to-end tests and the demo), run as a user's CI would run it, but sealed off from this machine's own
 * Pulumi state: a fresh PULUMI_HOME and file backend in a temporary folder, no update check, and
 * automatic plugin acquisition off so a missing plugin fails instead of being downloaded.
 *
 * Commands run asynchronously: the emulator they talk to lives in the test process, and a
 * synchronous spawn would stop it from answering.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { toolsDir } from "../toolsDir";

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr as the user saw them, interleaved in arrival order. */
  output: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
  /** Also copy what the CLI prints to this process's stdout as it comes (the demo shows it). */
  echo?: boolean;
}

export interface StackOptions {
  /** Program folder (holds Pulumi.yaml). */
  cwd: string;
  stack: string;
  /** Extra environment for every command of this stack. */
  env?: Record<string, string | undefined>;
}

export class PulumiSandbox {
  readonly root = mkdtempSync(join(tmpdir(), "metastudio-e2e-"));
  readonly home = join(this.root, "home");
  readonly backend = join(this.root, "backend");
  readonly passphrase = "e2e-passphrase";

  constructor() {
    mkdirSync(this.home);
    mkdirSync(this.backend);
  }

  env(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      // Node 22 (and the CLI, its language hosts) first: @pulumi/pulumi needs Node >= 22.
      PATH: [toolsDir(), process.env.PATH ?? ""].join(delimiter),
      PULUMI_HOME: this.home,
      PULUMI_BACKEND_URL: `file://${this.backend}`,
      PULUMI_CONFIG_PASSPHRASE: this.passphrase,
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
      NO_COLOR: "1",
      // The machine's Huawei credentials must not leak into a test that is about configuration.
      HW_ACCESS_KEY: undefined,
      HW_SECRET_KEY: undefined,
      HW_SECURITY_TOKEN: undefined,
      HW_AUTH_TOKEN: undefined,
      HW_PROJECT_ID: undefined,
      HW_REGION_NAME: undefined,
      HUAWEICLOUD_SDK_AK: undefined,
      HUAWEICLOUD_SDK_SK: undefined,
      ...extra,
    };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
    return env;
  }

  run(cwd: string, args: string[], opts: RunOptions = {}): Promise<CommandResult> {
    const timeoutMs = opts.timeoutMs ?? 240_000;
    return new Promise((resolve, reject) => {
      // The CLI found on the sandbox's PATH: the tools folder first.
      const child = spawn("pulumi", ["--non-interactive", ...args], { cwd, env: this.env(opts.env), stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      let output = "";
      const seen = (d: string) => {
        output += d;
        if (opts.echo) process.stdout.write(d);
      };
      child.stdout.setEncoding("utf8").on("data", (d: string) => ((stdout += d), seen(d)));
      child.stderr.setEncoding("utf8").on("data", (d: string) => ((stderr += d), seen(d)));
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`pulumi ${args.join(" ")} did not finish in ${timeoutMs} ms:\n${output}`));
      }, timeoutMs);
      child.on("error", (err) => (clearTimeout(timer), reject(err)));
      child.on("close", (code) => (clearTimeout(timer), resolve({ code, stdout, stderr, output })));
    });
  }

  /** Like run, but a non-zero exit is an error that shows what the CLI said. */
  async ok(cwd: string, args: string[], opts: RunOptions = {}): Promise<CommandResult> {
    const r = await this.run(cwd, args, opts);
    if (r.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited ${r.code}:\n${r.output}`);
    return r;
  }

  stack(opts: StackOptions): Stack {
    return new Stack(this, opts);
  }

  /** Every file the backend and PULUMI_HOME hold, as text, for leak checks. */
  filesText(): string {
    const texts: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        const st = statSync(p);
        // Plugins installed into PULUMI_HOME are programs, not state.
        if (st.isDirectory()) {
          if (name !== "plugins") walk(p);
        } else if (st.size < 50 * 1024 * 1024) {
          texts.push(readFileSync(p, "latin1"));
        }
      }
    };
    walk(this.root);
    return texts.join("\n");
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * One stack of one program. Its config lives in a file of the sandbox (`--config-file`), so that
 * tests never write `Pulumi.<stack>.yaml` into the repository's example folders.
 */
/** What `pulumi stack export` prints, as far as the tests read it. */
export type StackExport = { deployment: { resources?: Array<{ type: string; urn: string; outputs?: Record<string, unknown> }> } };

export class Stack {
  readonly configFile: string;

  constructor(
    private readonly sandbox: PulumiSandbox,
    readonly opts: StackOptions,
  ) {
    this.configFile = join(sandbox.root, `Pulumi.${opts.stack}.yaml`);
  }

  /** `args` scoped to this stack; the flags go first so that a `--` in `args` cannot swallow them. */
  private args(args: string[]): string[] {
    return [`--stack=${this.opts.stack}`, `--config-file=${this.configFile}`, ...args];
  }

  async init(config: Record<string, string> = {}, secrets: Record<string, string> = {}): Promise<this> {
    const env = { env: this.opts.env };
    await this.sandbox.ok(this.opts.cwd, ["stack", "init", this.opts.stack], env);
    // `stack init` takes no --config-file and writes the passphrase's salt beside Pulumi.yaml: move
    // it into the sandbox, so no run leaves a stack file in the repository.
    const written = join(this.opts.cwd, `Pulumi.${this.opts.stack}.yaml`);
    if (existsSync(written)) renameSync(written, this.configFile);
    for (const [k, v] of Object.entries(config)) await this.sandbox.ok(this.opts.cwd, this.args(["config", "set", k, v]), env);
    // `--` keeps a value that starts with a dash from being read as a flag.
    for (const [k, v] of Object.entries(secrets))
      await this.sandbox.ok(this.opts.cwd, this.args(["config", "set", "--secret", k, "--", v]), env);
    return this;
  }

  run(args: string[], opts: RunOptions = {}): Promise<CommandResult> {
    return this.sandbox.run(this.opts.cwd, this.args(args), { ...opts, env: { ...this.opts.env, ...opts.env } });
  }

  async ok(args: string[], opts: RunOptions = {}): Promise<CommandResult> {
    const r = await this.run(args, opts);
    if (r.code !== 0) throw new Error(`pulumi ${args.join(" ")} (stack ${this.opts.stack}) exited ${r.code}:\n${r.output}`);
    return r;
  }

  async outputs(): Promise<Record<string, unknown>> {
    const r = await this.sandbox.ok(this.opts.cwd, ["stack", "output", "--json", "--show-secrets", "--stack", this.opts.stack], {
      env: this.opts.env,
    });
    return JSON.parse(r.stdout) as Record<string, unknown>;
  }

  /** The stack's state as `pulumi stack export` gives it (secrets stay encrypted). */
  async export(): Promise<StackExport> {
    const r = await this.sandbox.ok(this.opts.cwd, ["stack", "export", "--stack", this.opts.stack], { env: this.opts.env });
    return JSON.parse(r.stdout) as StackExport;
  }

  async resourceTypes(): Promise<string[]> {
    return ((await this.export()).deployment.resources ?? []).map((r) => r.type);
  }

  async remove(): Promise<void> {
    await this.sandbox.run(this.opts.cwd, ["stack", "rm", "--yes", "--force", this.opts.stack], { env: this.opts.env });
  }
}
