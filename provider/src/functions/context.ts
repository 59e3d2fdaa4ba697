/** What a function gets from the front end serving it for one call (core/session.ts makes it). */
import type { MetaStudioClient } from "../api/metaStudioClient";
import type { Redactor } from "../api/redactor";
import { TextError, type Text } from "../schema/text";
import type { ApiJob } from "../schema/trainingJob";

export type LogSeverity = "debug" | "info" | "warning" | "error";

export interface CallContext {
  client: MetaStudioClient;
  maxConcurrency: number;
  /** True during a preview or plan: nothing may block for long. */
  preview: boolean;
  /** Aborted on cancel or shutdown (Ctrl-C, Cancel, StopProvider, SIGTERM); long waits must stop. */
  signal: AbortSignal;
  /** Inputs the caller marked secret: messages show them as [secret], never their value. */
  secretInputs: ReadonlySet<string>;
  /** Their values, to take out of any text from the API. */
  secrets: Redactor;
  /** Progress and diagnostics for the person waiting (retries, drift, the gate's waiting lines). */
  log: (severity: LogSeverity, message: string) => void;
  /**
   * The front end's serializer of jobs, one entry per job, applied to each page as it arrives so
   * that encoding overlaps the wait for the next page; the entries come back with the pages.
   */
  encodeJobs?: (jobs: readonly ApiJob[]) => Uint8Array[];
  /** Time as the gate sees it; the real one unless a test steps it. */
  clock?: Clock;
}

export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason once it aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** A failure of the call that is the user's to fix (an empty gate, a failed job), not a crash. */
export class CallFailure extends TextError {
  constructor(
    /** The input it is about (its table name), or "jobs" for what the selected jobs are. */
    readonly property: string,
    text: Text,
  ) {
    super(text);
    this.name = "CallFailure";
  }
}
