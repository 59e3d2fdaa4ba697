/**
 * What goes to stdout: the jobs (and a gate's result) as a table for a person, JSON for `jq`,
 * NDJSON for line tools, CSV for spreadsheets. Jobs are in their camelCase output shape, the one
 * both providers return. Nothing else is ever written to stdout, so it can be captured whole.
 */
import type { ApiJob } from "../core";
import { JOB_OUTPUT_FIELDS } from "../schema/outputs";
import { JOB_FIELD_MAPPING } from "../schema/trainingJob";

export const OUTPUT_FORMATS = ["table", "json", "ndjson", "csv"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** A job under its camelCase output names, absent fields left out (as the Pulumi provider returns it). */
type OutputJob = Record<string, string | boolean | string[]>;

function outputJob(job: ApiJob): OutputJob {
  const source = job as Readonly<Record<string, string | boolean | string[] | null | undefined>>;
  const out: OutputJob = {};
  for (const [api, name] of JOB_FIELD_MAPPING) {
    const v = source[api];
    if (v !== undefined && v !== null) out[name] = v;
  }
  return out;
}

const CSV_COLUMNS = Object.keys(JOB_OUTPUT_FIELDS);
const TABLE_COLUMNS: ReadonlyArray<readonly [string, keyof typeof JOB_OUTPUT_FIELDS]> = [
  ["JOB ID", "jobId"],
  ["NAME", "name"],
  ["STATE", "state"],
  ["BATCH", "batchName"],
  ["ASSET ID", "assetId"],
  ["UPDATED", "lastUpdateTime"],
];

/** Text from the service shown on a terminal: control characters (escape sequences) made visible, never obeyed. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A job field: a string, a boolean or a list of strings (trainingJob.ts). */
function cell(value: string | boolean | string[] | undefined): string {
  if (value === undefined) return "";
  return Array.isArray(value) ? value.join(";") : String(value);
}

function table(rows: readonly OutputJob[]): string {
  const cells = rows.map((job) => TABLE_COLUMNS.map(([, field]) => printable(cell(job[field]))));
  const widths = TABLE_COLUMNS.map(([title], i) => Math.max(title.length, ...cells.map((r) => r[i].length)));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (i === values.length - 1 ? v : v.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(TABLE_COLUMNS.map(([title]) => title)), ...cells.map(line)].join("\n") + "\n";
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(rows: readonly OutputJob[]): string {
  const lines = [CSV_COLUMNS.join(","), ...rows.map((job) => CSV_COLUMNS.map((c) => csvField(cell(job[c]))).join(","))];
  return lines.map((l) => l + "\r\n").join("");
}

const ndjson = (rows: readonly OutputJob[]) => rows.map((j) => JSON.stringify(j) + "\n").join("");

export function renderListing(format: OutputFormat, count: number, jobs: readonly ApiJob[]): string {
  const rows = jobs.map(outputJob);
  switch (format) {
    case "json":
      return JSON.stringify({ count, jobs: rows }, null, 2) + "\n";
    case "ndjson":
      return ndjson(rows);
    case "csv":
      return csv(rows);
    case "table":
      return table(rows) + `${rows.length} of ${count} jobs\n`;
  }
}

export interface GatePassed {
  jobIds: string[];
  assetIds: string[];
  waitedSeconds: number;
  jobs: readonly ApiJob[];
}

export function renderGatePassed(format: OutputFormat, result: GatePassed): string {
  const rows = result.jobs.map(outputJob);
  switch (format) {
    case "json":
      return (
        JSON.stringify(
          { ready: true, jobIds: result.jobIds, assetIds: result.assetIds, waitedSeconds: result.waitedSeconds, jobs: rows },
          null,
          2,
        ) + "\n"
      );
    case "ndjson":
      return ndjson(rows);
    case "csv":
      return csv(rows);
    case "table":
      return (
        table(rows) +
        `gate passed: ${rows.length} jobs ready after ${result.waitedSeconds} s; assets: ${result.assetIds.join(" ") || "none"}\n`
      );
  }
}
