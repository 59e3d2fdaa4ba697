/** What a function gets from the protocol serving it for one call. */
import type { MetaStudioClient } from "../api/metaStudioClient";
import type { Redactor } from "../api/redactor";
import type { ApiJob } from "../schema/trainingJob";

export type LogSeverity = "debug" | "info" | "warning" | "error";

export interface InvokeContext {
  client: MetaStudioClient;
  maxConcurrency: number;
  /** True during a preview or plan: nothing may block for long. */
  preview: boolean;
  /** Aborted when the engine cancels (Ctrl-C, StopProvider); long waits must stop. */
  signal: AbortSignal;
  /** Inputs the program marked secret: messages show them as [secret], never their value. */
  secretInputs: ReadonlySet<string>;
  /** Their values, to take out of any text from the API. */
  secrets: Redactor;
  log: (severity: LogSeverity, message: string) => void;
  /**
   * Each validated page as it arrives, before the listing is known to be consistent (a listing
   * that drifted is taken again, and its pages are then simply not in the result). A protocol can
   * start its own encoding here while later pages are still on the wire.
   */
  onPage?: (jobs: readonly ApiJob[]) => void;
  /**
   * Each check of a gate, with the selected jobs as seen then: a front end that shows progress
   * (the command line's live line) draws it from these rather than from the log's words.
   */
  onGateCheck?: (check: GateCheck) => void;
}

export interface GateCheck {
  jobs: readonly ApiJob[];
  /** Since the gate started. */
  elapsedMs: number;
}

/** Why a gate did not pass: a front end that tells them apart (exit codes) reads this, not the words. */
export type GateFailureKind = "needsPerson" | "timedOut" | "nothingSelected";

/** A failure of the call that is the user's to fix (an empty gate, a failed job), not a crash. */
export class InvokeFailure extends Error {
  constructor(
    readonly property: string,
    message: string,
    readonly kind?: GateFailureKind,
  ) {
    super(message);
    this.name = "InvokeFailure";
  }
}
