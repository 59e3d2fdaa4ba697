/**
 * Resource `metastudio_training_jobs_gate`: waitForTrainingJobs as a resource, as `time_sleep`
 * waits. A data source is read during plan, so a waiting data source would make every plan wait;
 * a resource's create runs only in apply. Plan never calls the API: it fills in defaults and
 * marks what apply will learn as unknown. A changed selection replaces the gate (a new wait);
 * a changed poll interval or time limit only updates the record. Nothing remote is created, so
 * delete forgets the record and read returns it as it is.
 */
import { randomUUID } from "node:crypto";
import { AnyOutputs, waitForTrainingJobs } from "../core/functions";
import { CallContext, CallFailure } from "../functions/context";
import type { WaitInputs } from "../functions/waitForTrainingJobs";
import { JOB_FILTER_FIELDS, WAIT_FIELDS } from "../schema/fields";
import type { OutputSpec } from "../schema/outputs";
import { render } from "../schema/text";
import type { Diagnostic } from "./generated/tfplugin6";
import { errorAt } from "./diagnostics";
import { parseDurationSeconds } from "./duration";
import { TfObject, TfValue, UNKNOWN } from "./dynamicValue";
import { checked, inputsFrom } from "./functionInputs";
import { attributePathOf, snakeCase, TERRAFORM_SPELLING } from "./names";
import { GATE_SELECTION_FIELDS, gateResourceSchema, outputAttributeName } from "./schema";

const GATE_INPUT_FIELDS = {
  ...JOB_FILTER_FIELDS,
  targetStates: WAIT_FIELDS.targetStates,
  pollIntervalSeconds: WAIT_FIELDS.pollIntervalSeconds,
};
const SELECTION_ATTRIBUTES = Object.keys(GATE_SELECTION_FIELDS).map(snakeCase);
const COMPUTED_ATTRIBUTES = gateResourceSchema.block!.attributes.filter((a) => a.computed && !a.optional).map((a) => a.name);
const ATTRIBUTES = gateResourceSchema.block!.attributes.map((a) => a.name);
const TIMEOUT_PATH = attributePathOf("timeoutSeconds");

function asObject(v: TfValue): TfObject | undefined {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? v : undefined;
}

type GateInputs = { ok: true; value: WaitInputs } | { ok: false; diagnostics: Diagnostic[] };

/** The wait's inputs from the gate's attributes; unknown values (plan) are left out and unchecked. */
function gateInputs(value: TfValue): GateInputs {
  const { args } = inputsFrom(value, GATE_INPUT_FIELDS);
  const create = asObject(asObject(value)?.timeouts ?? null)?.create;
  if (typeof create === "string") {
    const seconds = parseDurationSeconds(create);
    if (seconds === undefined) {
      return {
        ok: false,
        diagnostics: [
          errorAt(
            TIMEOUT_PATH,
            "Invalid value",
            `timeouts.create is ${JSON.stringify(create)}; expected a duration such as 30s, 10m or 1h30m`,
          ),
        ],
      };
    }
    args.timeoutSeconds = Math.ceil(seconds);
  }
  return checked(waitForTrainingJobs.validate(args));
}

export function validateGateConfig(config: TfValue): Diagnostic[] {
  const inputs = gateInputs(config);
  return inputs.ok ? [] : inputs.diagnostics;
}

export interface Plan {
  planned: TfValue;
  requiresReplace: string[][];
  diagnostics: Diagnostic[];
}

const same = (a: TfValue | undefined, b: TfValue | undefined) =>
  a !== UNKNOWN && b !== UNKNOWN && JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function withDefaults(proposed: TfObject): TfObject {
  return {
    ...proposed,
    target_states: proposed.target_states ?? [...WAIT_FIELDS.targetStates.default],
    poll_interval_seconds: proposed.poll_interval_seconds ?? WAIT_FIELDS.pollIntervalSeconds.default,
  };
}

export function planGate(prior: TfValue, proposed: TfValue): Plan {
  const next = asObject(proposed);
  if (!next) return { planned: null, requiresReplace: [], diagnostics: [] };
  const diagnostics = validateGateConfig(next);
  const planned = withDefaults(next);
  const before = asObject(prior);
  const changed = before ? SELECTION_ATTRIBUTES.filter((a) => !same(before[a], planned[a])) : [];
  if (!before || changed.length) {
    for (const name of COMPUTED_ATTRIBUTES) planned[name] = UNKNOWN;
  }
  return { planned, requiresReplace: changed.map((a) => [a]), diagnostics };
}

export type Applied = { ok: true; newState: TfValue } | { ok: false; diagnostics: Diagnostic[] };

/** Create waits; update keeps the pass on record with its new settings; delete forgets it. */
export async function applyGate(prior: TfValue, planned: TfValue, ctx: CallContext): Promise<Applied> {
  const next = asObject(planned);
  if (!next) return { ok: true, newState: null };
  if (asObject(prior) && !COMPUTED_ATTRIBUTES.some((a) => next[a] === UNKNOWN)) return { ok: true, newState: next };
  const inputs = gateInputs(next);
  if (!inputs.ok) return inputs;
  try {
    const result = await waitForTrainingJobs.run(inputs.value, ctx);
    const values: AnyOutputs = result;
    const newState: TfObject = { ...next, id: randomUUID() };
    // The record keeps every output of the gate but the jobs themselves (schema.ts).
    for (const [name, spec] of Object.entries<OutputSpec>(waitForTrainingJobs.outputs)) {
      if (!spec.pulumiOnly) newState[outputAttributeName(waitForTrainingJobs.outputs, name)] = recorded(values[name]);
    }
    return { ok: true, newState };
  } catch (err) {
    if (err instanceof CallFailure) {
      const path = err.property === "timeoutSeconds" ? TIMEOUT_PATH : undefined;
      return { ok: false, diagnostics: [errorAt(path, "The training jobs did not pass the gate", render(err.text, TERRAFORM_SPELLING))] };
    }
    throw err;
  }
}

/** An output of the gate as its record holds it: a flag, a number or a list of ids. */
function recorded(v: AnyOutputs[string]): TfValue {
  if (typeof v === "number" || typeof v === "boolean") return v;
  return v.every((x): x is string => typeof x === "string") ? v : null;
}

/** A state written by this or an earlier version of the schema (JSON), as the current schema's value. */
export function upgradeGateState(json: string): TfValue {
  const old = JSON.parse(json) as Record<string, TfValue>;
  const state: TfObject = {};
  for (const name of ATTRIBUTES) state[name] = old[name] ?? null;
  const timeouts = asObject(old.timeouts ?? null);
  state.timeouts = timeouts ? { create: timeouts.create ?? null } : null;
  return state;
}
