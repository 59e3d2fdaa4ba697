/**
 * The list API's query string as the service reads it: validation (400 MSS.00000003 on anything
 * out of range), every filter, sorting with a stable tiebreak, then offset/limit. Filtered and
 * sorted results are cached per filter for one store version, so paging through 100,000 jobs
 * filters and sorts once, not once per page.
 */
// The API's facts (sort keys, directions, resolutions, the offset bound) come from the provider's
// schema tables; what the service does with them is the emulator's own (see docs/emulator.md).
import { MAX_INT32, MODEL_RESOLUTIONS, SORT_DIRS, SORT_KEYS } from "../../provider/src/schema/fields";
import { JobStore, StoredJob } from "./jobStore";

export const MAX_OFFSET = MAX_INT32;
export const DEFAULT_LIMIT = 10;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

const STRING_FILTERS = ["query_project_id", "batch_name", "tag", "job_id", "name", "train_location"] as const;
const BOOLEAN_FILTERS = ["is_flexus", "is_live_copy", "is_ondemand_resource"] as const;
const TIME_FILTERS = ["create_since", "create_until", "update_since", "update_until"] as const;

export interface ListQuery {
  offset: number;
  limit: number;
  sortKey?: (typeof SORT_KEYS)[number];
  sortDir: "asc" | "desc";
  states?: Set<string>;
  strings: Partial<Record<(typeof STRING_FILTERS)[number], string>>;
  booleans: Partial<Record<(typeof BOOLEAN_FILTERS)[number], boolean>>;
  times: Partial<Record<(typeof TIME_FILTERS)[number], number>>;
  modelResolution?: string;
  /** The filter and sort, without offset/limit: the cache key. */
  key: string;
}

export class InvalidParameter extends Error {}

function integer(name: string, raw: string, min: number, max: number): number {
  if (!/^\d{1,10}$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new InvalidParameter(`${name} must be an integer from ${min} to ${max}, got '${raw}'`);
  }
  return Number(raw);
}

function oneOf<T extends string>(name: string, raw: string, accepted: readonly T[]): T {
  if (!(accepted as readonly string[]).includes(raw)) {
    throw new InvalidParameter(`${name} must be one of ${accepted.join(", ")}, got '${raw}'`);
  }
  return raw as T;
}

/** Reads decoded query parameters (first value of a repeated key wins). */
export function parseListQuery(params: ReadonlyMap<string, string>): ListQuery {
  const get = (name: string) => params.get(name);
  const q: ListQuery = {
    offset: get("offset") !== undefined ? integer("offset", get("offset")!, 0, MAX_OFFSET) : 0,
    limit: get("limit") !== undefined ? integer("limit", get("limit")!, 1, 100) : DEFAULT_LIMIT,
    sortDir: "asc",
    strings: {},
    booleans: {},
    times: {},
    key: "",
  };
  if (get("sort_key") !== undefined) q.sortKey = oneOf("sort_key", get("sort_key")!, SORT_KEYS);
  if (get("sort_dir") !== undefined) q.sortDir = oneOf("sort_dir", get("sort_dir")!, SORT_DIRS);
  const state = get("state");
  if (state !== undefined) {
    const states = state.split(",").map((s) => s.trim());
    if (states.some((s) => s === "")) throw new InvalidParameter(`state must be a comma-separated list of states, got '${state}'`);
    q.states = new Set(states);
  }
  for (const name of STRING_FILTERS) {
    const v = get(name);
    if (v !== undefined) q.strings[name] = v;
  }
  for (const name of BOOLEAN_FILTERS) {
    const v = get(name);
    if (v !== undefined) q.booleans[name] = oneOf(name, v, ["true", "false"]) === "true";
  }
  for (const name of TIME_FILTERS) {
    const v = get(name);
    if (v === undefined) continue;
    const ms = Date.parse(v);
    if (!RFC3339.test(v) || Number.isNaN(ms))
      throw new InvalidParameter(`${name} must be an RFC 3339 time such as 2023-12-08T08:30:56Z, got '${v}'`);
    q.times[name] = ms;
  }
  const resolution = get("model_resolution");
  if (resolution !== undefined) q.modelResolution = oneOf("model_resolution", resolution, MODEL_RESOLUTIONS);
  q.key = JSON.stringify([q.sortKey, q.sortDir, q.states && [...q.states].sort(), q.strings, q.booleans, q.times, q.modelResolution]);
  return q;
}

/** Whether a job passes every filter of the query. `ownProject` stands in for masked ids ("***"). */
export function matches(s: StoredJob, q: ListQuery, ownProject: string): boolean {
  const j = s.job;
  if (q.states && !q.states.has(j.state)) return false;
  const str = q.strings;
  if (str.job_id !== undefined && j.job_id !== str.job_id) return false;
  if (str.name !== undefined && j.name !== str.name) return false;
  if (str.batch_name !== undefined && j.batch_name !== str.batch_name) return false;
  if (str.tag !== undefined && !(Array.isArray(j.tags) && j.tags.includes(str.tag))) return false;
  if (str.train_location !== undefined) {
    const locations = j.optional_training_location;
    if (!(Array.isArray(locations) && locations.includes(str.train_location))) return false;
  }
  if (str.query_project_id !== undefined) {
    const project = typeof j.project_id === "string" && j.project_id !== "***" ? j.project_id : ownProject;
    if (project !== str.query_project_id) return false;
  }
  // A job without the field predates it: it is not Flexus, not a live copy, not on demand.
  for (const [name, wanted] of Object.entries(q.booleans)) if ((j[name] === true) !== wanted) return false;
  const t = q.times;
  if (t.create_since !== undefined && !(s.createMs >= t.create_since)) return false;
  if (t.create_until !== undefined && !(s.createMs <= t.create_until)) return false;
  if (t.update_since !== undefined && !(s.updateMs >= t.update_since)) return false;
  if (t.update_until !== undefined && !(s.updateMs <= t.update_until)) return false;
  if (q.modelResolution !== undefined && j.model_resolution !== q.modelResolution) return false;
  return true;
}

/**
 * Without sort_key the service answers newest update first (as the published answer shows);
 * with one, sort_dir applies (default asc). Ties break on job_id so pages never overlap or skip.
 */
export function comparator(q: ListQuery): (a: StoredJob, b: StoredJob) => number {
  const tiebreak = (a: StoredJob, b: StoredJob) => (a.job.job_id < b.job.job_id ? -1 : a.job.job_id > b.job.job_id ? 1 : 0);
  if (!q.sortKey) return (a, b) => b.updateMs - a.updateMs || tiebreak(a, b);
  const value: (s: StoredJob) => number =
    q.sortKey === "create_time" ? (s) => s.createMs : q.sortKey === "update_time" ? (s) => s.updateMs : (s) => s.seq;
  const sign = q.sortDir === "desc" ? -1 : 1;
  return (a, b) => sign * (value(a) - value(b)) || tiebreak(a, b);
}

/** Filtered, sorted lists per query, valid for one version of the store. */
export class QueryCache {
  private version = -1;
  private readonly lists = new Map<string, StoredJob[]>();

  constructor(
    private readonly store: JobStore,
    private readonly ownProject: string,
    private readonly maxEntries = 64,
  ) {}

  matching(q: ListQuery): StoredJob[] {
    if (this.version !== this.store.version) {
      this.lists.clear();
      this.version = this.store.version;
    }
    let list = this.lists.get(q.key);
    if (!list) {
      list = [];
      for (const s of this.store.entries()) if (matches(s, q, this.ownProject)) list.push(s);
      list.sort(comparator(q));
      if (this.lists.size >= this.maxEntries) this.lists.delete(this.lists.keys().next().value!);
      this.lists.set(q.key, list);
    }
    return list;
  }
}
