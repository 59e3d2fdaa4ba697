/**
 * A failed connection in words a person can act on. Node's texts say what OpenSSL or getaddrinfo
 * saw (`getaddrinfo ENOTFOUND metastudio.cn-nrth-4...`, `SSL routines:tls_validate_record_header:
 * wrong version number`), not what is wrong with the configuration nor what to change.
 */
import { configKey, text, Text } from "../schema/text";
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

const ADD_A_CA = text`if your organisation's CA signed it (a TLS-inspecting proxy, a private cloud), add that CA with ${configKey("caCertFile")}, SSL_CERT_FILE or NODE_EXTRA_CA_CERTS; certificate checks stay on whatever NODE_TLS_REJECT_UNAUTHORIZED says`;
const CHECK_HOST = text`check ${configKey("region")}, ${configKey("cloud")} or ${configKey("endpoint")} (the endpoint is https://metastudio.{region}.{cloud})`;

/** What happened, in words (Node's or ours: it is quoted as untrusted text), and what to change. */
export interface Explained {
  cause: string;
  hint?: Text;
}

/** `err` explained for a request to `endpoint`, or Node's own message when there is nothing to add. */
export function explainTransport(err: TransportError, endpoint: URL, viaProxy: boolean): Explained {
  const host = endpoint.hostname;
  if (err.code === "ENOTFOUND") return { cause: `the host ${host} was not found (DNS: ENOTFOUND)`, hint: CHECK_HOST };
  if (err.code === "ERR_PROXY_AUTH") {
    return {
      cause: err.message,
      hint: text`the proxy wants credentials, or refused the ones given: put them in the proxy URL (${configKey("proxy")}, HTTPS_PROXY), http://user:password@host:port`,
    };
  }
  if (err.code === "ERR_PROXY_UNAVAILABLE") {
    return { cause: err.message, hint: text`the proxy could not reach the endpoint: ${CHECK_HOST}, and that the proxy may connect there` };
  }
  if (err.code === "ERR_PROXY_REFUSED") return { cause: err.message, hint: "check that the proxy allows connections to the endpoint" };
  if (UNTRUSTED.has(err.code)) {
    return {
      cause: `the TLS certificate of ${viaProxy ? `${host} (or of the proxy)` : host} is not signed by a trusted authority (${err.code})`,
      hint: ADD_A_CA,
    };
  }
  if (err.code === "CERT_HAS_EXPIRED" || err.code === "CERT_NOT_YET_VALID") {
    return { cause: `the TLS certificate of ${host} is not valid now (${err.code})`, hint: "check the endpoint and this machine's clock" };
  }
  if (err.code === "ERR_TLS_CERT_ALTNAME_INVALID") {
    return {
      cause: `the TLS certificate presented for ${host} is for another host name (${err.code})`,
      hint: text`check ${configKey("endpoint")}, or what answers in its place`,
    };
  }
  if (endpoint.protocol === "https:" && (NOT_TLS.has(err.code) || /wrong version number|packet length too long/i.test(err.message))) {
    return {
      cause: `${host}:${endpoint.port || 443} answered the https:// request with something other than TLS (plain http?) (${err.code})`,
      hint: text`check the port and scheme of ${configKey("endpoint")} (http:// is for a loopback emulator only)`,
    };
  }
  return { cause: err.message };
}
