/**
 * The floor for a fresh plugin's first listing (bench/run.ts): a fresh Node process that fetches
 * and parses the pages the plugin fetches, and does nothing else. Node's `http` on a keep-alive
 * agent, JSON.parse, no validation, no encoding, no retries.
 *
 *   node dist/bench/pageFloor.js <emulator url> <project id> <token> <page size> <in flight>
 *
 * The pages are the plugin's (provider/src/api/jobLister.ts): the first tells the total, the rest
 * start on the previous page's last job (a stride of page size - 1) and run `in flight` at a time.
 * Prints the number of distinct jobs listed and exits.
 */
import { Agent, request } from "node:http";

const [url, project, token, pageSizeArg, inFlightArg] = process.argv.slice(2);
const pageSize = Number(pageSizeArg);
const inFlight = Number(inFlightArg);
const agent = new Agent({ keepAlive: true, maxSockets: inFlight });
const path = `/v1/${project}/digital-human-training-manage/user/jobs`;

interface Page {
  count: number;
  jobs: Array<{ job_id: string }>;
}

function page(offset: number, limit: number): Promise<Page> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}${path}?offset=${offset}&limit=${limit}`,
      { agent, headers: { "Content-Type": "application/json", "X-Project-Id": project, "X-Auth-Token": token } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          if (res.statusCode !== 200) return reject(new Error(`offset ${offset}: HTTP ${res.statusCode}`));
          resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")) as Page);
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end();
  });
}

async function main(): Promise<number> {
  const first = await page(0, pageSize);
  const stride = pageSize - 1;
  const rest = Math.max(0, Math.ceil((first.count - 1) / stride) - 1);
  let jobs = first.jobs.length;
  let next = 0;
  const worker = async () => {
    while (next < rest) {
      const rel = stride * (next++ + 1);
      const { jobs: more } = await page(rel, Math.min(pageSize, first.count - rel));
      // Each page after the first repeats the previous page's last job.
      jobs += more.length - 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, rest) }, worker));
  return jobs;
}

main().then(
  (jobs) => {
    process.stdout.write(`${jobs}\n`);
    agent.destroy();
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
