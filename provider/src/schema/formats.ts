/**
 * What a string field may hold beyond "a string": a region name, a project id, a credential. Each
 * format says what it accepts, in words for failures, and what is wrong with a value that does not
 * fit, without ever repeating the value (credentials go through here).
 */

import { PROXY_ACCEPTED, proxyUrlProblem } from "./proxyUrl";

export type StringFormat =
  "region" | "domainSuffix" | "endpoint" | "projectId" | "accessKey" | "credential" | "headerValue" | "proxyUrl" | "filePath";

export interface Format {
  /** Accepted values, in words: "expected <accepted>". */
  accepted: string;
  /** What is wrong with a value, as the rest of a failure after "; ", or undefined when it fits. */
  problem(value: string): string | undefined;
  /** The form the value is used in, once it fits. */
  normalise?(value: string): string;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const HOSTNAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;
const PROJECT_ID = /^[0-9a-f]{32}$/i;
const ACCESS_KEY = /^[A-Za-z0-9._-]+$/;
/** Visible ASCII: what IAM issues as keys and tokens, and what any header takes. */
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** Why a value cannot travel in a header, naming the kind of character and never the value. */
function unsendable(value: string, spaces: "allowed" | "refused"): string | undefined {
  if (/[\r\n]/.test(value)) return "it holds a line break (CR or LF) inside it";
  if (/[\u0000-\u001f\u007f]/.test(value)) return "it holds a control character";
  if (/[^\x00-\x7f]/.test(value)) return "it holds a character outside ASCII";
  if (spaces === "refused" && /\s/.test(value)) return "it holds a space inside it";
  return undefined;
}

const CREDENTIAL_ACCEPTED =
  "printable ASCII without spaces, as IAM issues it (whitespace around it, as a copy from a terminal leaves it, is ignored)";

export const FORMATS: Readonly<Record<StringFormat, Format>> = {
  region: {
    accepted: "a Huawei Cloud region name such as cn-north-4 or cn-east-3",
    problem: (v) => (REGION.test(v) ? undefined : "expected a Huawei Cloud region name such as cn-north-4 or cn-east-3"),
  },
  domainSuffix: {
    accepted: "a domain suffix such as myhuaweicloud.com",
    problem: (v) => (HOSTNAME.test(v) ? undefined : "expected a domain suffix such as myhuaweicloud.com"),
  },
  endpoint: {
    accepted: "an https:// base URL such as https://metastudio.cn-north-4.myhuaweicloud.com (http:// for a loopback host)",
    problem: (v) => {
      let url: URL;
      try {
        url = new URL(v);
      } catch {
        return "not a URL: expected e.g. https://metastudio.cn-north-4.myhuaweicloud.com";
      }
      if (url.protocol !== "https:" && url.protocol !== "http:") return "expected an https:// URL";
      if (url.protocol === "http:" && !isLoopback(url.hostname)) {
        return `plain http is accepted only for a loopback host (127.0.0.1, localhost, ::1), use https:// for ${url.hostname}`;
      }
      // An empty user info ("https://@host", "https://:@host") vanishes from the parsed URL.
      const authority = v.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").split(/[/?#]/)[0];
      if (url.search || url.hash || url.username || url.password || authority.includes("@")) {
        return "expected a base URL without query, fragment or user info";
      }
      return undefined;
    },
    normalise: (v) => v.replace(/\/+$/, ""),
  },
  projectId: {
    accepted: "a Huawei Cloud project id: 32 hexadecimal digits (console: My Credentials, Projects)",
    problem: (v) =>
      PROJECT_ID.test(v) ? undefined : "expected a Huawei Cloud project id: 32 hexadecimal digits (console: My Credentials, Projects)",
    // IAM writes project ids in lower case; the id is part of the signed path.
    normalise: (v) => v.toLowerCase(),
  },
  accessKey: {
    accepted: "an access key: letters, digits, '.', '_' or '-' (IAM issues 20 upper-case letters and digits)",
    problem: (v) =>
      ACCESS_KEY.test(v)
        ? undefined
        : `${unsendable(v, "refused") ?? "it holds a character other than a letter, a digit, '.', '_' or '-'"}; expected an access key as IAM issues it (20 upper-case letters and digits; whitespace around it is ignored)`,
  },
  credential: {
    accepted: CREDENTIAL_ACCEPTED,
    problem: (v) =>
      VISIBLE_ASCII.test(v) ? undefined : `${unsendable(v, "refused") ?? "it cannot be sent"}; expected ${CREDENTIAL_ACCEPTED}`,
  },
  proxyUrl: {
    accepted: PROXY_ACCEPTED,
    problem: proxyUrlProblem,
  },
  filePath: {
    accepted: "the path of a readable file",
    problem: (v) => (/[\u0000-\u001f]/.test(v) ? "it holds a control character; expected the path of a readable file" : undefined),
  },
  headerValue: {
    accepted: "printable ASCII, without spaces at either end (it is sent as an HTTP header)",
    problem: (v) => {
      const wrong = unsendable(v, "allowed") ?? (/^\s|\s$/.test(v) ? "it starts or ends with a space, which HTTP drops" : undefined);
      return wrong && `${wrong}; expected printable ASCII, without spaces at either end (it is sent as an HTTP header)`;
    },
  },
};
