/**
 * Twilio's clock as this worker knows it: windows and message times are on it. The offset to the
 * local clock is measured from the `Date` header of Twilio's answers (utils/whatsapp/clock-offset.ts)
 * and kept in the store, so that a restarted worker reads them on the same clock from its first request.
 */
import { estimateOffset } from '@/utils/whatsapp/clock-offset';
import type { DealchatDb } from './store/db';
import { clockOffsetSlot } from './sync/sync-state';
import type { BackgroundTasks } from './tasks';

export class TwilioClock {
  private offsetMs = 0;
  private loaded: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: DealchatDb,
    private readonly tasks: BackgroundTasks,
    /** The local clock. */
    readonly now: () => number,
  ) {}

  /** Reads the offset an earlier worker measured; this also opens the database for the requests on their way. */
  load(): void {
    const load = clockOffsetSlot.get(this.db).then((stored) => {
      this.offsetMs = stored;
    });
    this.tasks.run(() => load);
    // A failed read is reported by the task; the worker then goes on as if no offset were known.
    this.loaded = load.catch(() => undefined);
  }

  /** Settles once the stored offset is loaded: nothing may read Twilio's clock, or talk to Twilio, before. */
  ready(): Promise<unknown> {
    return this.loaded;
  }

  /** Milliseconds to add to the local clock to get Twilio's. */
  offset(): number {
    return this.offsetMs;
  }

  twilioNow(): number {
    return this.now() + this.offsetMs;
  }

  /** One answer's `Date` header, and when it arrived on the local clock. */
  observeServerDate(serverMs: number, localMs: number): void {
    const offset = estimateOffset(serverMs, localMs);
    if (Math.abs(offset - this.offsetMs) < 1_000) return;
    this.offsetMs = offset;
    this.tasks.run(() => clockOffsetSlot.set(this.db, offset));
  }
}
