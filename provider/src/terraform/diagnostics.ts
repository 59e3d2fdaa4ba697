/**
 * Terraform diagnostics: errors, each pointing at the attribute it is about when there is one.
 * Every summary and detail is one bounded line (core/failures.ts): the client prints them to the
 * user's terminal as they are, and job names from the API may hold line breaks and escapes.
 */
import { boundedLine } from "../core/failures";
import type { InputFailure } from "../schema/inputValidation";
import { render } from "../schema/text";
import { Diagnostic, Diagnostic_Severity } from "./generated/tfplugin6";
import { attributePathOf, TERRAFORM_SPELLING } from "./names";

export function errorAt(path: readonly string[] | undefined, summary: string, detail = ""): Diagnostic {
  return {
    severity: Diagnostic_Severity.ERROR,
    summary: boundedLine(summary),
    detail: boundedLine(detail),
    attribute: path && path.length ? { steps: path.map((attributeName) => ({ attributeName })) } : undefined,
  };
}

/** A failure of the shared rules, worded in Terraform's names and placed on its attribute. */
export function failureDiagnostic(failure: InputFailure, summary = "Invalid value"): Diagnostic {
  return errorAt(attributePathOf(failure.property), summary, render(failure.reason, TERRAFORM_SPELLING));
}
