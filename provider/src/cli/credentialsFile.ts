/**
 * `--credentials-file`: the configuration's environment variables written as `NAME=value` lines
 * (the form of a `.env` file or a CI secret file: `#` comments, blank lines, an optional `export `,
 * optional quotes). A name the configuration does not read is refused with the nearest one, so a
 * misspelt HW_SECRET_KEY does not silently fall back to another login. No value is ever quoted.
 */
import { readFileSync } from "node:fs";
import { editDistance } from "../schema/editDistance";
import { UsageError } from "./exitCodes";
import { variablesOfSettings } from "./secretVariables";

/** A credentials file is a few lines; anything larger is the wrong file. */
const MAX_BYTES = 64 * 1024;

const FIELD_OF_VARIABLE = variablesOfSettings();

/**
 * A name that is not a variable name is likely a secret itself (a pasted key whose "=" padding
 * made the line look like NAME=value): it is not repeated.
 */
const shownName = (name: string): string => (/^[A-Z][A-Z0-9_]{0,40}$/.test(name) ? name : "this name (not shown)");

function nearestVariable(name: string): string {
  let best = "";
  let bestDistance = Infinity;
  for (const v of FIELD_OF_VARIABLE.keys()) {
    const d = editDistance(name.toUpperCase(), v);
    if (d < bestDistance) [best, bestDistance] = [v, d];
  }
  return best;
}

function unquoted(value: string): string {
  const v = value.trim();
  return v.length >= 2 && (v[0] === '"' || v[0] === "'") && v.endsWith(v[0]) ? v.slice(1, -1) : v;
}

/** The file's settings under the configuration's field names. */
export function readCredentialsFile(path: string): Record<string, string> {
  let text: string;
  try {
    const bytes = readFileSync(path);
    if (bytes.length > MAX_BYTES) throw new Error(`it is ${bytes.length} bytes, more than a credentials file holds (${MAX_BYTES})`);
    text = bytes.toString("utf8");
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new UsageError(`--credentials-file ${JSON.stringify(path)} cannot be read: ${reason}`);
  }
  const out: Record<string, string> = {};
  text.split(/\r?\n/).forEach((line, i) => {
    const t = line.trim();
    if (t === "" || t.startsWith("#")) return;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(t);
    const where = `--credentials-file ${JSON.stringify(path)}, line ${i + 1}`;
    if (!m) throw new UsageError(`${where}: expected NAME=value (the value is not shown)`);
    const field = FIELD_OF_VARIABLE.get(m[1]);
    if (!field) {
      throw new UsageError(
        `${where}: ${shownName(m[1])} is not a setting of this tool${/^[A-Z][A-Z0-9_]{0,40}$/.test(m[1]) ? ` (did you mean ${nearestVariable(m[1])}?)` : ""}; ` +
          `accepted: ${[...FIELD_OF_VARIABLE.keys()].join(", ")}`,
      );
    }
    out[field] = unquoted(m[2]);
  });
  return out;
}
