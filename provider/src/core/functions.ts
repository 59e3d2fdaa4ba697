/**
 * The functions, each its declaration (declarations.ts) with its validator and its body, typed
 * from its tables: `validate` gives exactly the input type `run` takes, and `run` answers the
 * output table's type. A front end serving functions by name goes through `callable`, which
 * keeps that pairing without any cast.
 */
import { getTrainingJobs as runGetTrainingJobs } from "../functions/getTrainingJobs";
import { waitForTrainingJobs as runWaitForTrainingJobs } from "../functions/waitForTrainingJobs";
import type { CallContext } from "../functions/context";
import type { FieldTable } from "../schema/fields";
import type { InputsOf } from "../schema/fieldTypes";
import { InputFailure, makeValidator, Validator } from "../schema/inputValidation";
import type { JobPage, OutputSpec, OutputsOf } from "../schema/outputs";
import type { ApiJob } from "../schema/trainingJob";
import { FunctionDeclaration, GET_TRAINING_JOBS, WAIT_FOR_TRAINING_JOBS } from "./declarations";

export interface ProviderFunction<I extends FieldTable, O extends Readonly<Record<string, OutputSpec>>> extends FunctionDeclaration<I, O> {
  readonly validate: Validator<InputsOf<I>>;
  run(inputs: InputsOf<I>, ctx: CallContext): Promise<OutputsOf<O, ApiJob>>;
}

function define<I extends FieldTable, O extends Readonly<Record<string, OutputSpec>>>(
  declaration: FunctionDeclaration<I, O>,
  run: (inputs: InputsOf<I>, ctx: CallContext) => Promise<OutputsOf<O, ApiJob>>,
): ProviderFunction<I, O> {
  return { ...declaration, validate: makeValidator(declaration.inputs), run };
}

export const getTrainingJobs = define(GET_TRAINING_JOBS, runGetTrainingJobs);
export const waitForTrainingJobs = define(WAIT_FOR_TRAINING_JOBS, runWaitForTrainingJobs);

/** A result as a front end serving any function sees it: each output by name, as its table says. */
export type AnyOutputs = Readonly<Record<string, number | boolean | string[] | JobPage<ApiJob>[]>>;

/** A call whose inputs passed validation, ready to run. */
export interface PreparedCall {
  readonly declaration: FunctionDeclaration;
  /** The validated inputs, defaults filled in: what identifies the call (for sharing one run). */
  readonly inputs: Readonly<Record<string, unknown>>;
  run(ctx: CallContext): Promise<AnyOutputs>;
}

export interface Callable {
  readonly declaration: FunctionDeclaration;
  prepare(
    args: Readonly<Record<string, unknown>>,
    secret?: ReadonlySet<string>,
  ): { ok: true; call: PreparedCall } | { ok: false; failures: InputFailure[] };
}

/** A function as a front end serving functions by name calls it: validate, then run. */
export function callable<I extends FieldTable, O extends Readonly<Record<string, OutputSpec>>>(fn: ProviderFunction<I, O>): Callable {
  return {
    declaration: fn,
    prepare(args, secret) {
      const checked = fn.validate(args, secret);
      if (!checked.ok) return checked;
      const inputs = checked.value;
      return { ok: true, call: { declaration: fn, inputs, run: (ctx) => fn.run(inputs, ctx) } };
    },
  };
}

/** Every function, by name. */
export const FUNCTIONS: ReadonlyMap<string, Callable> = new Map(
  [callable(getTrainingJobs), callable(waitForTrainingJobs)].map((c) => [c.declaration.name, c] as const),
);
