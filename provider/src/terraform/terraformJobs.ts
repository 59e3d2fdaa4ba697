/**
 * The Terraform protocol's job serializer: a job as a cty object of every job attribute under the
 * API's snake_case names (absent fields null, as cty objects need every attribute), msgpack.
 * Pages are encoded as they arrive and the list is assembled from those bytes (PageEntries).
 */
import { PageEntries } from "../encoding/pageEntries";
import type { ApiJob } from "../schema/trainingJob";
import { arrayHeader, encodeKnown, TfObject } from "./dynamicValue";
import { JOB_ATTRIBUTES } from "./schema";

const NAMES = JOB_ATTRIBUTES.map(([name]) => name);

export function jobObject(job: ApiJob): TfObject {
  const source = job as Record<string, unknown>;
  const out: TfObject = {};
  for (const name of NAMES) out[name] = (source[name] ?? null) as TfObject[string];
  return out;
}

export class TerraformJobEntries extends PageEntries<Uint8Array> {
  constructor() {
    super((jobs) => jobs.map((job) => encodeKnown(jobObject(job))));
  }

  /** The msgpack of a list of these jobs, as parts to concatenate. */
  list(jobs: readonly ApiJob[]): Uint8Array[] {
    return [arrayHeader(jobs.length), ...this.entriesOf(jobs)];
  }
}
