/**
 * The Terraform protocol's job serializer: a job as a cty object of every job attribute under the
 * API's snake_case names (absent fields null, as cty objects need every attribute), msgpack.
 * Each page is encoded as it arrives (encodeTerraformJobs, the read's encodeJobs), and the
 * state's list is assembled from the accepted pages' entries.
 */
import { JobPage, pageEntries, pageJobCount } from "../schema/outputs";
import type { ApiJob } from "../schema/trainingJob";
import { arrayHeader, encodeKnownEach, TfObject, TfValue } from "./dynamicValue";
import { JOB_ATTRIBUTES } from "./schema";

const NAMES = JOB_ATTRIBUTES.map(([name]) => name);

export function jobObject(job: ApiJob): TfObject {
  const source: Readonly<Record<string, TfValue | undefined>> = job;
  const out: TfObject = {};
  for (const name of NAMES) out[name] = source[name] ?? null;
  return out;
}

/** One msgpack cty object per job. */
export function encodeTerraformJobs(jobs: readonly ApiJob[]): Uint8Array[] {
  return encodeKnownEach(jobs.map(jobObject));
}

/** The msgpack of a listing's jobs as one list, as parts to concatenate: each page's entries, encoded now if it has none. */
export function encodedJobList(pages: ReadonlyArray<JobPage<ApiJob>>): Uint8Array[] {
  let n = 0;
  for (const page of pages) n += pageJobCount(page);
  const parts: Uint8Array[] = [arrayHeader(n)];
  for (const page of pages) for (const entry of pageEntries(page, encodeTerraformJobs)) parts.push(entry);
  return parts;
}
