/** What a function gets from the plugin for one invoke. */
import type { MetaStudioClient } from "../api/metaStudioClient";

export type LogSeverity = "debug" | "info" | "warning" | "error";

export interface InvokeContext {
  client: MetaStudioClient;
  maxConcurrency: number;
  /** True during `pulumi preview`: nothing may block for long. */
  preview: boolean;
  /** Aborted when the engine cancels (Ctrl-C); long waits must stop. */
  signal: AbortSignal;
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
