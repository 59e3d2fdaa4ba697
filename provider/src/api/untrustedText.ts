/**
 * Text that came from the network (an error body, a header, a redirect's location, a transport
 * error) as it may appear inside the plugin's own messages: secrets taken out, control characters
 * (line breaks, terminal escapes) made visible as spaces, and cut to a bounded length, so an answer
 * can neither leak a credential it echoes, forge log lines, nor blow up an error message.
 */
import type { Redactor } from "./redactor";

/** Longest quote of an error body in a message. */
export const MAX_QUOTED_BODY = 200;
/** Longest header value (request id, error code, location origin) in a message. */
export const MAX_QUOTED_HEADER = 128;

/** `text` cut to at most `max` characters, saying how much was left out (of `total`, when longer). */
export function clip(text: string, max: number, total: number = text.length): string {
  if (text.length <= max && total === text.length) return text;
  const kept = text.slice(0, Math.max(0, max - 32));
  // Never end on half a surrogate pair.
  const safe = /[\uD800-\uDBFF]$/.test(kept) ? kept.slice(0, -1) : kept;
  return `${safe}… (${total - safe.length} more characters)`;
}

/** A name (an input, a function token) as a message quotes it: as it is when `plain`, else JSON-quoted and clipped. */
export function quotedName(name: string, plain: RegExp, max: number): string {
  return plain.test(name) ? name : clip(JSON.stringify(name), max);
}

/**
 * What must not reach a terminal or a log from text that is not the plugin's own: C0 and C1
 * controls (line breaks, ESC sequences, NUL), the Unicode line and paragraph separators, and the
 * bidirectional controls that reorder what a terminal shows (U+061C, U+200E, U+200F,
 * U+202A-U+202E, U+2066-U+2069).
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g;

/** One line of at most `max` characters: control characters (line breaks, escapes, bidi) become spaces. */
export function oneLine(text: string, max: number): string {
  return clip(text.replace(CONTROL, " "), max);
}

export function untrusted(text: string, redactor: Redactor, max: number): string {
  // Redacted before the final cut (a secret cut in half would no longer be found), but not over
  // megabytes of an answer of which a few hundred characters are shown.
  const head = text.length > max + redactor.reach ? text.slice(0, max + redactor.reach) : text;
  const flat = redactor.redact(head).replace(CONTROL, " ");
  return clip(flat, max, flat.length + text.length - head.length);
}
