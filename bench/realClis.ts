/**
 * What the real CLIs add for one listing (bench/run.ts): wall time of `pulumi preview` of a
 * Pulumi YAML program with one getTrainingJobs invoke, and of `tofu plan` of a configuration with
 * one metastudio_training_jobs data source, each against the same program or configuration
 * without the listing, alternated, medians. The CLIs are the ones in the tools folder
 * (harness/toolsDir.ts); a missing one skips its row with a line that names it.
 *
 * Pulumi runs in a PulumiSandbox (harness/pulumi/pulumiCli.ts: fresh PULUMI_HOME, file backend in
 * a temporary folder, passphrase set, no automatic plugin acquisition), the program naming
 * provider/bin as its plugin path as the end-to-end programs do. OpenTofu installs the provider
 * from a filesystem mirror of provider/bin (scripts/terraform-mirror.js), as test/e2e/tofu.test.ts
 * does. Both find the tools folder's Node.js first on PATH, so both run the provider on it.
 *
 * Each program is run once untimed before the timed runs (the first run of a fresh PULUMI_HOME or
 * .terraform pays for file caches the next ones do not).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { PulumiSandbox } from "../harness/pulumi/pulumiCli";
import { REPO_ROOT } from "../harness/repoRoot";
import { runTofu } from "../harness/terraform/tofuCli";
import { toolPath, toolsDir } from "../harness/toolsDir";

export interface RealCliOptions {
  /** The emulator's URL (loopback, no latency), holding `jobs` jobs. */
  url: string;
  projectId: string;
  token: string;
  jobs: number;
  /** Timed runs of each program. */
  runs: number;
}

export type CliComparison =
  { withListingMs: number; withoutListingMs: number; ratio: number; extraMs: number; runs: number } | { skipped: string };

export interface RealCliFigures {
  jobs: number;
  pulumiPreview: CliComparison;
  tofuPlan: CliComparison;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function missing(tools: string[]): string | undefined {
  const absent = tools.filter((t) => !existsSync(toolPath(t)));
  return absent.length ? `${absent.join(", ")} missing in ${toolsDir()} (\`npm run tools:install\` builds the tools)` : undefined;
}

/** Runs `withListing` and `withoutListing` alternately, once untimed each, then `runs` timed each. */
async function compare(runs: number, withListing: () => Promise<void>, withoutListing: () => Promise<void>): Promise<CliComparison> {
  const timed = async (f: () => Promise<void>) => {
    const t0 = performance.now();
    await f();
    return performance.now() - t0;
  };
  await withListing();
  await withoutListing();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(await timed(withListing));
    b.push(await timed(withoutListing));
  }
  return { withListingMs: median(a), withoutListingMs: median(b), ratio: median(a) / median(b), extraMs: median(a) - median(b), runs };
}

function yamlProgram(listing: boolean): string {
  const lines = [
    "name: metastudio-bench",
    "runtime: yaml",
    "plugins:",
    "  providers:",
    "    - name: metastudio",
    `      path: ${JSON.stringify(join(REPO_ROOT, "provider", "bin"))}`,
  ];
  if (listing) {
    lines.push(
      "variables:",
      "  listing:",
      "    fn::invoke:",
      "      function: metastudio:index:getTrainingJobs",
      "      arguments: {}",
      "outputs:",
      "  total: ${listing.count}",
    );
  } else {
    lines.push("outputs:", "  total: 0");
  }
  return lines.join("\n") + "\n";
}

async function pulumiPreview(opts: RealCliOptions): Promise<CliComparison> {
  const why = missing(["pulumi", "pulumi-language-yaml"]);
  if (why) return { skipped: why };
  const sandbox = new PulumiSandbox();
  try {
    const stack = async (listing: boolean) => {
      const name = listing ? "with-listing" : "without-listing";
      const cwd = join(sandbox.root, name);
      mkdirSync(cwd);
      writeFileSync(join(cwd, "Pulumi.yaml"), yamlProgram(listing));
      return sandbox
        .stack({ cwd, stack: name })
        .init({ "metastudio:endpoint": opts.url, "metastudio:projectId": opts.projectId }, { "metastudio:authToken": opts.token });
    };
    const withStack = await stack(true);
    const withoutStack = await stack(false);
    return await compare(
      opts.runs,
      async () => {
        const r = await withStack.ok(["preview"]);
        if (!new RegExp(`total\\s*:\\s*${opts.jobs}\\b`).test(r.stdout))
          throw new Error(`pulumi preview did not list ${opts.jobs} jobs:\n${r.output}`);
      },
      async () => void (await withoutStack.ok(["preview"])),
    );
  } finally {
    sandbox.dispose();
  }
}

function tofuConfiguration(listing: boolean, version: string): string {
  return [
    "terraform {",
    "  required_providers {",
    `    metastudio = { source = "pulumi-metastudio/metastudio", version = "${version}" }`,
    "  }",
    "}",
    'provider "metastudio" {}',
    ...(listing
      ? ['data "metastudio_training_jobs" "all" {}', 'output "total" { value = length(data.metastudio_training_jobs.all.jobs) }']
      : ['output "total" { value = 0 }']),
  ].join("\n");
}

async function tofuPlan(opts: RealCliOptions): Promise<CliComparison> {
  const why = missing(["tofu"]);
  if (why) return { skipped: why };
  const work = mkdtempSync(join(tmpdir(), "metastudio-bench-tofu-"));
  try {
    const mirror = join(work, "mirror");
    execFileSync(process.execPath, [join(REPO_ROOT, "scripts", "terraform-mirror.js"), mirror], { stdio: "ignore" });
    writeFileSync(
      join(work, "tofurc"),
      `provider_installation {\n  filesystem_mirror {\n    path    = "${mirror}"\n    include = ["registry.opentofu.org/pulumi-metastudio/*"]\n  }\n}\n`,
    );
    const env = {
      PATH: [toolsDir(), process.env.PATH ?? ""].join(delimiter),
      HOME: work,
      TF_CLI_CONFIG_FILE: join(work, "tofurc"),
      TF_IN_AUTOMATION: "1",
      CHECKPOINT_DISABLE: "1",
      HW_METASTUDIO_ENDPOINT: opts.url,
      HW_PROJECT_ID: opts.projectId,
      HW_AUTH_TOKEN: opts.token,
    };
    const version = (JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;
    const tofu = async (cwd: string, args: string[]) => {
      const r = await runTofu(args, { cwd, env });
      if (r.code !== 0) throw new Error(`tofu ${args.join(" ")} exited ${r.code}:\n${r.stdout}${r.stderr}`);
      return r;
    };
    const dirs = [true, false].map((listing) => {
      const cwd = join(work, listing ? "with-listing" : "without-listing");
      mkdirSync(cwd);
      writeFileSync(join(cwd, "main.tf"), tofuConfiguration(listing, version));
      return cwd;
    });
    for (const cwd of dirs) await tofu(cwd, ["init", "-input=false"]);
    const [withDir, withoutDir] = dirs;
    return await compare(
      opts.runs,
      async () => {
        const r = await tofu(withDir, ["plan", "-input=false"]);
        if (!new RegExp(`total\\s*=\\s*${opts.jobs}\\b`).test(r.stdout))
          throw new Error(`tofu plan did not list ${opts.jobs} jobs:\n${r.stdout}`);
      },
      async () => void (await tofu(withoutDir, ["plan", "-input=false"])),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export async function realClis(opts: RealCliOptions): Promise<RealCliFigures> {
  return { jobs: opts.jobs, pulumiPreview: await pulumiPreview(opts), tofuPlan: await tofuPlan(opts) };
}

/** The two rows as bench/run.ts prints them. */
export function realCliLines(figures: RealCliFigures): string[] {
  const row = (what: string, c: CliComparison) =>
    "skipped" in c
      ? `${what}: skipped, ${c.skipped}`
      : `${what}, median of ${c.runs}: ${c.withListingMs.toFixed(0)} vs ${c.withoutListingMs.toFixed(0)} ms, ${c.ratio.toFixed(2)}x, ${c.extraMs < 0 ? "" : "+"}${c.extraMs.toFixed(0)} ms (goal <= +150 ms)`;
  const n = figures.jobs;
  return [
    row(`Real \`pulumi preview\` of a YAML program with one ${n}-job getTrainingJobs / the same program without it`, figures.pulumiPreview),
    row(
      `Real \`tofu plan\` with one metastudio_training_jobs data source of ${n} jobs / the same configuration without it`,
      figures.tofuPlan,
    ),
  ];
}
