/** Durations as Go writes them (`1h30m`, `90s`): Terraform's `timeouts { create = ... }`, and the command line's `--timeout`. */
const UNIT_SECONDS: Readonly<Record<string, number>> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
const WHOLE = /^(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h)(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))*$/;
const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g;

/** Seconds, or undefined when the text is not a duration ("0" alone is one, as in Go). */
export function parseDurationSeconds(text: string): number | undefined {
  const t = text.trim();
  if (t === "0") return 0;
  if (!WHOLE.test(t)) return undefined;
  let seconds = 0;
  for (const [, n, unit] of t.matchAll(PART)) seconds += Number(n) * UNIT_SECONDS[unit];
  return seconds;
}
