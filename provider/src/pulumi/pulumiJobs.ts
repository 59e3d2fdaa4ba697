/**
 * The Pulumi protocol's job serializer: a job as a protobuf ListValue entry holding a Struct of
 * its fields under their camelCase output names, written straight from the validated API object,
 * page by page as the listing accepted them, into one ListValue.
 */
import type { FunctionDeclaration } from "../core/declarations";
import type { AnyOutputs } from "../core/functions";
import { ApiJob, JOB_FIELD_MAPPING } from "../schema/trainingJob";
import { EncodedList, encodeRenamedEntries, renamedFields } from "./invokeResponseEncoding";

const JOB_FIELDS = renamedFields(JOB_FIELD_MAPPING);

/** A listing's jobs as one encoded list, each page's entries encoded together. */
export function encodedJobs(pages: ReadonlyArray<readonly ApiJob[]>): EncodedList {
  const entries: Uint8Array[] = [];
  for (const page of pages) for (const entry of encodeRenamedEntries(page, JOB_FIELDS)) entries.push(entry);
  return new EncodedList(entries);
}

function isPages(v: AnyOutputs[string]): v is ApiJob[][] {
  return Array.isArray(v) && v.every((p) => Array.isArray(p));
}

/** A function's answer as the engine gets it: each output of its table, the jobs as encoded entries. */
export function pulumiOutputs(declaration: FunctionDeclaration, result: AnyOutputs): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(declaration.outputs)) {
    const v = result[name];
    out[name] = spec.type === "jobs" && isPages(v) ? encodedJobs(v) : v;
  }
  return out;
}
