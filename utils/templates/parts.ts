/**
 * What a template carries besides its text (buttons, list items, media), read from the raw content
 * types Twilio keeps in `TemplateView.details`. Twilio's shapes are trusted no further than checked:
 * anything malformed is left out rather than shown wrong, and one bad field does not hide the rest.
 */
export type ButtonKind = 'reply' | 'url' | 'phone' | 'code' | 'other';

export interface TemplateButton {
  kind: ButtonKind;
  title: string;
  /** Where a link or call button leads, or the code it copies; may contain `{{placeholders}}`. */
  target: string | null;
}

export interface ListItem {
  title: string;
  description: string | null;
}

export type RichPart =
  | { kind: 'media'; urls: string[] }
  | { kind: 'buttons'; quickReplies: boolean; buttons: TemplateButton[] }
  | { kind: 'list'; button: string | null; items: ListItem[] };

type Fields = Record<string, unknown>;

/** Each content type's media, buttons and list, in the order the template defines its types. */
export function richParts(details: Record<string, unknown>): RichPart[] {
  return Object.entries(details).flatMap(([type, content]) => {
    if (!isFields(content)) return [];
    const parts: RichPart[] = [];
    const urls = entries(content.media).flatMap((url) => present(text(url)));
    if (urls.length > 0) parts.push({ kind: 'media', urls });
    const buttons = entries(content.actions).flatMap(parseButton);
    if (buttons.length > 0) parts.push({ kind: 'buttons', quickReplies: type === 'twilio/quick-reply', buttons });
    const items = entries(content.items).flatMap(parseListItem);
    if (items.length > 0) parts.push({ kind: 'list', button: text(content.button), items });
    return parts;
  });
}

// Quick replies carry no type of their own; inside cards they say QUICK_REPLY.
function parseButton(raw: unknown): TemplateButton[] {
  if (!isFields(raw)) return [];
  const title = text(raw.title);
  if (title === null) return [];
  switch ((text(raw.type) ?? 'QUICK_REPLY').toUpperCase()) {
    case 'QUICK_REPLY':
      return [{ kind: 'reply', title, target: null }];
    case 'URL':
      return [{ kind: 'url', title, target: text(raw.url) }];
    case 'PHONE_NUMBER':
    case 'PHONE':
      return [{ kind: 'phone', title, target: text(raw.phone) }];
    case 'COPY_CODE':
      return [{ kind: 'code', title, target: text(raw.code) }];
    default:
      return [{ kind: 'other', title, target: null }];
  }
}

function parseListItem(raw: unknown): ListItem[] {
  if (!isFields(raw)) return [];
  const title = text(raw.item);
  return title === null ? [] : [{ title, description: text(raw.description) }];
}

/** Trimmed text, or null for anything else (including blank text). */
function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function present(value: string | null): string[] {
  return value === null ? [] : [value];
}

function entries(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
