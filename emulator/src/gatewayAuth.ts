/**
 * Authentication as Huawei Cloud's API gateway does it, checked on the request as received:
 * an SDK-HMAC-SHA256 signature (recomputed with the same canonicalization the provider's signer
 * uses, which a test checks against the official signer) or an X-Auth-Token.
 */
import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { canonicalize, computeSignature, parseAuthorization, parseSdkDate } from "../../provider/src/api/signer";

export interface AuthSettings {
  accessKey?: string;
  secretKey?: string;
  token?: string;
}

export interface ReceivedRequest {
  method: string;
  /** Path as it came on the wire (still percent-encoded). */
  rawPath: string;
  /** Decoded query pairs, every occurrence. */
  query: ReadonlyArray<readonly [string, string]>;
  headers: IncomingHttpHeaders;
  body: string;
}

export type AuthVerdict = { ok: true } | { ok: false; code: string; message: string };

const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

/** Which modes a server accepts; with neither a key pair nor a token, any credential will do. */
export function describeAuth(settings: AuthSettings): string {
  const modes: string[] = [];
  // That a key pair is set, not which: start-up lines end up in terminals, CI logs and bug reports.
  if (settings.accessKey) modes.push("AK/SK signatures (the configured access key and secret key)");
  if (settings.token) modes.push("X-Auth-Token (the configured token)");
  if (modes.length) return `requires ${modes.join(" or ")}`;
  return "accepts any access key or token (neither --ak/--sk nor --token given), but requires one of the two";
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(",") : v;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const refuse = (code: string, message: string): AuthVerdict => ({ ok: false, code, message });

function verifySignature(req: ReceivedRequest, settings: AuthSettings, now: number): AuthVerdict {
  const auth = parseAuthorization(header(req.headers, "authorization"));
  if (!auth) return refuse("APIG.0301", "Incorrect IAM authentication information: Authorization is not an SDK-HMAC-SHA256 header");
  const signed = auth.signedHeaders;
  if (!signed.includes("host") || !signed.includes("x-sdk-date")) {
    return refuse("APIG.0301", "Incorrect IAM authentication information: host and x-sdk-date must be signed");
  }
  // Headers that scope or extend the credentials count only when the signature covers them.
  for (const name of ["x-project-id", "x-security-token"]) {
    if (header(req.headers, name) !== undefined && !signed.includes(name)) {
      return refuse("APIG.0301", `Incorrect IAM authentication information: ${name} is sent but not signed`);
    }
  }
  const sdkDate = header(req.headers, "x-sdk-date") ?? "";
  const date = parseSdkDate(sdkDate);
  if (!date) return refuse("APIG.0301", `Incorrect IAM authentication information: X-Sdk-Date '${sdkDate}' is not YYYYMMDDTHHMMSSZ`);
  if (Math.abs(now - date.getTime()) > MAX_CLOCK_SKEW_MS) {
    return refuse("APIGW.0303", "Incorrect IAM authentication information: X-Sdk-Date is more than 15 minutes off the gateway's clock");
  }
  if (settings.accessKey === undefined) return { ok: true };
  if (auth.accessKey !== settings.accessKey) return refuse("APIG.0301", "Incorrect IAM authentication information: unknown access key");
  const values: Record<string, string> = {};
  for (const name of signed) {
    const v = header(req.headers, name);
    if (v === undefined) return refuse("APIG.0301", `Incorrect IAM authentication information: signed header ${name} is missing`);
    values[name] = v;
  }
  const { canonicalRequest } = canonicalize(req.method, req.rawPath, req.query, values, req.body);
  const expected = computeSignature(settings.secretKey ?? "", sdkDate, canonicalRequest);
  if (!sameText(expected, auth.signature))
    return refuse("APIG.0301", "Incorrect IAM authentication information: verify aksk signature fail");
  return { ok: true };
}

export function authenticate(req: ReceivedRequest, settings: AuthSettings, now = Date.now()): AuthVerdict {
  const token = header(req.headers, "x-auth-token");
  const hasKeyPair = settings.accessKey !== undefined;
  const hasToken = settings.token !== undefined;
  if (token !== undefined) {
    if (!hasToken && hasKeyPair)
      return refuse("APIG.0301", "Incorrect IAM authentication information: this gateway accepts AK/SK signatures only");
    if (hasToken && !sameText(token, settings.token!))
      return refuse("APIG.0301", "Incorrect IAM authentication information: decrypt token fail");
    if (token === "") return refuse("APIG.0301", "Incorrect IAM authentication information: X-Auth-Token is empty");
    return { ok: true };
  }
  if (header(req.headers, "authorization") !== undefined) {
    if (hasToken && !hasKeyPair)
      return refuse("APIG.0301", "Incorrect IAM authentication information: this gateway accepts X-Auth-Token only");
    return verifySignature(req, settings, now);
  }
  return refuse("APIG.0301", "Incorrect IAM authentication information: neither Authorization nor X-Auth-Token was sent");
}
