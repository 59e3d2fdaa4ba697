/** Turns validated filter inputs into the API's query parameters and headers, and lists the jobs. */
import { FieldSpec, JOB_FILTER_FIELDS, PAGING_FIELDS } from "../schema/fields";
import { Identified, listJobs, Listing, PageResult } from "../api/jobLister";
import type { JobsPage } from "../api/metaStudioClient";
import type { JobPage } from "../schema/outputs";
import { inputName, TextPart } from "../schema/text";
import type { ApiJob } from "../schema/trainingJob";
import type { CallContext } from "./context";

export interface ApiQuery {
  query: Array<readonly [string, string]>;
  headers: Record<string, string>;
}

/**
 * The API documents its time filters in UTC ("2023-12-08T08:30:56Z"); inputs may carry any RFC
 * 3339 offset, so they are sent as the same instant in UTC.
 */
export function utcTime(rfc3339: string): string {
  const utc = new Date(rfc3339).toISOString().replace(/\.000Z$/, "Z");
  // Validation keeps inputs within the years 0000 to 9999 in UTC; beyond them the ISO form is
  // "+010000-..." or "-000001-...", which is not RFC 3339 and must never be sent.
  if (!/^\d{4}-/.test(utc)) throw new RangeError(`${rfc3339} is outside the years 0000 to 9999 in UTC`);
  return utc;
}

export function toApiQuery(inputs: Readonly<Record<string, unknown>>): ApiQuery {
  const query: Array<readonly [string, string]> = [];
  const headers: Record<string, string> = {};
  for (const [name, spec] of Object.entries<FieldSpec>(JOB_FILTER_FIELDS)) {
    // Validated inputs: a filter is a string, a number, a boolean or a list of strings.
    const v = inputs[name] as string | number | boolean | string[] | undefined;
    if (v === undefined) continue;
    const text = Array.isArray(v) ? v.join(",") : spec.rfc3339 ? utcTime(String(v)) : String(v);
    if (spec.query) query.push([spec.query, text]);
    else if (spec.header) headers[spec.header] = text;
  }
  return { query, headers };
}

/**
 * The query parameters request lines must show as [secret]: those of secret filters, and offset and
 * limit when any paging input is secret (later pages' offsets would give it away).
 */
export function hiddenParams(secretInputs: ReadonlySet<string>): Set<string> {
  const hidden = new Set<string>();
  for (const name of secretInputs) {
    const filters: Readonly<Record<string, FieldSpec>> = JOB_FILTER_FIELDS;
    const query = Object.hasOwn(filters, name) ? filters[name].query : undefined;
    if (query) hidden.add(query);
    if (Object.hasOwn(PAGING_FIELDS, name)) hidden.add("offset").add("limit");
  }
  return hidden;
}

export interface ListingRequest {
  filters: Readonly<Record<string, unknown>>;
  offset?: number;
  limit?: number;
  pageSize?: number;
  /** Epoch ms by which the listing is over, retries included (the gate's time limit). */
  deadline?: number;
  /**
   * Keep each page's parsed jobs beside its entries (the gate reads their states). Without it, a
   * page the front end encoded keeps its entries and the jobs' ids alone, which the pager needs.
   */
  keepJobs?: boolean;
}

/** What the listing of one call holds: its count, its accepted pages, the requests it took. */
export interface MatchingJobs {
  count: number;
  pages: JobPage<ApiJob>[];
  requests: number;
}

/** The filters set, by name only (each in the reader's terms): any may be secret without the plugin being told. */
export function filterNames(filters: Readonly<Record<string, unknown>>): TextPart[] {
  const names = Object.keys(filters).filter((k) => filters[k] !== undefined);
  if (names.length === 0) return ["none"];
  return names.flatMap((k, i) => (i === 0 ? [inputName(k)] : [", ", inputName(k)]));
}

/** Lists the jobs of a filter: the pages the listing accepted, encoded as they arrived when the front end encodes. */
export async function listMatchingJobs(ctx: CallContext, req: ListingRequest): Promise<MatchingJobs> {
  const encode = ctx.encodeJobs;
  if (encode && !req.keepJobs) {
    // The pager compares pages by job id only: the parsed jobs go as soon as their page is encoded.
    const listing = await listPages(ctx, req, (page) => ({ ...page, jobs: page.jobs.map(idOnly), entries: encode(page.jobs) }));
    return { count: listing.count, requests: listing.requests, pages: listing.pages.map((p) => ({ entries: entriesOf(p) })) };
  }
  const listing = await listPages(ctx, req, (page) => (encode ? { ...page, entries: encode(page.jobs) } : page));
  return { count: listing.count, requests: listing.requests, pages: listing.pages };
}

const idOnly = (job: Identified): Identified => ({ job_id: job.job_id });

/** Every page of an encoded listing has entries: one without would be jobs lost, never an empty page. */
function entriesOf(page: { entries?: Uint8Array[] }): Uint8Array[] {
  if (!page.entries) throw new Error("an encoded listing returned a page without its entries");
  return page.entries;
}

function listPages<J extends Identified>(
  ctx: CallContext,
  req: ListingRequest,
  kept: (page: JobsPage) => PageResult<J>,
): Promise<Listing<J>> {
  const { query, headers } = toApiQuery(req.filters);
  // Retries are told through the call's log, which knows what in it is secret.
  const onRetry = (message: string) => ctx.log("info", message);
  const hidden = hiddenParams(ctx.secretInputs);
  // One key per listing: the process's request budget hands slots to listings in turn.
  const listing = {};
  return listJobs(
    async (offset, limit, signal) => {
      const page = await ctx.client.listPage(
        { query, headers, offset, limit, onRetry, secrets: ctx.secrets, hiddenParams: hidden, listing, deadline: req.deadline },
        signal,
      );
      return kept(page);
    },
    {
      offset: req.offset ?? 0,
      limit: req.limit,
      pageSize: req.pageSize ?? 100,
      maxConcurrency: ctx.maxConcurrency,
      onDrift: (m) => ctx.log("warning", m),
      signal: ctx.signal,
    },
  );
}
