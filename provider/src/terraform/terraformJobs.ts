/**
 * The Terraform protocol's job serializer: a job as a cty object of every job attribute under the
 * API's snake_case names (absent fields null, as cty objects need every attribute), msgpack.
 *
 * As for Pulumi (protocol/pulumiJobs.ts), each page is encoded as it arrives while later pages are
 * still on the wire, and the list is assembled from those bytes; entries are keyed weakly by the
 * job object, so the jobs of a listing that was taken again go with their entries.
 */
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

export class TerraformJobEntries {
  private readonly entries = new WeakMap<ApiJob, Uint8Array>();

  readonly addPage = (jobs: readonly ApiJob[]): void => {
    for (const job of jobs) this.entries.set(job, encodeKnown(jobObject(job)));
  };

  /** The msgpack of a list of these jobs, as parts to concatenate. */
  list(jobs: readonly ApiJob[]): Uint8Array[] {
    const parts: Uint8Array[] = [arrayHeader(jobs.length)];
    for (const job of jobs) {
      let entry = this.entries.get(job);
      if (!entry) {
        entry = encodeKnown(jobObject(job));
        this.entries.set(job, entry);
      }
      parts.push(entry);
    }
    return parts;
  }
}
