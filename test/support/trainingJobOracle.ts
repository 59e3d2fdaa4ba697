/**
 * A job as the Pulumi side returns it, computed the plain way (camelCase names, absent and null
 * fields left out): the oracle the encoder's bytes are compared with.
 */
import type { ApiJob } from "../../provider/src/schema/trainingJob";
import { JOB_FIELD_MAPPING } from "../../provider/src/schema/trainingJob";

export function toTrainingJob(job: ApiJob): Record<string, unknown> {
  const source: Readonly<Record<string, unknown>> = job;
  const out: Record<string, unknown> = {};
  for (const [api, name] of JOB_FIELD_MAPPING) {
    const v = source[api];
    if (v !== undefined && v !== null) out[name] = v;
  }
  return out;
}
