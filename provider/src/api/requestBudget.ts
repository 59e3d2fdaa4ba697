/**
 * Requests in flight across every listing of one provider process. `maxConcurrency` bounds one
 * listing; without this, Terraform's `-parallelism` (or a Pulumi program's concurrent invokes)
 * multiplies it, and the API gateway throttles per account, not per listing. Slots are handed out
 * in turn between the listings waiting (round robin), so a listing of 1,000 pages does not starve
 * one of two.
 */
import { abortReason } from "./retryPolicy";

interface Waiter {
  grant: () => void;
}

export class RequestBudget {
  private inFlight = 0;
  /** Waiters per listing; a Map keeps its keys in order, which the round robin rotates. */
  private readonly waiting = new Map<object, Waiter[]>();
  /** The most requests that were ever in flight at once (for tests and benchmarks). */
  peak = 0;

  constructor(private size: number) {}

  get limit(): number {
    return this.size;
  }

  resize(size: number): void {
    this.size = size;
    this.grantFree();
  }

  /** Waits for a slot for a request of `listing`; the promise gives the function that frees it. */
  acquire(listing: object, signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener("abort", onAbort);
          this.take();
          let freed = false;
          resolve(() => {
            if (freed) return;
            freed = true;
            this.inFlight--;
            this.grantFree();
          });
        },
      };
      const onAbort = () => {
        const queue = this.waiting.get(listing);
        const at = queue?.indexOf(waiter) ?? -1;
        if (queue && at >= 0) {
          queue.splice(at, 1);
          if (queue.length === 0) this.waiting.delete(listing);
        }
        reject(abortReason(signal!));
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      const queue = this.waiting.get(listing);
      if (queue) queue.push(waiter);
      else this.waiting.set(listing, [waiter]);
      this.grantFree();
    });
  }

  private take(): void {
    this.inFlight++;
    this.peak = Math.max(this.peak, this.inFlight);
  }

  private grantFree(): void {
    while (this.inFlight < this.size && this.waiting.size > 0) {
      const [listing, queue] = this.waiting.entries().next().value as [object, Waiter[]];
      const waiter = queue.shift()!;
      // The listing goes to the back of the line, whether or not it has more waiting.
      this.waiting.delete(listing);
      if (queue.length > 0) this.waiting.set(listing, queue);
      waiter.grant();
    }
  }
}

/** Requests in flight when no setting says otherwise. */
export const DEFAULT_REQUESTS_IN_FLIGHT = 32;

/** The one budget of this process, shared by every client in it. */
export const processBudget = new RequestBudget(DEFAULT_REQUESTS_IN_FLIGHT);
