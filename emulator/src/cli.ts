/**
 * `metastudio-emulator`: starts the emulator and prints its base URL as the first stdout line
 * (scripts read it, as the engine reads a plugin's port), then a line per request on stderr.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { ApiJob } from "./jobStore";
import { EmulatorOptions, startEmulator } from "./server";

const USAGE = `Usage: metastudio-emulator [options]
  --port N            port on --host (0, the default, picks a free one)
  --host H            address to listen on (default 127.0.0.1)
  --project-id ID     the account's project id (default 0123456789abcdef0123456789abcdef)
  --ak AK --sk SK     require SDK-HMAC-SHA256 signatures made with this key pair
  --token T           require this X-Auth-Token
  --jobs N            serve N synthetic jobs instead of the default 101
  --data FILE         serve the jobs of FILE, a JSON answer of the list API ({"count", "jobs"})
  --latency-ms N      answer each request after N ms
  --fail-rate P       answer that share (0..1) of requests 5xx with an MSS error body
  --throttle-rate P   answer that share of requests 429 APIG.0308 with Retry-After
  --reset-rate P      drop that share of connections without an answer
  --seed N            seed of the synthetic data, the faults and the failures of --advance (default 1)
  --advance           move the jobs on along the training pipeline, one state per step
  --advance-step-ms N milliseconds per step (default 1000)
  --advance-fail-rate P  that share (0..1) of the jobs fails, each at a seeded stage (default 0)
  --advance-batch NAME   only the jobs of this batch move
  --quiet             no per-request log lines on stderr`;

class UsageError extends Error {}

function number(name: string, raw: string | undefined, min: number, max: number, integer: boolean): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new UsageError(`--${name} must be ${integer ? "an integer" : "a number"} from ${min} to ${max}, got '${raw}'`);
  }
  return n;
}

function readData(file: string): ApiJob[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new UsageError(`--data ${file}: ${(e as Error).message}`);
  }
  const jobs = (parsed as { jobs?: unknown })?.jobs;
  if (!Array.isArray(jobs)) throw new UsageError(`--data ${file}: expected the list API's answer, {"count": N, "jobs": [...]}`);
  jobs.forEach((j: Record<string, unknown>, i) => {
    for (const f of ["job_id", "name", "state"]) {
      if (typeof j?.[f] !== "string") throw new UsageError(`--data ${file}: jobs[${i}].${f} must be a string`);
    }
  });
  return jobs as ApiJob[];
}

export function optionsFromArgv(argv: string[]): EmulatorOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "project-id": { type: "string" },
      ak: { type: "string" },
      sk: { type: "string" },
      token: { type: "string" },
      jobs: { type: "string" },
      data: { type: "string" },
      "latency-ms": { type: "string" },
      "fail-rate": { type: "string" },
      "throttle-rate": { type: "string" },
      "reset-rate": { type: "string" },
      seed: { type: "string" },
      advance: { type: "boolean" },
      "advance-step-ms": { type: "string" },
      "advance-fail-rate": { type: "string" },
      "advance-batch": { type: "string" },
      quiet: { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  if (values.help) throw new UsageError("");
  if ((values.ak === undefined) !== (values.sk === undefined)) throw new UsageError("--ak and --sk go together");
  if (values.jobs !== undefined && values.data !== undefined) throw new UsageError("--jobs and --data exclude each other");
  if (
    !values.advance &&
    ["advance-step-ms", "advance-fail-rate", "advance-batch"].some((k) => values[k as keyof typeof values] !== undefined)
  )
    throw new UsageError("--advance-step-ms, --advance-fail-rate and --advance-batch go with --advance");
  return {
    port: number("port", values.port, 0, 65535, true),
    host: values.host,
    projectId: values["project-id"],
    accessKey: values.ak,
    secretKey: values.sk,
    token: values.token,
    jobs: number("jobs", values.jobs, 0, 10_000_000, true),
    data: values.data !== undefined ? readData(values.data) : undefined,
    latencyMs: number("latency-ms", values["latency-ms"], 0, 600_000, true),
    failRate: number("fail-rate", values["fail-rate"], 0, 1, false),
    throttleRate: number("throttle-rate", values["throttle-rate"], 0, 1, false),
    resetRate: number("reset-rate", values["reset-rate"], 0, 1, false),
    seed: number("seed", values.seed, 0, 2 ** 32 - 1, true),
    advance: values.advance
      ? {
          stepMs: number("advance-step-ms", values["advance-step-ms"], 10, 3_600_000, true) ?? 1000,
          failRate: number("advance-fail-rate", values["advance-fail-rate"], 0, 1, false) ?? 0,
          batch: values["advance-batch"],
        }
      : undefined,
    log: values.quiet ? undefined : (line: string) => process.stderr.write(line + "\n"),
  };
}

export async function main(argv: string[]): Promise<void> {
  let options: EmulatorOptions;
  try {
    options = optionsFromArgv(argv);
  } catch (e) {
    const message = (e as Error).message;
    process.stderr.write((message ? `metastudio-emulator: ${message}\n\n` : "") + USAGE + "\n");
    process.exit(message ? 2 : 0);
  }
  const emulator = await startEmulator(options);
  process.stdout.write(emulator.url + "\n");
  process.stderr.write(
    `metastudio-emulator: ${emulator.store.size} jobs, project ${emulator.projectId}; ${emulator.authDescription}\n` +
      `  list: GET ${emulator.url}/v1/${emulator.projectId}/digital-human-training-manage/user/jobs\n` +
      (options.advance
        ? `  advancing the jobs one state every ${options.advance.stepMs} ms, ${Math.round((options.advance.failRate ?? 0) * 100)} % of them failing\n`
        : ""),
  );
  const stop = () => {
    emulator.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`metastudio-emulator: stopping failed: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
