/**
 * Hostile WhatsApp bodies from deal contacts, shown by the production build in real Chromium: nothing
 * in them runs, in the page's world or the extension's, every link is a web link that reads the way
 * it goes, and the panel keeps its place and shape in the deal page's side column.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { FakePipedrive } from '../fakes/pipedrive';
import { HOSTILE_BODIES, RAN_ATTRIBUTE } from '../fixtures/hostile-bodies';
import { panelTest as test } from './support/fixtures';
import { PANEL_HOST, whatsAppPanel } from './support/panel';

/**
 * Bodies per contact: the panel shows a contact's latest 200 messages, and the first look at a
 * contact reads two pages of 50 of what they sent. Fewer than that, so every body is on screen.
 */
const BODIES_PER_CONTACT = 90;
const CALM_BODY = 'Hi! Could you send the updated quote?';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the panel and its page look like from the page's own (main) world. */
interface PanelInspection {
  ran: boolean;
  pageScrollWidth: number;
  column: Box;
  region: Box;
  composer: Box;
  threadOverflow: number;
  bodies: number;
  bubblesOutsideThread: string[];
  /** Elements that can run code, load things or restyle the page, wherever they are in the shadow root. */
  activeElements: string[];
  /** Anything a body turned into other than WhatsApp's formatting. */
  foreignInBodies: string[];
  handlerAttributes: string[];
  styleAttributesInThread: string[];
  links: string[];
  loadingAttributes: string[];
  bodiesNotIsolated: number;
  linksDrawnBackwards: string[];
}

function inspectPanel(page: Page): Promise<PanelInspection> {
  return page.evaluate(
    ({ host, ranAttribute }) => {
      const shadowHost = document.querySelector(host);
      const root = shadowHost?.shadowRoot;
      const region = root?.querySelector('[role="region"][aria-label="WhatsApp"]');
      const thread = root?.querySelector('[role="log"]');
      const composer = root?.querySelector('textarea');
      const column = shadowHost?.parentElement;
      if (!root || !region || !thread || !composer || !column) throw new Error('The panel is not on the page with a thread and a composer.');

      const box = (element: Element) => {
        const { x, y, width, height } = element.getBoundingClientRect();
        return { x, y, width, height };
      };
      const describe = (element: Element) => `<${element.localName}> ${element.textContent.slice(0, 50)}`;
      const everything = [...document.querySelectorAll('*'), ...root.querySelectorAll('*')];
      const threadBox = thread.getBoundingClientRect();
      const bodies = [...thread.querySelectorAll('.dc-bubble__body')];
      const links = [...root.querySelectorAll('a')];

      /** Whether some letter of the link is drawn left of the one before it on the same line. */
      const drawnBackwards = (link: HTMLAnchorElement) => {
        const text = link.firstChild;
        if (!(text instanceof Text)) return false;
        const range = document.createRange();
        let previous: DOMRect | null = null;
        for (let at = 0, seen = 0; at < text.length && seen < 40; seen += 1) {
          const step = (text.data.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
          range.setStart(text, at);
          range.setEnd(text, at + step);
          at += step;
          const letter = range.getBoundingClientRect();
          if (letter.width === 0) continue;
          if (previous && Math.abs(letter.top - previous.top) < 1 && letter.left < previous.left - 0.5) return true;
          previous = letter;
        }
        return false;
      };

      return {
        ran: document.documentElement.hasAttribute(ranAttribute),
        pageScrollWidth: document.documentElement.scrollWidth,
        column: box(column),
        region: box(region),
        composer: box(composer),
        threadOverflow: thread.scrollWidth - thread.clientWidth,
        bodies: bodies.length,
        bubblesOutsideThread: [...thread.querySelectorAll('.dc-bubble')]
          .filter((bubble) => {
            const { left, right } = bubble.getBoundingClientRect();
            return left < threadBox.left - 0.5 || right > threadBox.right + 0.5;
          })
          .map(describe),
        activeElements: [
          ...root.querySelectorAll('script, iframe, frame, object, embed, base, meta, link, img, video, audio, source, math, template'),
          // The panel's own icons are decoration, hidden from screen readers; a body's <svg> would not be.
          ...[...root.querySelectorAll('svg')].filter((svg) => svg.getAttribute('aria-hidden') !== 'true'),
          ...region.querySelectorAll('style'),
        ].map(describe),
        foreignInBodies: bodies.flatMap((body) => [...body.querySelectorAll(':not(a, strong, em, s, code)')].map(describe)),
        handlerAttributes: everything.flatMap((element) =>
          [...element.attributes].filter(({ name }) => name.startsWith('on')).map(({ name }) => `${element.localName}[${name}]`),
        ),
        styleAttributesInThread: [...thread.querySelectorAll('[style]')].map(describe),
        links: links.map((link) => link.href),
        loadingAttributes: [...root.querySelectorAll('[src], [srcdoc], [action], [formaction], [data], [poster], [background]')].map(describe),
        bodiesNotIsolated: bodies.filter((body) => getComputedStyle(body).unicodeBidi !== 'isolate').length,
        linksDrawnBackwards: links.filter(drawnBackwards).map((link) => link.textContent),
      };
    },
    { host: PANEL_HOST, ranAttribute: RAN_ATTRIBUTE },
  );
}

function inGroupsOf<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}

/** A deal whose person has the `index`th of a run of Swedish mobiles, written the way the company writes them. */
function addDealWithContact(fake: FakePipedrive, index: number) {
  const last = String(10 + index);
  const personId = fake.addPerson({ name: `Contact ${index}`, phones: [{ value: `070-555 01 ${last}`, label: 'mobile', primary: true }] });
  return { dealId: fake.addDeal({ title: `Deal ${index}`, value: 1000, personId }), contact: `+467055501${last}` };
}

test('hostile bodies from deal contacts are shown as text: nothing runs, links are web links, the panel holds its shape', async ({
  twilio,
  pipedrive,
  extension,
  connect,
  openDeal,
}) => {
  const calm = addDealWithContact(pipedrive.fake, 0);
  const hostile = inGroupsOf(HOSTILE_BODIES, BODIES_PER_CONTACT).map((bodies, index) => ({
    ...addDealWithContact(pipedrive.fake, index + 1),
    bodies,
  }));
  // One a second, all within the hour: the window is open, and Twilio's dates order them.
  let at = Date.now() - (HOSTILE_BODIES.length + 60) * 1000;
  twilio.fake.receiveInbound({ from: calm.contact, body: CALM_BODY, at });
  for (const { contact, bodies } of hostile) {
    for (const { body } of bodies) {
      at += 1000;
      twilio.fake.receiveInbound({ from: contact, body, at });
    }
  }
  const dialogs: string[] = [];
  extension.context.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await connect();

  const calmPage = await openDeal(calm.dealId);
  await whatsAppPanel(calmPage).thread.getByText(CALM_BODY).waitFor();
  const expected = await inspectPanel(calmPage);
  await calmPage.close();

  for (const [index, { dealId, bodies }] of hostile.entries()) {
    const page = await openDeal(dealId);
    const panel = whatsAppPanel(page);
    // Watched while the thread fills: a payload that ran could take the page elsewhere (a meta refresh) before the count is reached.
    const state = async () => ({ url: page.url(), dialogs: dialogs.length, bodies: await panel.thread.locator('.dc-bubble__body').count() });
    await expect.poll(state).toEqual({ url: pipedrive.fake.dealUrl(dealId), dialogs: 0, bodies: bodies.length });

    const seen = await inspectPanel(page);
    const label = `deal ${index + 1} (${[...new Set(bodies.map(({ category }) => category))].join(', ')})`;
    expect(seen.activeElements, label).toEqual([]);
    expect(seen.foreignInBodies, label).toEqual([]);
    expect(seen.handlerAttributes, label).toEqual([]);
    expect(seen.styleAttributesInThread, label).toEqual([]);
    expect(seen.loadingAttributes, label).toEqual([]);
    expect(seen.links.filter((href) => !/^https?:\/\//u.test(href)), label).toEqual([]);
    expect(seen.linksDrawnBackwards, label).toEqual([]);
    expect(seen.bodiesNotIsolated, label).toBe(0);

    expect(seen.column, label).toEqual(expected.column);
    expect(seen.region, label).toEqual(expected.region);
    expect(seen.pageScrollWidth, label).toBe(expected.pageScrollWidth);
    expect(seen.threadOverflow, label).toBeLessThanOrEqual(0);
    expect(seen.bubblesOutsideThread, label).toEqual([]);
    expect(seen.composer, label).toEqual(expected.composer);
    expect(await panel.message.isVisible()).toBe(true);
    await panel.message.fill('Thanks, noted.');
    expect(await panel.send.isEnabled()).toBe(true);

    // Last, so that payloads waiting on an event (an image failing to load) have had their moment.
    expect((await inspectPanel(page)).ran, label).toBe(false);
    expect(dialogs, label).toEqual([]);
    await page.close();
  }
  expect(twilio.sendRequests()).toEqual([]);
});
