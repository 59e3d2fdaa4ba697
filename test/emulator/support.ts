/**
 * Raw HTTP to the emulator, as any client would send it. Signed requests are signed by the
 * official Huawei Cloud signer, an oracle independent of the provider's own signer (which the
 * emulator's verifier shares code with).
 */
import { AKSKSigner } from "@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner";
import { request } from "node:http";
import type { Emulator } from "../../emulator/src";

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): any;
}

export function jobsPath(emulator: Emulator, projectId = emulator.projectId): string {
  return `/v1/${projectId}/digital-human-training-manage/user/jobs`;
}

export function queryString(query: Record<string, string>): string {
  const s = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join("&");
  return s ? `?${s}` : "";
}

/** Sends a GET with exactly these headers (Host included when given). */
export function get(emulator: Emulator, pathAndQuery: string, headers: Record<string, string> = {}): Promise<Answer> {
  const url = new URL(emulator.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: pathAndQuery, method: "GET", headers, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (d: string) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, text, json: () => JSON.parse(text) }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Headers the official signer produces for a GET of the list API. */
export function officiallySigned(
  emulator: Emulator,
  query: Record<string, string>,
  creds: { ak: string; sk: string; securityToken?: string },
  extra: Record<string, string> = {},
  { projectHeader = true }: { projectHeader?: boolean } = {},
): Record<string, string> {
  const headers: Record<string, string> = { "content-type": "application/json", ...extra };
  if (projectHeader) headers["X-Project-Id"] = emulator.projectId;
  if (creds.securityToken) headers["X-Security-Token"] = creds.securityToken;
  return AKSKSigner.sign(
    { method: "GET", endpoint: emulator.url + jobsPath(emulator), headers, queryParams: query, contentType: "application/json" },
    { getAk: () => creds.ak, getSk: () => creds.sk } as never,
  );
}

export async function listSigned(emulator: Emulator, query: Record<string, string>, creds: { ak: string; sk: string }): Promise<Answer> {
  return get(emulator, jobsPath(emulator) + queryString(query), officiallySigned(emulator, query, creds));
}

/** Every job a query matches, paged through with the given page size. */
export async function listAll(
  emulator: Emulator,
  query: Record<string, string>,
  token: string,
  pageSize = 100,
): Promise<{ count: number; jobs: any[]; pages: number }> {
  const jobs: any[] = [];
  let count = Infinity;
  let pages = 0;
  for (let offset = 0; offset < count; offset += pageSize) {
    const a = await get(emulator, jobsPath(emulator) + queryString({ ...query, offset: String(offset), limit: String(pageSize) }), {
      "X-Auth-Token": token,
    });
    if (a.status !== 200) throw new Error(`HTTP ${a.status}: ${a.text}`);
    const body = a.json();
    count = body.count;
    jobs.push(...body.jobs);
    pages++;
  }
  return { count: count === Infinity ? 0 : count, jobs, pages };
}
