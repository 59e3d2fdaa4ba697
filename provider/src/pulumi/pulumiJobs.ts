/**
 * The Pulumi protocol's job serializer: a job as a protobuf ListValue entry holding a Struct of
 * its fields under their camelCase output names, written straight from the validated API object.
 * Pages are encoded as they arrive and the answer is assembled from those bytes (PageEntries).
 */
import { PageEntries } from "../encoding/pageEntries";
import type { FunctionResult } from "../functions/registry";
import { ApiJob, JOB_FIELD_MAPPING } from "../schema/trainingJob";
import { EncodedList, encodeRenamedEntries, renamedFields } from "./invokeResponseEncoding";

const JOB_FIELDS = renamedFields(JOB_FIELD_MAPPING);

export function encodeJobs(jobs: readonly ApiJob[]): Uint8Array[] {
  return encodeRenamedEntries(jobs, JOB_FIELDS);
}

export class PulumiJobEntries extends PageEntries<Uint8Array> {
  constructor() {
    super(encodeJobs);
  }

  list(jobs: readonly ApiJob[]): EncodedList {
    return new EncodedList(this.entriesOf(jobs));
  }
}

/** A function's answer as the engine gets it: the same fields, the jobs as encoded entries. */
export function pulumiOutputs(result: FunctionResult, entries: PulumiJobEntries): Record<string, unknown> {
  return { ...result, jobs: entries.list(result.jobs) };
}
