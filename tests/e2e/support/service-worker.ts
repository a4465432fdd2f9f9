import type { CDPSession, Page } from 'playwright-core';

type RunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The extension's background service worker as Chrome runs it, followed over CDP. Playwright keeps
 * one Worker object across a stop and a restart, so only Chrome's own reports show them.
 */
export class ServiceWorkerControl {
  private status: RunningStatus | null = null;
  private versionId: string | null = null;
  private startCount = 0;
  private readonly waiters = new Set<() => void>();

  private constructor(
    private readonly cdp: CDPSession,
    private readonly scriptUrl: string,
  ) {}

  /** `page` only carries the CDP session: any page of the profile sees the extension's worker. */
  static async attach(page: Page, scriptUrl: string): Promise<ServiceWorkerControl> {
    const cdp = await page.context().newCDPSession(page);
    const control = new ServiceWorkerControl(cdp, scriptUrl);
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const version of versions) {
        if (version.scriptURL === scriptUrl && version.status !== 'redundant') control.update(version.versionId, version.runningStatus);
      }
    });
    await cdp.send('ServiceWorker.enable');
    await control.until(() => control.status !== null, 'Chrome to report the background worker');
    return control;
  }

  /** Times the worker has started since it was first seen, that first start included. */
  get starts(): number {
    return this.startCount;
  }

  /** Stops the worker as Chrome does when it is idle or out of time, and waits until it is down. */
  async stop(): Promise<void> {
    if (this.versionId === null) throw new Error('No background worker to stop.');
    await this.cdp.send('ServiceWorker.stopWorker', { versionId: this.versionId });
    await this.until(() => this.status === 'stopped', `${this.scriptUrl} to stop`);
  }

  /** Resolves once the worker is running, after at least `starts` starts in all. */
  waitForStart(starts: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    return this.until(() => this.status === 'running' && this.startCount >= starts, `${this.scriptUrl} to start (${starts} starts)`, timeoutMs);
  }

  private update(versionId: string, status: RunningStatus): void {
    if (status === 'running' && this.status !== 'running') this.startCount += 1;
    this.versionId = versionId;
    this.status = status;
    for (const wake of this.waiters) wake();
  }

  private until(condition: () => boolean, what: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!condition()) return;
        done();
        resolve();
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last status: ${this.status ?? 'unknown'}.`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
    });
  }
}
