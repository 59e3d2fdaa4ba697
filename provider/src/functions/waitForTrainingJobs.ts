/**
 * waitForTrainingJobs, a deployment gate: passes when every selected job is in a target state;
 * fails at once when one is in a state that needs a person, when time runs out, or when nothing
 * is selected. A preview checks once and never waits (see docs/gate.md).
 */
import { DeadlineExceeded, deadlineSignal, STILL_UNANSWERED } from "../api/deadline";
import { sleep } from "../api/retryPolicy";
import { WAIT_FOR_TRAINING_JOBS_INPUTS } from "../schema/fields";
import type { InputsOf } from "../schema/fieldTypes";
import { jobsOf, OutputsOf, WAIT_FOR_TRAINING_JOBS_OUTPUTS } from "../schema/outputs";
import { needsPersonToProceed } from "../schema/states";
import { inputName, text } from "../schema/text";
import type { ApiJob } from "../schema/trainingJob";
import { CallContext, CallFailure, Clock } from "./context";
import { filterNames, listMatchingJobs, MatchingJobs } from "./jobQuery";

/** How early a timer may wake against the wall clock: a sleep until the deadline ends at it. */
const TIMER_SLACK_MS = 10;

export type WaitInputs = InputsOf<typeof WAIT_FOR_TRAINING_JOBS_INPUTS>;
/** `jobs`: the selected jobs as last seen, the pages of that listing; serialized by each protocol. */
export type WaitResult = OutputsOf<typeof WAIT_FOR_TRAINING_JOBS_OUTPUTS, ApiJob>;

const REAL_CLOCK: Clock = { now: () => Date.now(), sleep };

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

function result(pages: WaitResult["jobs"], jobs: readonly ApiJob[], ready: boolean, waitedMs: number): WaitResult {
  return {
    ready,
    jobs: pages,
    jobIds: jobs.map((j) => j.job_id),
    assetIds: jobs.flatMap((j) => (typeof j.asset_id === "string" ? [j.asset_id] : [])),
    waitedSeconds: Math.round(waitedMs / 100) / 10,
  };
}

/**
 * One listing under the gate's deadline: its requests, retries and waits for a slot end when the
 * time limit does, and a retry asked for after it fails at once. With timeoutSeconds 0 (check
 * once) the listing has the retries of any other; so it has under a clock of a test's own, which
 * cannot bound real requests.
 */
async function listWithin(
  ctx: CallContext,
  filters: Readonly<Record<string, unknown>>,
  timeoutSeconds: number,
  startedAt: number,
): Promise<MatchingJobs["pages"]> {
  if (timeoutSeconds === 0 || ctx.clock) return (await listMatchingJobs(ctx, { filters, keepJobs: true })).pages;
  const deadline = startedAt + timeoutSeconds * 1000;
  const bounded = deadlineSignal(deadline, ctx.signal, () => STILL_UNANSWERED);
  try {
    return (await listMatchingJobs({ ...ctx, signal: bounded.signal }, { filters, deadline, keepJobs: true })).pages;
  } catch (err) {
    if (!(err instanceof DeadlineExceeded)) throw err;
    const waited = Math.round((Date.now() - startedAt) / 100) / 10;
    throw new CallFailure(
      "timeoutSeconds",
      text`timed out after ${String(waited)} s (${inputName("timeoutSeconds")} ${timeoutSeconds}) before the jobs could be listed: ${err.message}`,
      "timedOut",
    );
  } finally {
    bounded.dispose();
  }
}

export async function waitForTrainingJobs(inputs: WaitInputs, ctx: CallContext): Promise<WaitResult> {
  const { targetStates, timeoutSeconds, pollIntervalSeconds, ...filters } = inputs;
  const clock = ctx.clock ?? REAL_CLOCK;
  const targets = new Set(targetStates);
  const goal = targetStates.join(" or ");
  const startedAt = clock.now();
  const deadline = startedAt + timeoutSeconds * 1000;
  for (;;) {
    const pages = await listWithin(ctx, filters, timeoutSeconds, startedAt);
    const jobs = jobsOf(pages);
    ctx.onGateCheck?.({ jobs, elapsedMs: clock.now() - startedAt });
    if (jobs.length === 0) {
      throw new CallFailure(
        "jobs",
        text`the gate selected no training jobs (filters set: ${filterNames(filters)}); a gate on nothing is a mistake: check ${inputName("jobId")} / ${inputName("batchName")} / ${inputName("states")}`,
        "nothingSelected",
      );
    }
    const stuck = jobs.filter((j) => !targets.has(j.state) && needsPersonToProceed(j.state));
    if (stuck.length > 0) {
      throw new CallFailure(
        "jobs",
        `${stuck.length} of ${jobs.length} selected jobs cannot reach ${goal} without a person acting: ${listed(stuck)}`,
        "needsPerson",
      );
    }
    const pending = jobs.filter((j) => !targets.has(j.state));
    if (pending.length === 0) {
      ctx.log("info", `gate passed: all ${jobs.length} selected jobs are in ${goal}`);
      return result(pages, jobs, true, clock.now() - startedAt);
    }
    if (ctx.preview) {
      ctx.log(
        "info",
        `preview: ${pending.length} of ${jobs.length} jobs not yet in ${goal} (${countByState(pending)}); the deployment will wait up to ${timeoutSeconds} s`,
      );
      return result(pages, jobs, false, clock.now() - startedAt);
    }
    const timedOut = () =>
      new CallFailure(
        "timeoutSeconds",
        text`timed out after ${Math.round((clock.now() - startedAt) / 1000)} s (${inputName("timeoutSeconds")} ${timeoutSeconds}): ${pending.length} of ${jobs.length} jobs are not in ${goal}: ${listed(pending)}`,
        "timedOut",
      );
    const now = clock.now();
    if (now >= deadline) throw timedOut();
    ctx.log(
      "info",
      `waiting for ${pending.length} of ${jobs.length} jobs to reach ${goal} (${countByState(pending)}); waited ${Math.round((now - startedAt) / 1000)} s of ${timeoutSeconds} s`,
    );
    await clock.sleep(Math.min(pollIntervalSeconds * 1000, deadline - now), ctx.signal);
    // No check starts at the deadline: it could not finish by it. The jobs are as last seen. A
    // timer may fire a millisecond or two before Date.now() reaches its time, hence the slack.
    if (clock.now() >= deadline - TIMER_SLACK_MS) throw timedOut();
  }
}
