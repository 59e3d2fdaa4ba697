/**
 * What `jobs list` and `jobs wait` do: parsed flags -> the functions' inputs, checked by the
 * functions' own validators; the configuration -> client settings; one call of the shared
 * function; its result rendered on stdout, progress and messages on stderr, a summary if asked.
 * The rules (paging, the gate's outcomes, retries) are the functions' and the client's, not here.
 */
import { MetaStudioClient } from "../api/metaStudioClient";
import { Redactor } from "../api/redactor";
import type { Env, ProviderSettings } from "../config/providerConfig";
import { InvokeContext, InvokeFailure, LogSeverity } from "../functions/context";
import { getTrainingJobs, validateGetTrainingJobs } from "../functions/getTrainingJobs";
import { validateWaitForTrainingJobs, waitForTrainingJobs, WaitInputs } from "../functions/waitForTrainingJobs";
import { GET_TRAINING_JOBS_INPUTS, WAIT_FIELDS, WAIT_FOR_TRAINING_JOBS_INPUTS } from "../schema/fields";
import type { Validated } from "../schema/inputValidation";
import type { ApiJob } from "../schema/trainingJob";
import { UsageError } from "./exitCodes";
import { cliWording, durationSeconds, fieldValues } from "./flags";
import { OutputFormat, renderGatePassed, renderListing } from "./output";
import type { CommandActions } from "./program";
import { formatDuration, GateProgress } from "./progress";
import { resolveCliSettings } from "./settings";
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

function checked<T>(validated: Validated<T>): T {
  if (validated.ok) return validated.value;
  throw new UsageError(validated.failures.map((f) => cliWording(f.reason)).join("\n"));
}

function clientOf(settings: ProviderSettings): MetaStudioClient {
  try {
    return new MetaStudioClient(settings.client);
  } catch (err) {
    // The endpoint and project id make a path the client refuses to sign: a configuration error.
    throw new UsageError(cliWording((err as Error).message));
  }
}

export function makeActions(run: RunEnvironment): CommandActions {
  const format = (options: Record<string, unknown>): OutputFormat =>
    (options.output as OutputFormat | undefined) ?? (run.stdout.isTTY ? "table" : "json");

  const summaryPaths = (options: Record<string, unknown>): string[] => [
    ...(typeof options.summaryFile === "string" ? [options.summaryFile] : []),
    ...(run.env.GITHUB_STEP_SUMMARY ? [run.env.GITHUB_STEP_SUMMARY] : []),
  ];

  function context(settings: ProviderSettings, verbose: boolean, say: (line: string) => void): InvokeContext {
    const shown: ReadonlySet<LogSeverity> = new Set(verbose ? ["debug", "info", "warning", "error"] : ["warning", "error"]);
    return {
      client: clientOf(settings),
      maxConcurrency: settings.maxConcurrency,
      preview: false,
      signal: run.signal,
      // Nothing on a command line is secret (credentials never are flags); the client keeps
      // the configured credentials out of every message itself.
      secretInputs: new Set(),
      secrets: Redactor.of(),
      log: (severity, message) => {
        if (shown.has(severity)) say(`metastudio: ${severity}: ${cliWording(message)}`);
      },
    };
  }

  return {
    async list(options) {
      const inputs = checked(validateGetTrainingJobs(fieldValues(options, GET_TRAINING_JOBS_INPUTS)));
      const settings = resolveCliSettings(options, run.env);
      const ctx = context(settings, options.verbose === true, (line) => run.stderr.write(line + "\n"));
      const result = await getTrainingJobs(inputs, ctx);
      run.stdout.write(renderListing(format(options), result.count, result.jobs));
      const paths = summaryPaths(options);
      if (paths.length) {
        const outcome = `${result.jobs.length} of ${result.count} matching jobs listed.`;
        appendSummary(
          paths,
          markdownSummary("MetaStudio training jobs", outcome, result.jobs, WAIT_FIELDS.targetStates.default as string[]),
        );
      }
    },

    async wait(options) {
      const inputs = checked<WaitInputs>(validateWaitForTrainingJobs(fieldValues(options, WAIT_FOR_TRAINING_JOBS_INPUTS)));
      const heartbeatSeconds = durationSeconds("heartbeat", String(options.heartbeat));
      const settings = resolveCliSettings(options, run.env);
      const progress = new GateProgress({
        write: (text) => run.stderr.write(text),
        live: run.stderr.isTTY === true,
        columns: run.stderr.columns,
        targetStates: inputs.targetStates,
        timeoutSeconds: inputs.timeoutSeconds,
        heartbeatMs: heartbeatSeconds * 1000,
      });
      let lastSeen: readonly ApiJob[] = [];
      const ctx: InvokeContext = {
        ...context(settings, options.verbose === true, (line) => progress.message(line)),
        onGateCheck: (check) => {
          lastSeen = check.jobs;
          progress.check(check);
        },
      };
      const paths = summaryPaths(options);
      const summarize = (outcome: string) =>
        paths.length && appendSummary(paths, markdownSummary("MetaStudio training-job gate", outcome, lastSeen, inputs.targetStates));
      progress.start();
      try {
        const result = await waitForTrainingJobs(inputs, ctx);
        progress.stop();
        summarize(
          `Passed: all ${result.jobs.length} selected jobs are in ${inputs.targetStates.join(" or ")} (waited ${formatDuration(result.waitedSeconds)}).`,
        );
        run.stdout.write(renderGatePassed(format(options), result));
      } catch (err) {
        progress.stop();
        if (err instanceof InvokeFailure) {
          const message = cliWording(err.message);
          summarize(`Failed: ${message}`);
          throw new InvokeFailure(err.property, message, err.kind);
        }
        if (!run.signal.aborted) summarize(`Failed: ${(err as Error).message}`);
        throw err;
      }
    },
  };
}
