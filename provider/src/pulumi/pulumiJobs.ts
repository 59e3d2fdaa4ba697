/**
 * The Pulumi protocol's job serializer: a job as a protobuf ListValue entry holding a Struct of
 * its fields under their camelCase output names, written straight from the validated API object.
 * Each page is encoded as it arrives (encodePulumiJobs, handed to the call as its encodeJobs),
 * and the answer's list is assembled from the accepted pages' entries.
 */
import type { FunctionDeclaration } from "../core/declarations";
import type { AnyOutputs } from "../core/functions";
import { JobPage, pageEntries } from "../schema/outputs";
import { ApiJob, JOB_FIELD_MAPPING } from "../schema/trainingJob";
import { EncodedList, encodeRenamedEntries, renamedFields } from "./invokeResponseEncoding";

const JOB_FIELDS = renamedFields(JOB_FIELD_MAPPING);

/** One ListValue entry per job. */
export function encodePulumiJobs(jobs: readonly ApiJob[]): Uint8Array[] {
  return encodeRenamedEntries(jobs, JOB_FIELDS);
}

/** A listing's jobs as one encoded list: each page's entries, encoded now if it has none. */
export function encodedJobs(pages: ReadonlyArray<JobPage<ApiJob>>): EncodedList {
  const entries: Uint8Array[] = [];
  for (const page of pages) for (const entry of pageEntries(page, encodePulumiJobs)) entries.push(entry);
  return new EncodedList(entries);
}

function isPages(v: AnyOutputs[string]): v is JobPage<ApiJob>[] {
  return Array.isArray(v) && v.every((p) => typeof p === "object" && p !== null && ("jobs" in p || "entries" in p));
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
