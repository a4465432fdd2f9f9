import { describeTwilioFailure } from './describe-twilio-failure';

/**
 * Work that nobody awaits (timers, alarms, what a request sets off): tracked so that it can be
 * awaited (tests, shutdown), and logged instead of becoming an unhandled rejection.
 */
export class BackgroundTasks {
  private readonly running = new Set<Promise<unknown>>();

  run(task: () => Promise<unknown>): void {
    const running = task()
      .catch((error: unknown) => console.error('Dealchat background task failed:', describeTwilioFailure(error)))
      .finally(() => this.running.delete(running));
    this.running.add(running);
  }

  /** Resolves once no background work is left. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
