/**
 * The certificate authorities the endpoint's (and an https proxy's) certificate is checked against:
 * Node's bundled roots, plus the PEM files of `NODE_EXTRA_CA_CERTS`, `SSL_CERT_FILE` and the
 * `caCertFile` setting. Each adds to the roots, none replaces them, so pointing one at an
 * organisation's CA (a TLS-inspecting proxy's, a private cloud's) keeps public endpoints working.
 *
 * Node reads NODE_EXTRA_CA_CERTS itself, but only into its default store, which an explicit `ca`
 * option replaces; so once another file is added, that one is read here too.
 */
import { readFileSync } from "node:fs";
import { rootCertificates } from "node:tls";
import { X509Certificate } from "node:crypto";
import { configKey, text, TextError } from "../schema/text";
import type { Env } from "./proxy";

/** A CA file that cannot be used: the message names the setting or variable and the path. */
export class CaFileError extends TextError {
  /** The setting to blame: `caCertFile`, also for the variables beside it. */
  readonly property = "caCertFile";

  constructor(source: string, problem: string) {
    super(text`${source === "caCertFile" ? configKey("caCertFile") : source} names ${problem}`);
    this.name = "CaFileError";
  }
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function certificatesIn(path: string, source: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    const code = (err as { code?: string }).code ?? "unreadable";
    throw new CaFileError(source, `${path}, which cannot be read (${code}); expected a file of PEM certificates`);
  }
  const blocks = text.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) {
    throw new CaFileError(source, `${path}, which holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  }
  blocks.forEach((pem, i) => {
    try {
      new X509Certificate(pem);
    } catch {
      throw new CaFileError(source, `${path}, whose certificate ${i + 1} of ${blocks.length} cannot be read as X.509`);
    }
  });
  return blocks;
}

/**
 * The roots to pass as `ca`, or undefined when Node's own store (bundled roots and
 * NODE_EXTRA_CA_CERTS) is all there is.
 */
export function trustedRoots(caCertFile: string | undefined, env: Env): string[] | undefined {
  const added: string[] = [];
  const sslCertFile = env.SSL_CERT_FILE?.trim();
  if (sslCertFile) added.push(...certificatesIn(sslCertFile, "SSL_CERT_FILE"));
  if (caCertFile) added.push(...certificatesIn(caCertFile, "caCertFile"));
  if (added.length === 0) return undefined;
  const extra = env.NODE_EXTRA_CA_CERTS?.trim();
  const nodeExtra = extra ? certificatesIn(extra, "NODE_EXTRA_CA_CERTS") : [];
  return [...rootCertificates, ...nodeExtra, ...added];
}
