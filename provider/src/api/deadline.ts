/**
 * A time by which a whole operation (the gate's `timeoutSeconds`, Terraform's `timeouts.create`)
 * must be over, retries and back-off included. What runs under it stops when it passes: a request
 * in flight is cut at the deadline, no attempt starts after it, and a retry the server asks to
 * come later than it (a Retry-After of a day) fails at once instead of waiting.
 */

/** The deadline passed, or would have before what was asked of it. */
export class DeadlineExceeded extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DeadlineExceeded";
  }
}

/** What a deadline that cut a request in flight says, from whichever timer fired first. */
export const STILL_UNANSWERED = "a request was still unanswered when the time was up";

/** Milliseconds left until `deadline` (epoch ms); Infinity without one. */
export function remainingMs(deadline: number | undefined, now: number = Date.now()): number {
  return deadline === undefined ? Infinity : deadline - now;
}

/**
 * A signal that aborts with `parent`'s reason, or with DeadlineExceeded at `deadline`. `dispose`
 * clears the timer once the work under it is over.
 */
export function deadlineSignal(deadline: number, parent: AbortSignal, describe: () => string): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onParent = () => controller.abort(parent.reason);
  if (parent.aborted) onParent();
  else parent.addEventListener("abort", onParent, { once: true });
  const timer = setTimeout(() => controller.abort(new DeadlineExceeded(describe())), Math.max(0, deadline - Date.now()));
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      parent.removeEventListener("abort", onParent);
    },
  };
}
