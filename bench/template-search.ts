/**
 * The popup's template search as a rep types in it, among 6,000 synced templates: each keystroke
 * from its keydown to the first painted frame that shows its results.
 */
import { waitForTemplateSync } from '../tests/e2e/support/background';
import { openPopupOver, templatesPopup, timeTypedQueries } from '../tests/e2e/support/popup';
import { addTemplateViews } from '../tests/e2e/support/twilio';
import { generateTemplates } from '../tests/support/templates';
import { connectWithOneDeal, withBenchBrowser } from './browser-session';
import { percentile, type Measurement } from './figures';

const TEMPLATES = 6_000;
/**
 * How reps look templates up: a first keystroke that matches most of the account, names and words
 * typed with their accents (keys of a Swedish, German or Spanish keyboard), and a name half typed.
 */
const QUERIES = ['invoice remin', 'malmö', 'grüße münchen', 'señor', 'order update', 'påminnelse'];

export const templateSearch: Measurement = {
  name: 'Template search',
  run: () =>
    withBenchBrowser(async (bench) => {
      addTemplateViews(bench.twilio.fake, generateTemplates(TEMPLATES));
      const deal = await connectWithOneDeal(bench);
      await waitForTemplateSync(bench.options, 120_000);
      const dealPage = await bench.extension.context.newPage();
      await dealPage.goto(bench.pipedrive.fake.dealUrl(deal.dealId));
      const popup = await openPopupOver(bench.extension, dealPage);
      await templatesPopup(popup).count.filter({ hasText: new RegExp(`^${TEMPLATES.toLocaleString('en')} templates$`) }).waitFor();
      // Chrome paints the real popup over the page; the background tab standing in for it would get
      // no animation frames at all. It has asked its tab what it needs by now.
      await popup.bringToFront();
      const keystrokes = await timeTypedQueries(popup, QUERIES);
      const ms = keystrokes.map((keystroke) => keystroke.ms);
      const slowest = keystrokes.reduce((slow, keystroke) => (keystroke.ms > slow.ms ? keystroke : slow));
      const detail = `${keystrokes.length} keystrokes of ${QUERIES.map((query) => `“${query}”`).join(', ')}; keydown to the painted frame with the results`;
      return [
        { id: 'templateSearch.p50', label: 'Template search keystroke p50', value: percentile(ms, 0.5), unit: 'ms', detail },
        { id: 'templateSearch.p95', label: 'Template search keystroke p95', value: percentile(ms, 0.95), unit: 'ms', target: { max: 16, below: true }, detail },
        { id: 'templateSearch.max', label: 'Template search keystroke max', value: slowest.ms, unit: 'ms', detail: `typing “${slowest.query}” (${slowest.statuses.join(' ')})` },
      ];
    }),
};
