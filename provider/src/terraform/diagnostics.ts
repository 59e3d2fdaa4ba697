/** Terraform diagnostics: errors and warnings, each pointing at the attribute it is about when there is one. */
import { Diagnostic, Diagnostic_Severity } from "./generated/tfplugin6";
import { terraformWording } from "./names";

export function errorAt(path: readonly string[] | undefined, summary: string, detail = ""): Diagnostic {
  return {
    severity: Diagnostic_Severity.ERROR,
    summary,
    detail,
    attribute: path && path.length ? { steps: path.map((attributeName) => ({ attributeName })) } : undefined,
  };
}

export function warning(summary: string, detail = ""): Diagnostic {
  return { severity: Diagnostic_Severity.WARNING, summary, detail, attribute: undefined };
}

/** A failure of the shared rules (property and reason), worded and placed for Terraform. */
export function failureDiagnostic(path: readonly string[], reason: string, summary = "Invalid value"): Diagnostic {
  return errorAt(path, summary, terraformWording(reason));
}
