/** Scripted and random failures, decided before the fake looks at a request (as Twilio's edge does). */
import type { RecordedRequest, RequestPredicate } from './requests';
import { TwilioApiError } from './wire';

export interface FaultSpec {
  status: number;
  /** Defaults to Twilio's code for the status: 429 → 20429, 500 → 20500, 503 → 20503. */
  code?: number;
  message?: string;
  /** Only requests this accepts consume the fault; others pass through untouched. */
  when?: RequestPredicate;
  /**
   * Twilio acted on the request before the error (an outage mid-request): a send answered 500 may
   * still have created the message. Default false: the request was turned away unprocessed.
   */
  processed?: boolean;
}

export type FaultEffect = { kind: 'drop' } | { kind: 'error'; error: TwilioApiError; processed: boolean };

const DEFAULTS: Record<number, { code: number; message: string } | undefined> = {
  429: { code: 20429, message: 'Too Many Requests' },
  500: { code: 20500, message: 'An internal server error has occurred' },
  503: { code: 20503, message: 'Service Unavailable' },
};

export function faultError(status: number, code?: number, message?: string): TwilioApiError {
  const fallback = DEFAULTS[status];
  return new TwilioApiError(status, code ?? fallback?.code ?? null, message ?? fallback?.message ?? `HTTP ${status}`);
}

interface ScriptedFault {
  remaining: number;
  effect: FaultEffect;
  when: RequestPredicate;
}

export class FaultPlan {
  private readonly scripted: ScriptedFault[] = [];
  private randomRate = 0;
  private random: () => number = Math.random;

  script(count: number, effect: FaultEffect, when: RequestPredicate = () => true): void {
    if (count > 0) this.scripted.push({ remaining: count, effect, when });
  }

  setRandomFailureRate(rate: number, random: () => number): void {
    this.randomRate = rate;
    this.random = random;
  }

  /** Scripted faults not yet used up, and the random failure rate, end here. */
  clear(): void {
    this.scripted.length = 0;
    this.randomRate = 0;
  }

  /** The fault this request meets, consuming one use of it; scripted faults apply in the order given. */
  take(request: RecordedRequest): FaultEffect | null {
    const fault = this.scripted.find((f) => f.remaining > 0 && f.when(request));
    if (fault) {
      fault.remaining -= 1;
      return fault.effect;
    }
    if (this.randomRate > 0 && this.random() < this.randomRate) {
      return { kind: 'error', error: faultError(503), processed: false };
    }
    return null;
  }
}
