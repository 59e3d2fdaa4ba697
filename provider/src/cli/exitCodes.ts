/**
 * The command's exit codes, so a pipeline can tell a failed job from a time-out from a typo
 * without reading stderr (docs/cli.md lists them). Every failure is classified here, once.
 */
import { CallFailure } from "../core";

export const EXIT = {
  /** The gate passed, or the jobs were listed. */
  ok: 0,
  /** A selected job needs a person: failed, stopped or rejected. */
  needsPerson: 1,
  /** Time ran out before every selected job reached a target state. */
  timedOut: 2,
  /** The filters selected no job. */
  nothingSelected: 3,
  /** A flag, a value or the configuration is wrong; nothing was sent. */
  usage: 4,
  /** The API failed: authentication, errors retries did not cure, the network. */
  api: 5,
  /** SIGINT or SIGTERM: stopped, no request after it. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Something the user gave is wrong: a flag, a value, the configuration, the credentials file. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** The run was interrupted by a signal. */
export class Interrupted extends Error {
  constructor(readonly signal: string) {
    super(`interrupted by ${signal}`);
    this.name = "Interrupted";
  }
}

export function exitCodeOf(err: unknown): ExitCode {
  if (err instanceof Interrupted) return EXIT.interrupted;
  if (err instanceof UsageError) return EXIT.usage;
  if (err instanceof CallFailure) {
    switch (err.kind) {
      case "needsPerson":
        return EXIT.needsPerson;
      case "timedOut":
        return EXIT.timedOut;
      case "nothingSelected":
        return EXIT.nothingSelected;
      default:
        return EXIT.usage;
    }
  }
  // The API client's errors, the pager's (drift, too large, contradictions) and anything else a
  // request ran into: the service or the way to it failed.
  return EXIT.api;
}
