/** The functions this provider serves, by token. */
import { GET_TRAINING_JOBS_TOKEN, WAIT_FOR_TRAINING_JOBS_TOKEN } from "../schema/packageSchema";
import type { Validated } from "../schema/inputValidation";
import type { ApiJob } from "../schema/trainingJob";
import type { InvokeContext } from "./context";
import { getTrainingJobs, validateGetTrainingJobs } from "./getTrainingJobs";
import { validateWaitForTrainingJobs, waitForTrainingJobs } from "./waitForTrainingJobs";

/** What every function answers: domain data, its jobs as validated API objects. */
export type FunctionResult = { jobs: ApiJob[] } & Record<string, unknown>;

export interface ProviderFunction {
  /** `secret`: inputs the program marked secret, whose values failures must not quote. */
  validate(args: Record<string, unknown>, secret?: ReadonlySet<string>): Validated<Record<string, unknown>>;
  run(inputs: Record<string, unknown>, ctx: InvokeContext): Promise<FunctionResult>;
}

export const FUNCTIONS: Readonly<Record<string, ProviderFunction>> = {
  [GET_TRAINING_JOBS_TOKEN]: {
    validate: validateGetTrainingJobs,
    run: async (inputs, ctx) => ({ ...(await getTrainingJobs(inputs as Parameters<typeof getTrainingJobs>[0], ctx)) }),
  },
  [WAIT_FOR_TRAINING_JOBS_TOKEN]: {
    validate: validateWaitForTrainingJobs,
    run: async (inputs, ctx) => ({ ...(await waitForTrainingJobs(inputs as Parameters<typeof waitForTrainingJobs>[0], ctx)) }),
  },
};
