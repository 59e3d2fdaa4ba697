/** Turns validated filter inputs into the API's query parameters and headers, and lists the jobs. */
import { JOB_FILTER_FIELDS } from "../schema/fields";
import { listJobs, Listing } from "../api/jobLister";
import type { ApiJob } from "../schema/trainingJob";
import type { InvokeContext } from "./context";

export interface ApiQuery {
  query: Array<readonly [string, string]>;
  headers: Record<string, string>;
}

/**
 * The API documents its time filters in UTC ("2023-12-08T08:30:56Z"); inputs may carry any RFC
 * 3339 offset, so they are sent as the same instant in UTC.
 */
export function utcTime(rfc3339: string): string {
  return new Date(rfc3339).toISOString().replace(/\.000Z$/, "Z");
}

export function toApiQuery(inputs: Readonly<Record<string, unknown>>): ApiQuery {
  const query: Array<readonly [string, string]> = [];
  const headers: Record<string, string> = {};
  for (const [name, spec] of Object.entries(JOB_FILTER_FIELDS)) {
    const v = inputs[name];
    if (v === undefined) continue;
    const text = Array.isArray(v) ? v.join(",") : spec.rfc3339 ? utcTime(String(v)) : String(v);
    if (spec.query) query.push([spec.query, text]);
    else if (spec.header) headers[spec.header] = text;
  }
  return { query, headers };
}

export interface ListingRequest {
  filters: Readonly<Record<string, unknown>>;
  offset?: number;
  limit?: number;
  pageSize?: number;
}

/** Lists the jobs of a filter; each validated page is handed to `ctx.onPage` as it arrives. */
export function listMatchingJobs(ctx: InvokeContext, req: ListingRequest): Promise<Listing<ApiJob>> {
  const { query, headers } = toApiQuery(req.filters);
  // Retries are told through the invoke's log, which knows what in it is secret.
  const onRetry = (message: string) => ctx.log("info", message);
  return listJobs(
    async (offset, limit, signal) => {
      const page = await ctx.client.listPage({ query, headers, offset, limit, onRetry }, signal);
      ctx.onPage?.(page.jobs);
      return page;
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
