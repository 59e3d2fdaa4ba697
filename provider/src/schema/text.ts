/**
 * Text whose words depend on who reads it. The shared layers name a field (`projectId`, a config
 * key or a function input) or say "secret", and each front end spells those in its users' terms
 * when it renders the text: Pulumi writes `metastudio:projectId`, Terraform `project_id` and
 * "sensitive". The parts stay structured until then, so no layer rewrites another's sentences.
 */

/** A field of the tables in fields.ts, by its table name (camelCase). */
export interface FieldRef {
  readonly kind: "field";
  readonly name: string;
  /** A provider configuration key, rather than an input of a function. */
  readonly config: boolean;
}

/** A word each protocol says its own way. */
export interface TermRef {
  readonly kind: "term";
  /** "secret" in a sentence, "Secret" to start one. */
  readonly term: "secret" | "Secret";
}

export type TextPart = string | FieldRef | TermRef;

/** Plain text, or parts to render: what every shared failure, error hint and description is. */
export type Text = string | readonly TextPart[];

export const configKey = (name: string): FieldRef => ({ kind: "field", name, config: true });
export const inputName = (name: string): FieldRef => ({ kind: "field", name, config: false });
export const SECRET: TermRef = { kind: "term", term: "secret" };
export const SECRET_SENTENCE: TermRef = { kind: "term", term: "Secret" };

/** text`set ${configKey("region")}` — a template whose placeholders are parts, texts or numbers. */
export function text(strings: TemplateStringsArray, ...parts: ReadonlyArray<Text | TextPart | number>): TextPart[] {
  const out: TextPart[] = [];
  strings.forEach((s, i) => {
    if (s) out.push(s);
    if (i >= parts.length) return;
    const p = parts[i];
    if (typeof p === "number") out.push(String(p));
    else if (typeof p === "string" || "kind" in p) out.push(p);
    else out.push(...p);
  });
  return out;
}

/** Texts one after the other. */
export function join(...pieces: readonly Text[]): TextPart[] {
  return pieces.flatMap((p) => (typeof p === "string" ? [p] : [...p]));
}

/** How one front end spells fields and terms. */
export interface Spelling {
  field(ref: FieldRef): string;
  term(ref: TermRef): string;
}

/**
 * The tables' own names and words: what an Error's `message` holds, for logs and for any reader
 * that does not render the text itself.
 */
export const TABLE_SPELLING: Spelling = {
  field: (ref) => ref.name,
  term: (ref) => ref.term,
};

export function render(t: Text, spelling: Spelling): string {
  if (typeof t === "string") return t;
  let out = "";
  for (const p of t) out += typeof p === "string" ? p : p.kind === "field" ? spelling.field(p) : spelling.term(p);
  return out;
}

/**
 * An error whose message names fields: `text` keeps the parts, so each front end can say it in
 * its users' words; `message` is the text in the tables' own names.
 */
export class TextError extends Error {
  constructor(readonly text: Text) {
    super(render(text, TABLE_SPELLING));
  }
}

/** What an error says to the readers of `spelling`. */
export function errorText(err: unknown, spelling: Spelling): string {
  if (err instanceof TextError) return render(err.text, spelling);
  return err instanceof Error ? err.message : String(err);
}
