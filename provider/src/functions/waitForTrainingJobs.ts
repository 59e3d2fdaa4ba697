/**
 * metastudio:index:waitForTrainingJobs, a deployment gate: passes when every selected job is in a
 * target state; fails at once when one is in a state that needs a person, when time runs out, or
 * when nothing is selected. A preview checks once and never waits (see docs/gate.md).
 */
import { DeadlineExceeded, deadlineSignal } from "../api/deadline";
import { sleep } from "../api/retryPolicy";
import { WAIT_FOR_TRAINING_JOBS_INPUTS } from "../schema/fields";
import { makeValidator } from "../schema/inputValidation";
import { needsPersonToProceed } from "../schema/states";
import type { ApiJob } from "../schema/trainingJob";
import { InvokeContext, InvokeFailure } from "./context";
import { filterNames, listMatchingJobs } from "./jobQuery";

export interface WaitInputs extends Record<string, unknown> {
  targetStates: string[];
  timeoutSeconds: number;
  pollIntervalSeconds: number;
}

export interface WaitResult {
  ready: boolean;
  /** The selected jobs as last seen: validated API objects, serialized by each protocol. */
  jobs: ApiJob[];
  jobIds: string[];
  assetIds: string[];
  waitedSeconds: number;
}

export const validateWaitForTrainingJobs = makeValidator<WaitInputs>(WAIT_FOR_TRAINING_JOBS_INPUTS);

function describeJob(j: ApiJob): string {
  return `${j.name} (${j.job_id}): ${j.state}`;
}

/** "TRAINING: 3, COMPILING: 1", most common first. */
export function countByState(jobs: readonly ApiJob[]): string {
  const counts = new Map<string, number>();
  for (const j of jobs) counts.set(j.state, (counts.get(j.state) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([s, n]) => `${s}: ${n}`)
    .join(", ");
}

function listed(jobs: readonly ApiJob[], max = 20): string {
  const shown = jobs.slice(0, max).map(describeJob).join("; ");
  return jobs.length > max ? `${shown}; and ${jobs.length - max} more` : shown;
}

function result(jobs: ApiJob[], ready: boolean, startedAt: number): WaitResult {
  return {
    ready,
    jobs,
    jobIds: jobs.map((j) => j.job_id),
    assetIds: jobs.flatMap((j) => (typeof j.asset_id === "string" ? [j.asset_id] : [])),
    waitedSeconds: Math.round((Date.now() - startedAt) / 100) / 10,
  };
}

/**
 * One listing under the gate's deadline: its requests, retries and waits for a slot end when the
 * time limit does, and a retry asked for after it fails at once. With timeoutSeconds 0 (check
 * once) the listing has the retries of any other.
 */
async function listWithin(
  ctx: InvokeContext,
  filters: Readonly<Record<string, unknown>>,
  timeoutSeconds: number,
  startedAt: number,
  deadline: number,
): Promise<ApiJob[]> {
  if (timeoutSeconds === 0) return (await listMatchingJobs(ctx, { filters })).jobs;
  const timedOut = () => "a request was still unanswered when the time was up";
  const bounded = deadlineSignal(deadline, ctx.signal, timedOut);
  try {
    return (await listMatchingJobs({ ...ctx, signal: bounded.signal }, { filters, deadline })).jobs;
  } catch (err) {
    if (!(err instanceof DeadlineExceeded)) throw err;
    const waited = Math.round((Date.now() - startedAt) / 100) / 10;
    throw new InvokeFailure(
      "timeoutSeconds",
      `timed out after ${waited} s (timeoutSeconds ${timeoutSeconds}) before the jobs could be listed: ${err.message}`,
    );
  } finally {
    bounded.dispose();
  }
}

export async function waitForTrainingJobs(inputs: WaitInputs, ctx: InvokeContext): Promise<WaitResult> {
  const { targetStates, timeoutSeconds, pollIntervalSeconds, ...filters } = inputs;
  const targets = new Set(targetStates);
  const goal = targetStates.join(" or ");
  const startedAt = Date.now();
  const deadline = startedAt + timeoutSeconds * 1000;
  for (;;) {
    const jobs = await listWithin(ctx, filters, timeoutSeconds, startedAt, deadline);
    if (jobs.length === 0) {
      throw new InvokeFailure(
        "jobs",
        `the gate selected no training jobs (filters set: ${filterNames(filters)}); a gate on nothing is a mistake: check jobId / batchName / states`,
      );
    }
    const stuck = jobs.filter((j) => !targets.has(j.state) && needsPersonToProceed(j.state));
    if (stuck.length > 0) {
      throw new InvokeFailure(
        "jobs",
        `${stuck.length} of ${jobs.length} selected jobs cannot reach ${goal} without a person acting: ${listed(stuck)}`,
      );
    }
    const pending = jobs.filter((j) => !targets.has(j.state));
    if (pending.length === 0) {
      ctx.log("info", `gate passed: all ${jobs.length} selected jobs are in ${goal}`);
      return result(jobs, true, startedAt);
    }
    if (ctx.preview) {
      ctx.log(
        "info",
        `preview: ${pending.length} of ${jobs.length} jobs not yet in ${goal} (${countByState(pending)}); the deployment will wait up to ${timeoutSeconds} s`,
      );
      return result(jobs, false, startedAt);
    }
    const timedOut = () =>
      new InvokeFailure(
        "timeoutSeconds",
        `timed out after ${Math.round((Date.now() - startedAt) / 1000)} s (timeoutSeconds ${timeoutSeconds}): ${pending.length} of ${jobs.length} jobs are not in ${goal}: ${listed(pending)}`,
      );
    const now = Date.now();
    if (now >= deadline) throw timedOut();
    ctx.log(
      "info",
      `waiting for ${pending.length} of ${jobs.length} jobs to reach ${goal} (${countByState(pending)}); waited ${Math.round((now - startedAt) / 1000)} s of ${timeoutSeconds} s`,
    );
    await sleep(Math.min(pollIntervalSeconds * 1000, deadline - now), ctx.signal);
    // No check starts at the deadline: it could not finish by it. The jobs are as last seen.
    if (Date.now() >= deadline) throw timedOut();
  }
}
