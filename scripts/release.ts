/**
 * `npm run release`: every artifact of the release for the five platforms, with the checksums,
 * into dist/release (packaging/release.ts builds them, or takes them from its cache).
 *
 * With METASTUDIO_SIGNING_KEY set to a gpg key id (GNUPGHOME as gpg reads it), the Terraform
 * SHA256SUMS gets its detached signature, `<...>_SHA256SUMS.sig`, as the registry requires.
 */
import { copyFileSync, linkSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../harness/repoRoot";
import { signDetached } from "../packaging/checksums";
import { release, terraformFiles } from "../packaging/release";

async function main(): Promise<void> {
  const built = await release({ repoRoot: REPO_ROOT });
  const out = join(REPO_ROOT, "dist", "release");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const f of built.files) {
    // A hard link costs no disk; a copy where the two folders are on different file systems.
    try {
      linkSync(join(built.dir, f), join(out, f));
    } catch {
      copyFileSync(join(built.dir, f), join(out, f));
    }
  }
  const keyId = process.env.METASTUDIO_SIGNING_KEY;
  if (keyId) {
    const sig = await signDetached(join(out, terraformFiles(built.version).sums), { keyId });
    process.stdout.write(`${sig}\n`);
  } else {
    process.stderr.write("release: METASTUDIO_SIGNING_KEY is not set, so the Terraform SHA256SUMS is not signed\n");
  }
  for (const f of built.files) process.stdout.write(`${join(out, f)}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`release: ${err.message}\n`);
  process.exit(1);
});
