/** The functions this provider serves, by token. */
import { GET_TRAINING_JOBS_TOKEN, WAIT_FOR_TRAINING_JOBS_TOKEN } from "../schema/packageSchema";
import type { Validated } from "../schema/inputValidation";
import type { InvokeContext } from "./context";
import { getTrainingJobs, validateGetTrainingJobs } from "./getTrainingJobs";
import { validateWaitForTrainingJobs, waitForTrainingJobs } from "./waitForTrainingJobs";

export interface ProviderFunction {
  /** `secret`: inputs the program marked secret, whose values failures must not quote. */
  validate(args: Record<string, unknown>, secret?: ReadonlySet<string>): Validated<Record<string, unknown>>;
  run(inputs: Record<string, unknown>, ctx: InvokeContext): Promise<object>;
}

export const FUNCTIONS: Readonly<Record<string, ProviderFunction>> = {
  [GET_TRAINING_JOBS_TOKEN]: {
    validate: validateGetTrainingJobs,
    run: (inputs, ctx) => getTrainingJobs(inputs as Parameters<typeof getTrainingJobs>[0], ctx),
  },
  [WAIT_FOR_TRAINING_JOBS_TOKEN]: {
    validate: validateWaitForTrainingJobs,
    run: (inputs, ctx) => waitForTrainingJobs(inputs as Parameters<typeof waitForTrainingJobs>[0], ctx),
  },
};
