/** Data source `metastudio_training_jobs`: getTrainingJobs with the attributes of the block. */
import { getTrainingJobs } from "../core/functions";
import type { CallContext } from "../functions/context";
import type { Diagnostic } from "./generated/tfplugin6";
import { encodeKnown, objectOfParts, TfValue } from "./dynamicValue";
import { checked, inputsFrom } from "./functionInputs";
import { outputAttributeName, trainingJobsDataSourceSchema } from "./schema";
import { encodedJobList } from "./terraformJobs";

const ATTRIBUTES = trainingJobsDataSourceSchema.block!.attributes.map((a) => a.name);
const JOBS = outputAttributeName(getTrainingJobs.outputs, "jobs");
const COUNT = outputAttributeName(getTrainingJobs.outputs, "count");

export function validateTrainingJobsConfig(config: TfValue): Diagnostic[] {
  const result = checked(getTrainingJobs.validate(inputsFrom(config, getTrainingJobs.inputs).args));
  return result.ok ? [] : result.diagnostics;
}

/** `state`: the msgpack of the state, in parts to concatenate. */
export type Read = { ok: true; state: Uint8Array[] } | { ok: false; diagnostics: Diagnostic[] };

/** Lists the jobs; the state is the block as written, plus `total` and `jobs`. */
export async function readTrainingJobs(config: TfValue, ctx: CallContext): Promise<Read> {
  const inputs = checked(getTrainingJobs.validate(inputsFrom(config, getTrainingJobs.inputs).args));
  if (!inputs.ok) return inputs;
  const result = await getTrainingJobs.run(inputs.value, ctx);
  const written = config !== null && typeof config === "object" && !Array.isArray(config) ? config : {};
  const state = objectOfParts(
    ATTRIBUTES.map((name) => {
      if (name === JOBS) return [name, encodedJobList(result.jobs)] as const;
      if (name === COUNT) return [name, encodeKnown(result.count)] as const;
      return [name, encodeKnown(written[name] ?? null)] as const;
    }),
  );
  return { ok: true, state };
}
