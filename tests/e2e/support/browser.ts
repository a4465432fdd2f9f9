/**
 * Real Chromium (headless unless a person is to use it) with the production build loaded unpacked,
 * as a rep installs it. Every launch gets a fresh profile, so each starts from a first install with
 * an empty store.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { ServiceWorkerControl } from './service-worker';

const ROOT = resolve(import.meta.dirname, '../../..');
const BUILD_DIR = join(ROOT, '.output/chrome-mv3');
const CHROMIUM = '/usr/bin/chromium';
/** Where tests leave what a person looks at afterwards: screenshots of failures, measured figures. */
export const RESULTS_DIR = join(ROOT, 'test-results/e2e');

export interface LaunchOptions {
  /**
   * `host:port` → `ip:port` for the browser's DNS, so the fixed URLs the extension calls reach local
   * fakes. Every other host fails to resolve: nothing a test does can leave the machine.
   */
  hostMap?: Record<string, string>;
  /** A window on the screen, for a person to use (needs a display); its pages then follow the window's size. */
  headed?: boolean;
  /**
   * Directories of other unpacked extensions, installed beside Dealchat as a rep's own extensions
   * are. Dealchat's id is read from its worker's path, so theirs must name another file.
   */
  otherExtensions?: readonly string[];
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The background worker, which tests can stop the way Chrome does. */
  background: ServiceWorkerControl;
  /** The same worker's global scope, for extension APIs only the extension itself may call. */
  backgroundScope: Worker;
  /** `chrome-extension://<id>/<path>` */
  url(path: string): string;
  /** Opens one of the extension's pages, which may make every request of the contract. */
  openPage(path: string): Promise<Page>;
  /** Saves a screenshot of every page the test opened under test-results/e2e, named after `label`. */
  screenshotPages(label: string): Promise<string[]>;
  close(): Promise<void>;
}

function hostResolverRules(hostMap: Record<string, string>): string {
  const maps = Object.entries(hostMap).map(([from, to]) => `MAP ${from} ${to}`);
  return [...maps, 'MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1'].join(', ');
}

function backgroundScript(): string {
  const manifestPath = join(BUILD_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No build in ${BUILD_DIR}: run \`npm run build\` first (npm test does).`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { background?: { service_worker?: string } };
  const script = manifest.background?.service_worker;
  if (script === undefined) throw new Error('The built manifest declares no background service worker.');
  return script;
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const script = backgroundScript();
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (see .ci/run).`);
  const extensionDirs = [BUILD_DIR, ...(options.otherExtensions ?? [])].join(',');
  const userDataDir = await mkdtemp(join(tmpdir(), 'dealchat-e2e-'));
  let context: BrowserContext | undefined;
  const close = async () => {
    try {
      await context?.close();
    } finally {
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    }
  };
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      // Chromium's --headless is the new headless mode, the one that runs extensions.
      headless: options.headed !== true,
      ...(options.headed === true && { viewport: null }),
      // Playwright's own Ctrl+C handler exits the process before `close` can remove the profile;
      // the browser still dies with the process, whoever handles Ctrl+C.
      handleSIGINT: false,
      // Playwright's defaults switch extensions off; --disable-extensions-except keeps only those loaded here.
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [
        `--load-extension=${extensionDirs}`,
        `--disable-extensions-except=${extensionDirs}`,
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-gpu',
        // QUIC would bypass the TCP fakes the host map points at.
        '--disable-quic',
        // The fakes serve a self-signed certificate under the real hosts' names.
        '--ignore-certificate-errors',
        `--host-resolver-rules=${hostResolverRules(options.hostMap ?? {})}`,
      ],
    });
    const started = context;
    // Fail a missing element in seconds, well inside the test's own timeout.
    started.setDefaultTimeout(10_000);
    const isBackground = (url: string) => url.startsWith('chrome-extension://') && new URL(url).pathname === `/${script}`;
    const worker =
      started.serviceWorkers().find((w) => isBackground(w.url())) ??
      (await started.waitForEvent('serviceworker', { predicate: (w) => isBackground(w.url()), timeout: 10_000 }));
    const extensionId = new URL(worker.url()).host;
    const url = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
    // The blank first page stays open, for the CDP session that follows the worker.
    const blank = started.pages()[0] ?? (await started.newPage());
    const background = await ServiceWorkerControl.attach(blank, url(script));
    return {
      context: started,
      extensionId,
      background,
      backgroundScope: worker,
      url,
      async openPage(path) {
        const page = await started.newPage();
        await page.goto(url(path));
        return page;
      },
      async screenshotPages(label) {
        await mkdir(RESULTS_DIR, { recursive: true });
        const name = label.replace(/[^\w-]+/g, '-').slice(0, 100);
        const saved: string[] = [];
        const opened = started.pages().filter((page) => page !== blank);
        for (const [index, page] of opened.entries()) {
          const path = join(RESULTS_DIR, `${name}-${index}.png`);
          await page.screenshot({ path, fullPage: true });
          saved.push(path);
        }
        return saved;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
