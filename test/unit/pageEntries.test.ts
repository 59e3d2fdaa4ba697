/** Entries encoded page by page are found again for a listing's jobs, whatever runs the pager made of them. */
import { PageEntries } from "../../provider/src/encoding/pageEntries";
import type { ApiJob } from "../../provider/src/schema/trainingJob";

const job = (i: number): ApiJob => ({ job_id: `j${i}`, name: `n${i}`, state: "TRAINING" });
const page = (from: number, n: number) => Array.from({ length: n }, (_, i) => job(from + i));

describe("PageEntries", () => {
  test("a listing of overlapping pages, a drifted listing's pages, and jobs no page announced", () => {
    let encodedJobs = 0;
    const entries = new PageEntries<string>((jobs) => {
      encodedJobs += jobs.length;
      return jobs.map((j) => `entry of ${j.job_id}@${j.name}`);
    });
    // A listing given up (drift): its pages were announced but none of its jobs is in the result.
    entries.addPage(page(0, 3).map((j) => ({ ...j, name: "stale" })));
    const a = page(0, 3);
    const b = [a[2], ...page(3, 2)];
    const c = [b[2], ...page(5, 1)];
    for (const p of [a, b, c]) entries.addPage(p);
    const stray = job(99);
    // As the pager returns them: the first page whole, then each later page after its overlap.
    const listing = [...a, b[1], b[2], c[1], stray, a[0]];
    expect(entries.entriesOf(listing)).toEqual(listing.map((j) => `entry of ${j.job_id}@${j.name}`));
    // Only the stray job was encoded again.
    expect(encodedJobs).toBe(3 + 3 + 3 + 2 + 1);
  });

  test("an empty listing and a listing of one-job pages", () => {
    const entries = new PageEntries<number>((jobs) => jobs.map((j) => Number(j.job_id.slice(1))));
    expect(entries.entriesOf([])).toEqual([]);
    const pages = Array.from({ length: 5 }, (_, i) => [job(i)]);
    pages.forEach((p) => entries.addPage(p));
    expect(entries.entriesOf(pages.flat())).toEqual([0, 1, 2, 3, 4]);
  });
});
