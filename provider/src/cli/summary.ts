/**
 * The Markdown summary a CI page shows (`--summary-file`, and GitHub's $GITHUB_STEP_SUMMARY):
 * the outcome, jobs per state, the jobs that need a person and the assets ready. It is appended,
 * as GitHub expects of a step summary that several steps write to.
 */
import { appendFileSync } from "node:fs";
import { needsPersonToProceed } from "../schema/states";
import type { ApiJob } from "../schema/trainingJob";
import { stateCounts } from "./progress";

/** Table cells hold text from the service: pipes, line breaks and HTML must not change the page. */
function md(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .replace(/[\\|`*<>[\]]/g, (c) => `\\${c}`)
    .slice(0, 200);
}

/** Rows beyond this are counted, not listed: a summary of 10,000 jobs is not read. */
const MAX_ROWS = 50;

function rowsOf<T>(items: readonly T[], row: (t: T) => string): string[] {
  const rows = items.slice(0, MAX_ROWS).map(row);
  if (items.length > MAX_ROWS) rows.push(`| … | and ${items.length - MAX_ROWS} more | |`);
  return rows;
}

export function markdownSummary(title: string, outcome: string, jobs: readonly ApiJob[], targetStates: readonly string[]): string {
  const targets = new Set(targetStates);
  const stuck = jobs.filter((j) => !targets.has(j.state) && needsPersonToProceed(j.state));
  const ready = jobs.filter((j) => targets.has(j.state) && typeof j.asset_id === "string");
  const lines = [`### ${md(title)}`, "", outcome, ""];
  if (jobs.length) {
    lines.push("| state | jobs |", "| --- | ---: |", ...stateCounts(jobs).map(([s, n]) => `| ${md(s)} | ${n} |`), "");
  }
  if (stuck.length) {
    lines.push(`**Need a person (${stuck.length})**`, "", "| job id | name | state |", "| --- | --- | --- |");
    lines.push(...rowsOf(stuck, (j) => `| ${md(j.job_id)} | ${md(j.name)} | ${md(j.state)} |`), "");
  }
  lines.push(`**Assets ready (${ready.length})**`, "");
  if (ready.length) {
    lines.push("| job id | name | asset id |", "| --- | --- | --- |");
    lines.push(...rowsOf(ready, (j) => `| ${md(j.job_id)} | ${md(j.name)} | ${md(String(j.asset_id))} |`), "");
  }
  return lines.join("\n") + "\n";
}

export function appendSummary(paths: readonly string[], text: string): void {
  for (const path of new Set(paths)) appendFileSync(path, text);
}
