/**
 * Bounds on every failure a front end shows. A Pulumi error's text travels in a gRPC response
 * header, which grpc-js refuses past 64 KB (the client then waits out its deadline instead); a
 * Terraform diagnostic is printed to the user's terminal as it is. So every failure is one line
 * of at most 4,000 characters, with control and bidirectional characters made spaces: job names
 * and states come from the API, and a line break or ESC sequence in one must not forge output.
 */
import { oneLine, quotedName } from "../api/untrustedText";
import type { InputFailure } from "../schema/inputValidation";
import { render, Spelling } from "../schema/text";

export const MAX_FAILURE_CHARS = 4000;
/** A list of failures stays readable (and its answer small) however many problems there are. */
export const MAX_FAILURES = 20;
const MAX_PROPERTY_CHARS = 200;

/** One line of at most MAX_FAILURE_CHARS characters: for failures, diagnostics and log lines. */
export function boundedLine(text: string, max: number = MAX_FAILURE_CHARS): string {
  return oneLine(text, max);
}

export interface ShownFailure {
  /** The field's table name (a front end places or renames it), bounded. */
  property: string;
  /** The reason in the front end's words, redacted and bounded. */
  reason: string;
}

/** Failures as a front end shows them: at most MAX_FAILURES, each rendered, redacted and bounded. */
export function shownFailures(
  list: readonly InputFailure[],
  spelling: Spelling,
  redact: (text: string) => string = (t) => t,
): ShownFailure[] {
  return list.slice(0, MAX_FAILURES).map((f) => ({
    property: boundedLine(f.property, MAX_PROPERTY_CHARS),
    reason: boundedLine(redact(render(f.reason, spelling))),
  }));
}

/** A name the caller sent (a function token, an input) as a message quotes it. */
export function quotedUserName(name: string, plain: RegExp, max: number): string {
  return quotedName(name, plain, max);
}
