/**
 * The store at a big account's size, in Chromium's own IndexedDB: how long the background takes to
 * read a contact's window state and the first 50 messages of a thread, with 100,000 messages over
 * 5,000 contacts. The product's store code runs in the page (store-page.ts, bundled here with
 * Vite), so the figures are IndexedDB's and Dexie's as the extension uses them.
 *
 * The profile is a directory on disk, as an extension's is (an incognito context would keep
 * IndexedDB in memory), and "cold" means the first query after a fresh browser start.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { startFakeServer } from '../tests/fakes/serve-fake';
import { contactPhone, seededRandom } from '../tests/support/random';
import { EXTENSION_SOURCE_ALIAS } from '../vite.config';
import { percentile, type Figure, type Measurement } from './figures';
import { CORPUS_SHAPE, messageCounts, type CorpusOptions } from './message-corpus';
import type { QueryContext, StoreBenchWindow, StoreQuery } from './store-page';

const ROOT = resolve(import.meta.dirname, '..');
const PAGE_ENTRY = resolve(import.meta.dirname, 'store-page.ts');
const CHROMIUM = '/usr/bin/chromium';
const SEED = 100_000;
const SENDER = '+14155238886';
/** The newest message; queries run an hour later. */
const END = Date.UTC(2026, 10, 20, 9);
/** The "first 50 messages of a thread". */
const THREAD_PAGE = 50;
const QUERY_CONTEXT: QueryContext = { now: END + 60 * 60 * 1000, threadPage: THREAD_PAGE };
/** Messages per upsert: a sync stores all it read (up to 20 pages of 50) in one call. */
const BATCH_SIZE = 500;
const SAMPLES = 400;
/** Untimed queries before the series, so the series is not about the first query (reported as cold). */
const WARM_UP = 20;
const COLD_STARTS = 3;

/** The page's script and its chunks, by file name, built in memory. */
async function bundlePage(): Promise<{ entry: string; files: Map<string, string> }> {
  const result = await build({
    configFile: false,
    resolve: { alias: EXTENSION_SOURCE_ALIAS },
    root: ROOT,
    logLevel: 'warn',
    mode: 'production',
    build: { write: false, target: 'esnext', modulePreload: false, copyPublicDir: false, rollupOptions: { input: PAGE_ENTRY } },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const files = new Map<string, string>();
  let entry: string | null = null;
  for (const output of outputs) {
    if (!('output' in output)) throw new Error('Vite started watching instead of building.');
    for (const file of output.output) {
      if (file.type !== 'chunk') continue;
      files.set(file.fileName, file.code);
      if (file.isEntry) entry = file.fileName;
    }
  }
  if (entry === null) throw new Error('The store page was built without an entry chunk.');
  return { entry, files };
}

async function servePage({ entry, files }: { entry: string; files: Map<string, string> }) {
  const html = `<!doctype html><meta charset="utf-8"><title>Store benchmark</title><script type="module" src="/${entry}"></script>`;
  return startFakeServer({
    name: 'Store benchmark page',
    hostNames: ['127.0.0.1'],
    handle(request) {
      const path = new URL(request.url).pathname;
      if (path === '/') return Promise.resolve(new Response(html, { headers: { 'Content-Type': 'text/html' } }));
      const code = files.get(path.slice(1));
      if (code === undefined) return Promise.resolve(new Response('Not found', { status: 404 }));
      return Promise.resolve(new Response(code, { headers: { 'Content-Type': 'text/javascript' } }));
    },
  });
}

/** The page's functions, called from Node; each call runs in the page and only its result comes back. */
function pageBench(page: Page) {
  return {
    seed: (options: CorpusOptions) =>
      page.evaluate((given) => (window as unknown as StoreBenchWindow).storeBench.seed(given), options),
    open: () => page.evaluate(() => (window as unknown as StoreBenchWindow).storeBench.open()),
    time: (query: StoreQuery, contacts: string[]) =>
      page.evaluate(([given, among, context]) => (window as unknown as StoreBenchWindow).storeBench.time(given, among, context), [query, contacts, QUERY_CONTEXT] as const),
  };
}

/** Starts Chromium on `profile` with the page open, and stops it once `work` is done: each start is a cold one. */
async function inBrowser<T>(profile: string, url: string, work: (bench: ReturnType<typeof pageBench>) => Promise<T>): Promise<T> {
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ['--no-sandbox'], headless: true });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.waitForFunction(() => 'storeBench' in window);
    return await work(pageBench(page));
  } finally {
    await context.close();
  }
}

const round = (ms: number) => ms.toFixed(2);

async function measureStore(): Promise<Figure[]> {
  const served = await servePage(await bundlePage());
  const profile = await mkdtemp(join(tmpdir(), 'dealchat-bench-store-'));
  try {
    const seeded = await inBrowser(profile, served.url, (bench) => bench.seed({ seed: SEED, sender: SENDER, end: END, batchSize: BATCH_SIZE }));
    if (seeded.messages !== CORPUS_SHAPE.messages || seeded.contacts !== CORPUS_SHAPE.contacts) {
      throw new Error(`Seeding stored ${seeded.messages} messages over ${seeded.contacts} contacts.`);
    }
    // A thread's first 50 messages are only 50 when the contact has that many: most have fewer.
    const counts = messageCounts(seededRandom(SEED), CORPUS_SHAPE);
    const everyone = counts.map((_, index) => contactPhone(index));
    const longThreads = everyone.filter((_, index) => (counts[index] ?? 0) >= THREAD_PAGE);
    const random = seededRandom(SEED + 1);
    const among = (contacts: readonly string[], count: number) => Array.from({ length: count }, () => random.pick(contacts));
    const contactsFor = (query: StoreQuery, count: number) => among(query === 'window' ? everyone : longThreads, count);

    const cold: Record<'window' | 'thread', number[]> = { window: [], thread: [] };
    const opens: number[] = [];
    for (let start = 0; start < COLD_STARTS; start += 1) {
      for (const query of ['window', 'thread'] as const) {
        await inBrowser(profile, served.url, async (bench) => {
          opens.push(await bench.open());
          cold[query].push(...(await bench.time(query, contactsFor(query, 1))));
        });
      }
    }

    const samples = await inBrowser(profile, served.url, async (bench) => {
      await bench.open();
      await bench.time('window', contactsFor('window', WARM_UP));
      await bench.time('thread', contactsFor('thread', WARM_UP));
      return {
        window: await bench.time('window', contactsFor('window', SAMPLES)),
        thread: await bench.time('thread', contactsFor('thread', SAMPLES)),
        conversation: await bench.time('conversation', contactsFor('conversation', SAMPLES)),
      };
    });

    const corpus =
      `${CORPUS_SHAPE.messages.toLocaleString('en')} messages over ${CORPUS_SHAPE.contacts.toLocaleString('en')} contacts ` +
      `(busiest ${Math.max(...counts)}, median ${percentile(counts, 0.5)}, over ${CORPUS_SHAPE.days} days), ` +
      `seeded in ${(seeded.ms / 1_000).toFixed(1)} s through upsertTwilioMessages, ${BATCH_SIZE} per call`;
    const warm = `${SAMPLES} queries, warm`;
    const series = `${SAMPLES} random contacts, warm`;
    const threads = `${SAMPLES} random contacts with at least ${THREAD_PAGE} messages (${longThreads.length} have), warm`;
    const coldDetail = (values: number[]) =>
      `first query after a fresh Chromium start, median of ${values.length} (${values.map(round).join(', ')} ms); opening the database took ${round(percentile(opens, 0.5))} ms (median)`;
    return [
      { id: 'store.windowState.p50', label: 'Window state of one contact, median', value: percentile(samples.window, 0.5), unit: 'ms', detail: `getContact + evaluateWindow, ${series}; ${corpus}` },
      { id: 'store.windowState.p95', label: 'Window state of one contact, p95', value: percentile(samples.window, 0.95), unit: 'ms', target: { max: 5, below: true }, detail: warm },
      { id: 'store.windowState.cold', label: 'Window state of one contact, cold', value: percentile(cold.window, 0.5), unit: 'ms', detail: coldDetail(cold.window) },
      { id: 'store.thread50.p50', label: 'First 50 messages of a thread, median', value: percentile(samples.thread, 0.5), unit: 'ms', detail: `latestMessages(contact, 50), ${threads}` },
      { id: 'store.thread50.p95', label: 'First 50 messages of a thread, p95', value: percentile(samples.thread, 0.95), unit: 'ms', target: { max: 15, below: true }, detail: warm },
      { id: 'store.thread50.cold', label: 'First 50 messages of a thread, cold', value: percentile(cold.thread, 0.5), unit: 'ms', detail: coldDetail(cold.thread) },
      {
        id: 'store.conversationView.p95',
        label: 'Whole conversation view, p95',
        value: percentile(samples.conversation, 0.95),
        unit: 'ms',
        detail: `buildConversation, as getConversation answers a panel (up to 200 messages, window, outbox), ${threads}`,
      },
    ];
  } finally {
    await served.close();
    await rm(profile, { recursive: true, force: true, maxRetries: 3 });
  }
}

export const storeQueries: Measurement = {
  name: 'Store queries',
  run: measureStore,
};
