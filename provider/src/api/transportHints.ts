/**
 * A failed connection in words a person can act on. Node's texts say what OpenSSL or getaddrinfo
 * saw (`getaddrinfo ENOTFOUND metastudio.cn-nrth-4...`, `SSL routines:tls_validate_record_header:
 * wrong version number`), not what is wrong with the configuration nor what to change.
 */
import type { TransportError } from "./httpGet";

const UNTRUSTED = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_GET_ISSUER_CERT",
  "CERT_SIGNATURE_FAILURE",
]);
const NOT_TLS = new Set(["ERR_SSL_WRONG_VERSION_NUMBER", "ERR_SSL_PACKET_LENGTH_TOO_LONG", "EPROTO"]);

const ADD_A_CA =
  "if your organisation's CA signed it (a TLS-inspecting proxy, a private cloud), add that CA with metastudio:caCertFile, SSL_CERT_FILE or NODE_EXTRA_CA_CERTS; certificate checks stay on whatever NODE_TLS_REJECT_UNAUTHORIZED says";

/** `err` explained for a request to `endpoint`, or Node's own message when there is nothing to add. */
export function explainTransport(err: TransportError, endpoint: URL, viaProxy: boolean): string {
  const host = endpoint.hostname;
  if (err.code === "ENOTFOUND") {
    return `the host ${host} was not found (DNS: ENOTFOUND); check metastudio:region, metastudio:cloud or metastudio:endpoint (the endpoint is https://metastudio.{region}.{cloud})`;
  }
  if (UNTRUSTED.has(err.code)) {
    return `the TLS certificate of ${viaProxy ? "the endpoint (or the proxy)" : host} is not signed by a trusted authority (${err.code}); ${ADD_A_CA}`;
  }
  if (err.code === "CERT_HAS_EXPIRED" || err.code === "CERT_NOT_YET_VALID") {
    return `the TLS certificate of ${host} is not valid now (${err.code}); check the endpoint and this machine's clock`;
  }
  if (err.code === "ERR_TLS_CERT_ALTNAME_INVALID") {
    return `the TLS certificate presented for ${host} is for another host name (${err.code}); check metastudio:endpoint, or what answers in its place`;
  }
  if (endpoint.protocol === "https:" && (NOT_TLS.has(err.code) || /wrong version number|packet length too long/i.test(err.message))) {
    return `${host}:${endpoint.port || 443} answered the https:// request with something other than TLS (plain http?) (${err.code}); check the port and scheme of metastudio:endpoint (http:// is for a loopback emulator only)`;
  }
  return err.message;
}
