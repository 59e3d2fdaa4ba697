/**
 * SDK-HMAC-SHA256, the AK/SK request signature of Huawei Cloud's API gateway.
 * Both the client and the emulator's verifier build the canonical request here, and a test checks
 * this module against the official Node signer, so the two sides cannot agree on a wrong answer.
 */
import { createHash, createHmac } from "node:crypto";

export const ALGORITHM = "SDK-HMAC-SHA256";
export const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

export interface AkSkCredentials {
  accessKey: string;
  secretKey: string;
  /** With temporary credentials; sent as X-Security-Token and signed. */
  securityToken?: string;
}

export interface RequestToSign {
  method: string;
  /** The Host header as sent: host, plus ":port" when it is not the scheme's default. */
  host: string;
  /** The path as sent on the wire (already percent-encoded, no trailing slash needed). */
  path: string;
  /** Query parameters as decoded key/value pairs, in any order. */
  query: ReadonlyArray<readonly [string, string]>;
  /** Further headers to sign, any case; host and x-sdk-date are added. */
  headers: Readonly<Record<string, string>>;
  body?: string;
}

/** RFC 3986 unreserved characters stay; everything else is %XX with upper-case hex, UTF-8 first. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

/** decodeURIComponent, leaving text that is not valid percent-encoding as it is. */
export function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Each segment re-encoded from its decoded value, always ending in "/" (the sent URL has none). */
export function canonicalUri(path: string): string {
  const encoded = path
    .split("/")
    .map((segment) => percentEncode(safeDecode(segment)))
    .join("/");
  return encoded.endsWith("/") ? encoded : encoded + "/";
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Keys sorted; a repeated key keeps its values sorted; keys and values encoded alike. */
export function canonicalQuery(query: ReadonlyArray<readonly [string, string]>): string {
  return query
    .map(([k, v]) => [percentEncode(k), percentEncode(v)] as const)
    .sort((a, b) => compareCodeUnits(a[0], b[0]) || compareCodeUnits(a[1], b[1]))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
}

/** YYYYMMDDTHHMMSSZ in UTC. */
export function formatSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** Parses X-Sdk-Date back to a Date, or undefined when it is not of that form. */
export function parseSdkDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

function sha256Hex(data: string): string {
  return createHash("sha256").update(data, "utf8").digest("hex");
}

export interface CanonicalParts {
  signedHeaders: string;
  canonicalRequest: string;
}

/** Builds SignedHeaders and the canonical request from the exact headers to sign. */
export function canonicalize(
  method: string,
  path: string,
  query: ReadonlyArray<readonly [string, string]>,
  signed: Readonly<Record<string, string>>,
  body = "",
): CanonicalParts {
  const entries = Object.entries(signed)
    .map(([k, v]) => [k.toLowerCase(), v.trim()] as const)
    .sort((a, b) => compareCodeUnits(a[0], b[0]));
  const signedHeaders = entries.map(([k]) => k).join(";");
  const canonicalHeaders = entries.map(([k, v]) => `${k}:${v}\n`).join("");
  const bodyHash = body === "" ? EMPTY_BODY_SHA256 : sha256Hex(body);
  const canonicalRequest = [
    method.toUpperCase(),
    canonicalUri(path),
    canonicalQuery(query),
    canonicalHeaders,
    signedHeaders,
    bodyHash,
  ].join("\n");
  return { signedHeaders, canonicalRequest };
}

export function computeSignature(secretKey: string, sdkDate: string, canonicalRequest: string): string {
  const stringToSign = `${ALGORITHM}\n${sdkDate}\n${sha256Hex(canonicalRequest)}`;
  return createHmac("sha256", secretKey).update(stringToSign, "utf8").digest("hex");
}

/**
 * Returns the headers to add to the request: X-Sdk-Date, Authorization and, with temporary
 * credentials, X-Security-Token. Every header in `req.headers` is signed, with host and the date.
 */
export function signRequest(req: RequestToSign, credentials: AkSkCredentials, now: Date = new Date()): Record<string, string> {
  const sdkDate = req.headers["X-Sdk-Date"] ?? req.headers["x-sdk-date"] ?? formatSdkDate(now);
  const added: Record<string, string> = { "X-Sdk-Date": sdkDate };
  if (credentials.securityToken) added["X-Security-Token"] = credentials.securityToken;
  const toSign: Record<string, string> = { ...req.headers, ...added, host: req.host };
  const { signedHeaders, canonicalRequest } = canonicalize(req.method, req.path, req.query, toSign, req.body);
  const signature = computeSignature(credentials.secretKey, sdkDate, canonicalRequest);
  added.Authorization = `${ALGORITHM} Access=${credentials.accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return added;
}

export interface ParsedAuthorization {
  accessKey: string;
  signedHeaders: string[];
  signature: string;
}

/** Reads an Authorization header of this algorithm; undefined when it is not one. */
export function parseAuthorization(header: string | undefined): ParsedAuthorization | undefined {
  if (!header) return undefined;
  const m = /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]+)\s*$/.exec(header);
  if (!m) return undefined;
  return { accessKey: m[1], signedHeaders: m[2].split(";"), signature: m[3].toLowerCase() };
}
