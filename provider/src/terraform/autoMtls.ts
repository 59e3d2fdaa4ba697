/**
 * The plugin's own certificate for go-plugin's AutoMTLS: self-signed, ECDSA, SAN `localhost`,
 * usable for server and client authentication, as go-plugin's mtls.go makes it (it uses P-521;
 * the client accepts any key its TLS stack verifies, and P-256 is cheaper to make at start-up).
 * Node's crypto makes keys but cannot issue a certificate, hence @peculiar/x509 over WebCrypto.
 */
import "reflect-metadata";
import { randomBytes, webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";

export interface TlsIdentity {
  certPem: string;
  keyPem: string;
  /** The certificate's DER bytes, which the handshake line carries (base64, no padding). */
  der: Buffer;
}

const ALGORITHM = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };

export async function selfSignedIdentity(): Promise<TlsIdentity> {
  const crypto = webcrypto;
  const keys = await crypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"]);
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: randomBytes(16)
        .toString("hex")
        .replace(/^[89a-f]/, "1"),
      name: "CN=localhost, O=pulumi-metastudio",
      notBefore: new Date(now - 30_000),
      notAfter: new Date(now + 365 * 24 * 3600 * 1000),
      keys: keys as never,
      signingAlgorithm: ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(true, undefined, true),
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.keyAgreement,
          true,
        ),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]),
        new x509.SubjectAlternativeNameExtension([{ type: "dns", value: "localhost" }]),
      ],
    },
    crypto,
  );
  const pkcs8 = Buffer.from(await crypto.subtle.exportKey("pkcs8", keys.privateKey));
  const keyPem = `-----BEGIN PRIVATE KEY-----\n${pkcs8.toString("base64").replace(/.{64}/g, "$&\n").replace(/\n?$/, "\n")}-----END PRIVATE KEY-----\n`;
  return { certPem: cert.toString("pem"), keyPem, der: Buffer.from(cert.rawData) };
}
