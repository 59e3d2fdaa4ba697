/**
 * The Pulumi protocol's job serializer: a job as a protobuf ListValue entry holding a Struct of
 * its fields under their camelCase output names, written straight from the validated API object.
 *
 * Pages are encoded as they arrive (InvokeContext.onPage) while later pages are still on the wire,
 * and the answer is assembled from those bytes once the function returns its jobs. Entries are
 * keyed by the job object itself, weakly: the jobs of a listing that drifted and was taken again
 * are never asked for, and go with their entries.
 */
import type { FunctionResult } from "../functions/registry";
import { ApiJob, JOB_FIELD_MAPPING } from "../schema/trainingJob";
import { EncodedList, encodeRenamedEntries, renamedFields } from "./invokeResponseEncoding";

const JOB_FIELDS = renamedFields(JOB_FIELD_MAPPING);

export function encodeJobs(jobs: readonly ApiJob[]): Uint8Array[] {
  return encodeRenamedEntries(jobs, JOB_FIELDS);
}

export class PulumiJobEntries {
  private readonly entries = new WeakMap<ApiJob, Uint8Array>();

  readonly addPage = (jobs: readonly ApiJob[]): void => {
    const encoded = encodeJobs(jobs);
    for (let i = 0; i < jobs.length; i++) this.entries.set(jobs[i], encoded[i]);
  };

  list(jobs: readonly ApiJob[]): EncodedList {
    const missing = jobs.filter((j) => !this.entries.has(j));
    if (missing.length) this.addPage(missing);
    return new EncodedList(jobs.map((j) => this.entries.get(j)!));
  }
}

/** A function's answer as the engine gets it: the same fields, the jobs as encoded entries. */
export function pulumiOutputs(result: FunctionResult, entries: PulumiJobEntries): Record<string, unknown> {
  return { ...result, jobs: entries.list(result.jobs) };
}
