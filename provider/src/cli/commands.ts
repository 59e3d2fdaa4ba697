/**
 * What `jobs list` and `jobs wait` do: parsed flags -> the functions' inputs, checked by the
 * functions' own validators; the configuration -> the core's session; one call of the shared
 * function; its result rendered on stdout, progress and messages on stderr, a summary if asked.
 * The rules (paging, the gate's outcomes, retries) are the core's, not here.
 */
import {
  ApiJob,
  CallContext,
  CallFailure,
  getTrainingJobs,
  InputFailure,
  jobsOf,
  LogSeverity,
  ProviderSession,
  waitForTrainingJobs,
} from "../core";
import type { Env } from "../config/providerConfig";
import { GET_TRAINING_JOBS_INPUTS, WAIT_FIELDS, WAIT_FOR_TRAINING_JOBS_INPUTS } from "../schema/fields";
import { UsageError } from "./exitCodes";
import { durationSeconds, fieldValues } from "./flags";
import { cliErrorText, cliFailures, cliText } from "./names";
import { OutputFormat, renderGatePassed, renderListing } from "./output";
import type { CommandActions } from "./program";
import { formatDuration, GateProgress } from "./progress";
import { cliSession } from "./settings";
import { appendSummary, markdownSummary } from "./summary";

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface RunEnvironment {
  env: Env;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Aborted on SIGINT / SIGTERM: the listing or the wait stops, and no request follows. */
  signal: AbortSignal;
}

type Options = Readonly<Record<string, unknown>>;

function checked<T>(validated: { ok: true; value: T } | { ok: false; failures: InputFailure[] }): T {
  if (validated.ok) return validated.value;
  throw new UsageError(
    cliFailures(validated.failures)
      .map((f) => f.reason)
      .join("\n"),
  );
}

const DEFAULT_TARGETS: readonly string[] = WAIT_FIELDS.targetStates.default;

export function makeActions(run: RunEnvironment): CommandActions {
  const format = (options: Options): OutputFormat => (options.output as OutputFormat | undefined) ?? (run.stdout.isTTY ? "table" : "json");

  const summaryPaths = (options: Options): string[] => [
    ...(typeof options.summaryFile === "string" ? [options.summaryFile] : []),
    ...(run.env.GITHUB_STEP_SUMMARY ? [run.env.GITHUB_STEP_SUMMARY] : []),
  ];

  /** The call's context from the session; the core's log lines shown by severity, in the command's words. */
  function context(session: ProviderSession, verbose: boolean, say: (line: string) => void): CallContext {
    const shown: ReadonlySet<LogSeverity> = new Set(verbose ? ["debug", "info", "warning", "error"] : ["warning", "error"]);
    const setup = session.context({
      // Nothing on a command line is secret (credentials never are flags); the client keeps the
      // configured credentials out of every message itself.
      log: (severity, message) => {
        if (shown.has(severity)) say(`metastudio: ${severity}: ${cliText(message)}`);
      },
      signal: run.signal,
    });
    if (setup.ok) return setup.ctx;
    throw new UsageError(
      setup.refused === "shutdown"
        ? setup.message
        : cliFailures(setup.failures)
            .map((f) => f.reason)
            .join("\n"),
    );
  }

  return {
    async list(options) {
      const inputs = checked(getTrainingJobs.validate(fieldValues(options, GET_TRAINING_JOBS_INPUTS)));
      const session = cliSession(options, run.env);
      const ctx = context(session, options.verbose === true, (line) => run.stderr.write(line + "\n"));
      const result = await getTrainingJobs.run(inputs, ctx);
      const jobs = jobsOf(result.jobs);
      run.stdout.write(renderListing(format(options), result.count, jobs));
      const paths = summaryPaths(options);
      if (paths.length) {
        const outcome = `${jobs.length} of ${result.count} matching jobs listed.`;
        appendSummary(paths, markdownSummary("MetaStudio training jobs", outcome, jobs, DEFAULT_TARGETS));
      }
    },

    async wait(options) {
      const inputs = checked(waitForTrainingJobs.validate(fieldValues(options, WAIT_FOR_TRAINING_JOBS_INPUTS)));
      const heartbeatSeconds = durationSeconds("heartbeat", String(options.heartbeat));
      const session = cliSession(options, run.env);
      const progress = new GateProgress({
        write: (text) => run.stderr.write(text),
        live: run.stderr.isTTY === true,
        columns: run.stderr.columns,
        targetStates: inputs.targetStates,
        timeoutSeconds: inputs.timeoutSeconds,
        heartbeatMs: heartbeatSeconds * 1000,
      });
      let lastSeen: readonly ApiJob[] = [];
      const ctx: CallContext = {
        ...context(session, options.verbose === true, (line) => progress.message(line)),
        onGateCheck: (check) => {
          lastSeen = check.jobs;
          progress.check(check);
        },
      };
      const paths = summaryPaths(options);
      const summarize = (outcome: string) => {
        if (paths.length) appendSummary(paths, markdownSummary("MetaStudio training-job gate", outcome, lastSeen, inputs.targetStates));
      };
      progress.start();
      try {
        const result = await waitForTrainingJobs.run(inputs, ctx);
        progress.stop();
        const jobs = jobsOf(result.jobs);
        summarize(
          `Passed: all ${jobs.length} selected jobs are in ${inputs.targetStates.join(" or ")} (waited ${formatDuration(result.waitedSeconds)}).`,
        );
        run.stdout.write(renderGatePassed(format(options), { ...result, jobs }));
      } catch (err) {
        progress.stop();
        // A gate that did not pass, or an API that failed; an interrupted run leaves no verdict.
        if (err instanceof CallFailure || !run.signal.aborted) summarize(`Failed: ${cliErrorText(err)}`);
        throw err;
      }
    },
  };
}
