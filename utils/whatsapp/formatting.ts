/**
 * WhatsApp's text formatting (`*bold*`, `_italic_`, `~strike~`, ```` ```mono``` ````) and web links,
 * parsed into a tree the UI renders as text nodes. Nothing here produces markup, so a hostile
 * body can only ever be shown, never run.
 */

export type FormattedNode =
  | { type: 'text'; text: string }
  | { type: 'link'; href: string; text: string }
  | { type: 'mono'; text: string }
  | { type: 'bold' | 'italic' | 'strike'; children: FormattedNode[] };

type StyleType = 'bold' | 'italic' | 'strike';

const STYLE_MARKERS: Readonly<Record<string, StyleType>> = { '*': 'bold', _: 'italic', '~': 'strike' };

const MONO = /```([\s\S]+?)```/g;

// Whitespace, quotes, angle brackets and control characters end a link, and so do bidi controls: they could make a link's
// text read differently from where it goes.
const URL_CANDIDATE = /\bhttps?:\/\/[^\s<>"'`\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]+/giu;

// Sentence punctuation and formatting markers after a link belong to the sentence, not the link.
const TRAILING_PUNCTUATION = /[.,;:!?*_~)\]}]+$/u;

export function parseFormatting(body: string): FormattedNode[] {
  const nodes: FormattedNode[] = [];
  let last = 0;
  for (const match of body.matchAll(MONO)) {
    nodes.push(...parseInline(body.slice(last, match.index)));
    nodes.push({ type: 'mono', text: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  nodes.push(...parseInline(body.slice(last)));
  return nodes;
}

interface Range {
  start: number;
  end: number;
  href: string;
}

function parseInline(text: string): FormattedNode[] {
  if (text === '') return [];
  const links = findLinks(text);
  const nodes: FormattedNode[] = [];
  let plainFrom = 0;
  let i = 0;
  while (i < text.length) {
    const link = links.find((range) => range.start === i);
    if (link) {
      i = link.end;
      continue;
    }
    const style = STYLE_MARKERS[text.charAt(i)];
    const close = style ? findClose(text, i, links) : -1;
    if (style && close > 0) {
      nodes.push(...linkify(text, plainFrom, i, links));
      nodes.push({ type: style, children: parseInline(text.slice(i + 1, close)) });
      i = close + 1;
      plainFrom = i;
      continue;
    }
    i += 1;
  }
  nodes.push(...linkify(text, plainFrom, text.length, links));
  return nodes;
}

/** Where the marker opened at `open` closes on the same line, or -1 when it is just a character. */
function findClose(text: string, open: number, links: Range[]): number {
  const marker = text.charAt(open);
  const next = text.charAt(open + 1);
  if (!isBoundary(text.charAt(open - 1)) || next === '' || next === marker || /\s/u.test(next)) return -1;
  for (let j = open + 2; j < text.length; j += 1) {
    const char = text.charAt(j);
    if (char === '\n') return -1;
    const link = links.find((range) => j >= range.start && j < range.end);
    if (link) {
      j = link.end - 1;
      continue;
    }
    if (char === marker && !/\s/u.test(text.charAt(j - 1)) && isBoundary(text.charAt(j + 1))) return j;
  }
  return -1;
}

// Markers only count at word edges, so `snake_case_name` and `2*3*4` stay as typed.
function isBoundary(char: string): boolean {
  return char === '' || !/[\p{L}\p{N}]/u.test(char);
}

function findLinks(text: string): Range[] {
  const ranges: Range[] = [];
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const candidate = trimTrailing(match[0]);
    const href = safeHref(candidate);
    if (href) ranges.push({ start: match.index, end: match.index + candidate.length, href });
  }
  return ranges;
}

function trimTrailing(candidate: string): string {
  let end = candidate.replace(TRAILING_PUNCTUATION, '').length;
  // Keep a closing parenthesis the link opened itself, as in Wikipedia addresses.
  while (candidate.charAt(end) === ')' && count(candidate, '(', end) > count(candidate, ')', end)) end += 1;
  return candidate.slice(0, end);
}

function count(text: string, char: string, end: number): number {
  return text.slice(0, end).split(char).length - 1;
}

/** The address to open, only for http(s) with a host; anything else stays text. */
export function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' ? url.href : null;
  } catch {
    return null;
  }
}

function linkify(text: string, from: number, to: number, links: Range[]): FormattedNode[] {
  const nodes: FormattedNode[] = [];
  let at = from;
  for (const link of links) {
    if (link.start < from || link.end > to) continue;
    if (link.start > at) nodes.push({ type: 'text', text: text.slice(at, link.start) });
    nodes.push({ type: 'link', href: link.href, text: text.slice(link.start, link.end) });
    at = link.end;
  }
  if (at < to) nodes.push({ type: 'text', text: text.slice(at, to) });
  return nodes;
}
