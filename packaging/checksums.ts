/**
 * SHA256SUMS in the format `sha256sum -c`, HashiCorp's release tooling and the Terraform registry
 * protocol read (`<hex>  <file name>`), and its detached GPG signature.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Writes the sums of `files` (named by their base names) to `out`, sorted by name. */
export async function writeSha256Sums(files: readonly string[], out: string): Promise<void> {
  const sorted = [...files].sort((a, b) => basename(a).localeCompare(basename(b)));
  const lines: string[] = [];
  for (const f of sorted) lines.push(`${await sha256File(f)}  ${basename(f)}`);
  writeFileSync(out, lines.join("\n") + "\n");
}

export interface SigningKey {
  /** A key id, fingerprint or user id gpg knows (`--local-user`). */
  readonly keyId: string;
  /** gpg's home folder; default: GNUPGHOME or ~/.gnupg. */
  readonly gnupgHome?: string;
}

/** `<file>.sig`: a binary detached signature, the form the Terraform registry protocol verifies. */
export async function signDetached(file: string, key: SigningKey): Promise<string> {
  const sig = `${file}.sig`;
  const env = key.gnupgHome ? { ...process.env, GNUPGHOME: key.gnupgHome } : process.env;
  await run("gpg", ["--batch", "--yes", "--local-user", key.keyId, "--output", sig, "--detach-sign", file], { env });
  return sig;
}
