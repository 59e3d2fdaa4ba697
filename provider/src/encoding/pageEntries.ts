/**
 * Each protocol's job serializer encodes a page as it arrives (InvokeContext.onPage), while later
 * pages are still on the wire, and assembles its answer from those bytes once the function returns
 * its jobs. This finds a job's entry again without a per-job map: a listing is runs of consecutive
 * jobs of the pages as they arrived (the first page, then each later one after its overlap), so
 * only the first two jobs of each page are indexed and the rest of a run is matched by identity.
 * A job from no announced page (or out of order) is encoded on its own. The index is weak: the
 * pages of a listing taken again, or of a gate's earlier checks, go with their jobs.
 */
import type { ApiJob } from "../schema/trainingJob";

interface EncodedPage<E> {
  jobs: readonly ApiJob[];
  entries: readonly E[];
}

export class PageEntries<E> {
  /** A page's first and second job -> the page and the job's index: where runs start. */
  private readonly runStarts = new WeakMap<ApiJob, { page: EncodedPage<E>; index: number }>();

  constructor(private readonly encode: (jobs: readonly ApiJob[]) => E[]) {}

  readonly addPage = (jobs: readonly ApiJob[]): void => {
    const page = { jobs, entries: this.encode(jobs) };
    for (let i = 0; i < Math.min(2, jobs.length); i++) this.runStarts.set(jobs[i], { page, index: i });
  };

  /** The entries of `jobs`, in their order. */
  entriesOf(jobs: readonly ApiJob[]): E[] {
    const out = new Array<E>(jobs.length);
    let page: EncodedPage<E> | undefined;
    let at = 0;
    for (let i = 0; i < jobs.length; i++) {
      const job = jobs[i];
      if (page === undefined || page.jobs[at] !== job) {
        const start = this.runStarts.get(job);
        page = start?.page;
        at = start?.index ?? 0;
      }
      if (page !== undefined) out[i] = page.entries[at++];
      else out[i] = this.encode([job])[0];
    }
    return out;
  }
}
