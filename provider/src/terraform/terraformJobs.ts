/**
 * The Terraform protocol's job serializer: a job as a cty object of every job attribute under the
 * API's snake_case names (absent fields null, as cty objects need every attribute), msgpack,
 * encoded page by page as the listing accepted them and assembled into one list.
 */
import type { ApiJob } from "../schema/trainingJob";
import { arrayHeader, encodeKnown, TfObject, TfValue } from "./dynamicValue";
import { JOB_ATTRIBUTES } from "./schema";

const NAMES = JOB_ATTRIBUTES.map(([name]) => name);

export function jobObject(job: ApiJob): TfObject {
  const source: Readonly<Record<string, TfValue | undefined>> = job;
  const out: TfObject = {};
  for (const name of NAMES) out[name] = source[name] ?? null;
  return out;
}

/** The msgpack of a listing's jobs as one list, as parts to concatenate. */
export function encodedJobList(pages: ReadonlyArray<readonly ApiJob[]>): Uint8Array[] {
  let n = 0;
  for (const page of pages) n += page.length;
  const parts: Uint8Array[] = [arrayHeader(n)];
  for (const page of pages) for (const job of page) parts.push(encodeKnown(jobObject(job)));
  return parts;
}
