/**
 * Faults a real gateway shows now and then: 5xx with an MSS body, 429 throttling with
 * Retry-After, dropped connections, and (queued by tests only) malformed answers. Rates draw from
 * the seeded generator so a run with the same --seed fails the same requests.
 */
import { Random } from "./seededRandom";

export type Fault =
  | { kind: "status"; status: number; errorCode?: string; errorMsg?: string; retryAfter?: number }
  | { kind: "reset" }
  | { kind: "malformed" };

export interface FaultRates {
  failRate?: number;
  throttleRate?: number;
  resetRate?: number;
}

export class FaultInjector {
  private readonly queue: Fault[] = [];

  constructor(
    private readonly rates: FaultRates,
    private readonly random: Random,
  ) {}

  /** Faults for the next requests, in order, before any random ones. */
  enqueue(faults: readonly Fault[]): void {
    this.queue.push(...faults);
  }

  /** The fault for this request, if any. */
  next(): Fault | undefined {
    const queued = this.queue.shift();
    if (queued) return queued;
    const { failRate = 0, throttleRate = 0, resetRate = 0 } = this.rates;
    if (failRate + throttleRate + resetRate === 0) return undefined;
    const r = this.random.next();
    if (r < resetRate) return { kind: "reset" };
    if (r < resetRate + throttleRate) return { kind: "status", status: 429, retryAfter: 1 };
    if (r < resetRate + throttleRate + failRate) return { kind: "status", status: this.random.pick([500, 500, 502, 503]) };
    return undefined;
  }
}

/** The body the service and its gateway send with each status. */
export function faultBody(fault: Extract<Fault, { kind: "status" }>): { error_code: string; error_msg: string } {
  if (fault.errorCode || fault.errorMsg) {
    return { error_code: fault.errorCode ?? "MSS.00000004", error_msg: fault.errorMsg ?? "Internal Error" };
  }
  if (fault.status === 429)
    return { error_code: "APIG.0308", error_msg: "The throttling threshold has been reached: policy user over ratelimit" };
  return { error_code: "MSS.00000004", error_msg: "Internal Error" };
}
