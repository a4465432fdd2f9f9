/**
 * Everything around the body: the name, language, category and type, the media and the buttons.
 *
 * Sources: template names hold only lowercase letters, digits and underscores, at most 512 characters
 * (Clickatell's best practices, quoting Meta); a name may be reused only for another language of the same template
 * (Meta's template fundamentals: a template is a name plus its language versions). Authentication templates are
 * WhatsApp's preset text, "custom authentication templates aren't allowed" (twilio.com/docs/content/whatsappauthentication).
 * Up to ten quick replies (twilio.com/docs/content/twilio-quick-reply); at most two URL buttons and one phone
 * button (Gupshup's template button limits, from Meta's); button labels up to 25 characters (Meta's template
 * components reference). URLs must be valid and without whitespace, and "for WhatsApp, the URL up to the domain
 * name must be static" (twilio.com/docs/content/faqs-and-troubleshooting); a URL variable is its path suffix
 * (twilio.com/docs/content/twilio-call-to-action: "https://www.twilio.com/{{1}}"). Phone numbers are E.164.
 */
import { finding, type ReadDraft } from './draft';
import { normalizeLanguage } from './language';
import { characters, findPlaceholders } from './text';
import type { Finding, LintField, TemplateDraft } from './types';

export const MAX_NAME_LENGTH = 512;
export const MAX_QUICK_REPLIES = 10;
export const MAX_URL_BUTTONS = 2;
export const MAX_PHONE_BUTTONS = 1;
export const MAX_BUTTON_TITLE = 25;

const NAME_INVALID_RUN = /[^a-z0-9_]+/u;

export function nameRules(read: ReadDraft): Finding[] {
  const name = read.draft.friendlyName;
  if (name.trim() === '') return [finding('name-empty', 'friendlyName')];
  const findings: Finding[] = [];
  const invalid = NAME_INVALID_RUN.exec(name);
  if (invalid !== null) {
    findings.push(
      finding('name-invalid', 'friendlyName', { start: invalid.index, end: invalid.index + invalid[0].length }, {
        suggestion: suggestName(name),
      }),
    );
  }
  if (characters(name).length > MAX_NAME_LENGTH) findings.push(finding('name-too-long', 'friendlyName', null, { max: MAX_NAME_LENGTH }));
  const language = read.language?.whatsapp;
  const taken = read.context.existingTemplates.some(
    (template) => template.name === name && normalizeLanguage(template.language)?.whatsapp === language,
  );
  if (taken) findings.push(finding('name-taken', 'friendlyName', null, { name }));
  return findings;
}

/** "Order Confirmation – Växjö" becomes "order_confirmation_vaxjo". */
export function suggestName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/gu, 'ss')
    .replace(/[^a-z0-9]+/gu, '_')
    .replace(/^_+|_+$/gu, '')
    .slice(0, MAX_NAME_LENGTH);
}

export function languageFieldRules(read: ReadDraft): Finding[] {
  return read.language === null ? [finding('language-invalid', 'language', null, { language: read.draft.language })] : [];
}

export function categoryRules(read: ReadDraft): Finding[] {
  const { category, contentType } = read.draft;
  if (category === 'authentication' && contentType !== 'whatsapp/authentication') {
    return [finding('authentication-needs-preset', 'category', null, { contentType })];
  }
  if (contentType === 'whatsapp/authentication' && category !== 'authentication') {
    return [finding('preset-needs-authentication', 'category', null, { category })];
  }
  return [];
}

export function mediaRules(read: ReadDraft): Finding[] {
  if (read.draft.contentType !== 'twilio/media') return [];
  const url = read.draft.mediaUrl?.trim() ?? '';
  if (url === '') return [finding('media-url-missing', 'mediaUrl')];
  return urlRules(read.draft.mediaUrl ?? '', 'mediaUrl', 'media-url-invalid', {});
}

export function buttonRules(read: ReadDraft): Finding[] {
  const { draft } = read;
  if (draft.contentType === 'twilio/quick-reply') return quickReplyRules(draft);
  if (draft.contentType === 'twilio/call-to-action') return callToActionRules(draft);
  return [];
}

function quickReplyRules(draft: TemplateDraft): Finding[] {
  const replies = draft.quickReplies ?? [];
  if (replies.length === 0) return [finding('buttons-missing', 'buttons', null, { contentType: draft.contentType })];
  const findings = replies.flatMap((reply, index) => titleRules(reply.title, index));
  if (replies.length > MAX_QUICK_REPLIES) {
    findings.push(finding('quick-replies-too-many', 'buttons', null, { count: replies.length, max: MAX_QUICK_REPLIES }));
  }
  return findings;
}

function callToActionRules(draft: TemplateDraft): Finding[] {
  const actions = draft.actions ?? [];
  if (actions.length === 0) return [finding('buttons-missing', 'buttons', null, { contentType: draft.contentType })];
  const findings: Finding[] = [];
  actions.forEach((action, index) => {
    findings.push(...titleRules(action.title, index));
    if (action.type === 'URL') {
      findings.push(...urlRules(action.url, 'buttons', 'button-url-invalid', { button: index + 1 }));
    } else if (!/^\+[1-9]\d{6,14}$/u.test(action.phone.trim())) {
      findings.push(finding('button-phone-invalid', 'buttons', null, { button: index + 1, phone: action.phone }));
    }
  });
  const urls = actions.filter((action) => action.type === 'URL').length;
  if (urls > MAX_URL_BUTTONS) findings.push(finding('url-buttons-too-many', 'buttons', null, { count: urls, max: MAX_URL_BUTTONS }));
  const phones = actions.length - urls;
  if (phones > MAX_PHONE_BUTTONS) {
    findings.push(finding('phone-buttons-too-many', 'buttons', null, { count: phones, max: MAX_PHONE_BUTTONS }));
  }
  return findings;
}

function titleRules(title: string, index: number): Finding[] {
  if (title.trim() === '') return [finding('button-title-empty', 'buttons', null, { button: index + 1 })];
  const length = characters(title).length;
  return length > MAX_BUTTON_TITLE
    ? [finding('button-title-too-long', 'buttons', null, { button: index + 1, length, max: MAX_BUTTON_TITLE })]
    : [];
}

// The scheme and host, then a path: where a variable may start.
const STATIC_PREFIX = /^https?:\/\/[^/?#{}\s]+[/?#=]/iu;
const VALID_URL = /^https?:\/\/[^\s/?#{}]+\.[^\s/?#{}]+(?:[/?#]\S*)?$/iu;

function urlRules(
  raw: string,
  field: LintField,
  invalidRule: 'media-url-invalid' | 'button-url-invalid',
  params: Record<string, number>,
): Finding[] {
  const url = raw.trim();
  const offset = raw.indexOf(url);
  const placeholders = findPlaceholders(url);
  // Checked with a sample-like stand-in, so "https://example.com/{{1}}" is judged as the URL it will become.
  if (!VALID_URL.test(url.replace(/\{\{\d+\}\}/gu, 'x'))) return [finding(invalidRule, field, null, { ...params, url })];
  const prefix = STATIC_PREFIX.exec(url)?.[0].length ?? url.length;
  return placeholders
    .filter((placeholder, index) => placeholder.end !== url.length || index !== placeholders.length - 1 || placeholder.start < prefix)
    .map((placeholder) =>
      finding('url-variable-position', field, { start: offset + placeholder.start, end: offset + placeholder.end }, {
        ...params,
        variable: placeholder.number,
      }),
    );
}
