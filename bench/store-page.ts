/**
 * The store benchmark's page (bench/store.ts bundles it): the product's own store code in
 * Chromium's real IndexedDB, timed with the page's clock so that nothing between Node and the
 * browser is counted. Each timed call is one the background makes to show a panel (see
 * utils/background/conversation-view.ts).
 */
import { buildConversation } from '../utils/background/conversation-view';
import { getContact, sessionTimestamps } from '../utils/background/store/contacts';
import { openDatabase, type DealchatDb } from '../utils/background/store/db';
import { latestMessages, upsertTwilioMessages } from '../utils/background/store/messages';
import { evaluateWindow } from '../utils/whatsapp/session-window';
import { corpusBatches, type CorpusOptions } from './message-corpus';

export type StoreQuery = 'window' | 'thread' | 'conversation';

export interface StoreBenchPage {
  /** Fills a new database through the sync's write path; returns the milliseconds the writes took and what it then holds. */
  seed(options: CorpusOptions): Promise<{ ms: number; messages: number; contacts: number }>;
  /** Opens the database; returns the milliseconds it took. */
  open(): Promise<number>;
  /** Runs `query` for each contact in turn; returns each one's milliseconds. */
  time(query: StoreQuery, contacts: string[], context: QueryContext): Promise<number[]>;
}

/** What the page adds to its `window` for Playwright to call. */
export interface StoreBenchWindow {
  storeBench: StoreBenchPage;
}

export interface QueryContext {
  /** Twilio's clock. */
  now: number;
  /** How many of a thread's newest messages `thread` reads. */
  threadPage: number;
}

let db: DealchatDb | null = null;

function database(): DealchatDb {
  db ??= openDatabase();
  return db;
}

const QUERIES: Record<StoreQuery, (contact: string, context: QueryContext) => Promise<unknown>> = {
  async window(contact, { now }) {
    return evaluateWindow(sessionTimestamps(await getContact(database(), contact)), now);
  },
  thread: (contact, { threadPage }) => latestMessages(database(), contact, threadPage),
  conversation: (contact, { now }) => buildConversation(database(), contact, { now, clockOffset: 0 }),
};

const storeBench: StoreBenchPage = {
  async seed(options) {
    // Only the writes are timed, not making up the messages.
    let ms = 0;
    for (const batch of corpusBatches(options)) {
      const started = performance.now();
      await upsertTwilioMessages(database(), batch, options.sender);
      ms += performance.now() - started;
    }
    return { ms, messages: await database().messages.count(), contacts: await database().contacts.count() };
  },
  async open() {
    const started = performance.now();
    await database().open();
    return performance.now() - started;
  },
  async time(query, contacts, context) {
    const durations: number[] = [];
    for (const contact of contacts) {
      const started = performance.now();
      await QUERIES[query](contact, context);
      durations.push(performance.now() - started);
    }
    return durations;
  },
};

Object.assign(window, { storeBench } satisfies StoreBenchWindow);
