/** What a function gets from the plugin for one invoke. */
import type { MetaStudioClient } from "../api/metaStudioClient";
import type { Redactor } from "../api/redactor";

export type LogSeverity = "debug" | "info" | "warning" | "error";

export interface InvokeContext {
  client: MetaStudioClient;
  maxConcurrency: number;
  /** True during `pulumi preview`: nothing may block for long. */
  preview: boolean;
  /** Aborted when the engine cancels (Ctrl-C); long waits must stop. */
  signal: AbortSignal;
  /** Inputs the program marked secret: messages show them as [secret], never their value. */
  secretInputs: ReadonlySet<string>;
  /** Their values, to take out of any text from the API. */
  secrets: Redactor;
  log: (severity: LogSeverity, message: string) => void;
}

/** A failure of the call that is the user's to fix (an empty gate, a failed job), not a crash. */
export class InvokeFailure extends Error {
  constructor(
    readonly property: string,
    message: string,
  ) {
    super(message);
    this.name = "InvokeFailure";
  }
}
