// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import { HOSTILE_BODIES } from '@/tests/fixtures/hostile-bodies';
import { MINUTE, message } from '@/tests/support/panel';
import { MAX_BODY_LENGTH } from '@/utils/messaging/constants';
import { safeHref } from '@/utils/whatsapp/formatting';
import { Thread } from './Thread';

const NOW = new Date(2025, 2, 10, 15, 0).getTime();

/** What WhatsApp's formatting may become, and the attributes each may carry: nothing else may come out of a body. */
const FORMATTER_OUTPUT: Readonly<Record<string, ReadonlySet<string>>> = {
  A: new Set(['href', 'target', 'rel', 'class', 'dir']),
  STRONG: new Set(),
  EM: new Set(),
  S: new Set(),
  CODE: new Set(['class']),
};

const BIDI_CONTROL = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
// The characters formatting may consume; what is left must be the body's, in order.
const MARKERS = /[`*_~]/gu;

const withoutMarkers = (text: string) => text.replace(MARKERS, '');

function renderBodies(bodies: string[]) {
  const messages = bodies.map((body, index) => message({ body, at: NOW - (bodies.length - index) * MINUTE }));
  render(<Thread messages={messages} contactName="Jürgen" now={NOW} locale="en-GB" onRetry={vi.fn()} loadMedia={vi.fn()} />);
  const log = screen.getByRole('log', { name: 'Conversation' });
  return { log, rendered: [...log.querySelectorAll<HTMLElement>('.dc-bubble__body')] };
}

/** Everything wrong with how one body came out, in words; empty when it is shown as the text it is. */
function problemsShowing(body: string, element: HTMLElement): string[] {
  const problems: string[] = [];
  if (element.getAttribute('dir') !== 'auto') problems.push('the body does not take its own direction, isolated from the bubble');
  for (const descendant of element.querySelectorAll('*')) {
    const allowed = FORMATTER_OUTPUT[descendant.tagName];
    if (!allowed) {
      problems.push(`a <${descendant.localName}> element`);
      continue;
    }
    for (const { name } of descendant.attributes) {
      if (!allowed.has(name)) problems.push(`<${descendant.localName}> has a "${name}" attribute`);
    }
  }
  for (const link of element.querySelectorAll('a')) {
    const href = link.getAttribute('href') ?? '';
    const text = link.textContent;
    if (!/^https?:$/u.test(protocolOf(href))) problems.push(`a link to ${href}`);
    if (safeHref(text) !== href) problems.push(`a link reading ${text} goes to ${href}`);
    if (BIDI_CONTROL.test(text)) problems.push(`a link’s text has a bidi control: ${JSON.stringify(text)}`);
    // A bidi override before the link would otherwise reverse it on screen.
    if (link.getAttribute('dir') !== 'ltr') problems.push(`a link whose text could be reordered: ${text.slice(0, 80)}`);
    if (link.getAttribute('target') !== '_blank' || link.getAttribute('rel') !== 'noopener noreferrer') {
      problems.push(`a link that could reach back to the panel: ${text}`);
    }
  }
  if (withoutMarkers(element.textContent) !== withoutMarkers(body)) {
    problems.push(`text shown as ${JSON.stringify(element.textContent.slice(0, 120))}`);
  }
  return problems;
}

function protocolOf(href: string): string {
  try {
    return new URL(href).protocol;
  } catch {
    return 'not a URL';
  }
}

describe('hostile message bodies in the thread', () => {
  it('are at least 200 distinct bodies, none over WhatsApp’s limit', () => {
    const bodies = HOSTILE_BODIES.map(({ body }) => body);
    expect(bodies.length).toBeGreaterThanOrEqual(200);
    expect(new Set(bodies).size).toBe(bodies.length);
    expect(bodies.filter((body) => body.length > MAX_BODY_LENGTH || body.trim() === '')).toEqual([]);
  });

  it.each([...new Set(HOSTILE_BODIES.map(({ category }) => category))])(
    'shows %s bodies as their own text, with only web links',
    (category) => {
      const bodies = HOSTILE_BODIES.filter((entry) => entry.category === category).map(({ body }) => body);
      const { log, rendered } = renderBodies(bodies);

      expect(rendered).toHaveLength(bodies.length);
      const problems = bodies.flatMap((body, index) => {
        const element = rendered[index];
        const found = element ? problemsShowing(body, element) : ['not shown'];
        return found.map((problem) => `${JSON.stringify(body.slice(0, 60))}: ${problem}`);
      });
      expect(problems).toEqual([]);
      // Nothing from a body reached the rest of the thread either.
      const handlers = [...log.querySelectorAll('*')].flatMap((element) =>
        [...element.attributes].filter(({ name }) => name.startsWith('on') || name === 'style').map(({ name }) => `${element.localName}[${name}]`),
      );
      expect(handlers).toEqual([]);
      expect(log.querySelector('script, style, iframe, frame, object, embed, img, svg, video, audio, source, form, input, base, meta, link')).toBeNull();
    },
  );
});
