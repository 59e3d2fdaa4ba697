/** Data source `metastudio_training_jobs`: getTrainingJobs with the attributes of the block. */
import type { InvokeContext } from "../functions/context";
import { getTrainingJobs, validateGetTrainingJobs } from "../functions/getTrainingJobs";
import { GET_TRAINING_JOBS_INPUTS } from "../schema/fields";
import type { Diagnostic } from "./generated/tfplugin6";
import { encodeKnown, encodeObjectOfParts, TfValue } from "./dynamicValue";
import { checked, inputsFrom } from "./functionInputs";
import { trainingJobsDataSourceSchema } from "./schema";
import type { TerraformJobEntries } from "./terraformJobs";

const ATTRIBUTES = trainingJobsDataSourceSchema.block!.attributes.map((a) => a.name);

export function validateTrainingJobsConfig(config: TfValue): Diagnostic[] {
  const result = checked(validateGetTrainingJobs(inputsFrom(config, GET_TRAINING_JOBS_INPUTS).args));
  return result.ok ? [] : result.diagnostics;
}

export type Read = { ok: true; state: Buffer } | { ok: false; diagnostics: Diagnostic[] };

/** Lists the jobs; the state is the block as written, plus `total` and `jobs`. */
export async function readTrainingJobs(config: TfValue, ctx: InvokeContext, jobs: TerraformJobEntries): Promise<Read> {
  const inputs = checked(validateGetTrainingJobs(inputsFrom(config, GET_TRAINING_JOBS_INPUTS).args));
  if (!inputs.ok) return inputs;
  const result = await getTrainingJobs(inputs.value, ctx);
  const written = (config ?? {}) as Record<string, TfValue>;
  const state = encodeObjectOfParts(
    ATTRIBUTES.map((name) => {
      if (name === "jobs") return [name, jobs.list(result.jobs)] as const;
      if (name === "total") return [name, encodeKnown(result.count)] as const;
      return [name, encodeKnown(written[name] ?? null)] as const;
    }),
  );
  return { ok: true, state };
}
