/**
 * The functions this provider serves, as data: each one's name, description, input table and
 * output table. Both protocols' schemas and the docs are built from these; the functions
 * themselves (functions.ts) take their types from the same tables. Nothing here loads zod or the
 * HTTP client, so a schema can be served before any of that is needed.
 */
import { FieldTable, GET_TRAINING_JOBS_INPUTS, WAIT_FOR_TRAINING_JOBS_INPUTS } from "../schema/fields";
import { GET_TRAINING_JOBS_OUTPUTS, OutputSpec, WAIT_FOR_TRAINING_JOBS_OUTPUTS } from "../schema/outputs";
import { inputName, text, Text } from "../schema/text";

export interface FunctionDeclaration<
  I extends FieldTable = FieldTable,
  O extends Readonly<Record<string, OutputSpec>> = Readonly<Record<string, OutputSpec>>,
> {
  /** The function's name: Pulumi's token ends in it, a command line may take it as a command. */
  readonly name: string;
  readonly description: Text;
  readonly inputs: I;
  readonly outputs: O;
}

function declare<I extends FieldTable, O extends Readonly<Record<string, OutputSpec>>>(
  d: FunctionDeclaration<I, O>,
): FunctionDeclaration<I, O> {
  return d;
}

export const GET_TRAINING_JOBS = declare({
  name: "getTrainingJobs",
  description: text`Lists MetaStudio training jobs with every filter of the API, paging through all matches (or up to \`${inputName("limit")}\`).`,
  inputs: GET_TRAINING_JOBS_INPUTS,
  outputs: GET_TRAINING_JOBS_OUTPUTS,
});

export const WAIT_FOR_TRAINING_JOBS = declare({
  name: "waitForTrainingJobs",
  description: text`A gate: passes when every selected job is in a target state (default \`JOB_FINISH\`), waiting up to \`${inputName("timeoutSeconds")}\`; fails at once when a job is in a state that needs a person (failed, stopped, rejected), when the time runs out, or when nothing is selected.`,
  inputs: WAIT_FOR_TRAINING_JOBS_INPUTS,
  outputs: WAIT_FOR_TRAINING_JOBS_OUTPUTS,
});

export const DECLARATIONS: readonly FunctionDeclaration[] = [GET_TRAINING_JOBS, WAIT_FOR_TRAINING_JOBS];
