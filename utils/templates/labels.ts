/** How a template's status, category, language and content type read to a rep. */
import type { TemplateView } from '@/utils/messaging/views';
import type { TemplateStatus } from './status';

export const STATUS_LABELS: Readonly<Record<TemplateStatus, string>> = {
  approved: 'Approved',
  pending: 'Pending',
  rejected: 'Rejected',
  paused: 'Paused',
  disabled: 'Disabled',
  unsubmitted: 'Not submitted',
  unknown: 'Unknown',
};

/** What the status means for sending, for templates that cannot be sent. */
export const STATUS_EXPLANATIONS: Readonly<Record<Exclude<TemplateStatus, 'approved'>, string>> = {
  pending: 'WhatsApp is reviewing this template, which can take up to three days. It can be sent once approved.',
  rejected: 'WhatsApp rejected this template. Edit it in the Twilio Console and submit it again.',
  paused: 'WhatsApp paused this template after recipients reported or blocked it. It cannot be sent for now.',
  disabled: 'WhatsApp disabled this template after repeated quality problems. It cannot be sent.',
  unsubmitted: 'This template has not been submitted to WhatsApp. Submit it for approval in the Twilio Console.',
  unknown: 'Twilio did not say whether WhatsApp approved this template, so it is not offered for sending.',
};

const TYPE_LABELS: Readonly<Record<string, string>> = {
  'twilio/text': 'Text',
  'twilio/media': 'Media',
  'twilio/quick-reply': 'Quick reply',
  'twilio/call-to-action': 'Call to action',
  'twilio/card': 'Card',
  'whatsapp/card': 'WhatsApp card',
  'twilio/list-picker': 'List picker',
  'twilio/carousel': 'Carousel',
  'twilio/catalog': 'Catalog',
  'twilio/flows': 'Flow',
  'whatsapp/flows': 'WhatsApp flow',
  'whatsapp/authentication': 'Authentication',
  'twilio/location': 'Location',
  'twilio/schedule': 'Schedule',
};

/** "Quick reply" for `twilio/quick-reply`; types Twilio adds later read as their own name. */
export function typeLabel(type: string): string {
  return TYPE_LABELS[type] ?? type.replace(/^[a-z]+\//u, '');
}

/**
 * The type that says most about what the recipient gets: a template with a text fallback and
 * quick replies is a quick-reply template.
 */
export function mainType(template: TemplateView): string | null {
  return template.types.find((type) => type !== 'twilio/text') ?? template.types[0] ?? null;
}

export function categoryLabel(category: string): string {
  return category.charAt(0).toUpperCase() + category.slice(1);
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
// Asked for every row of every list, and an account uses only a handful of languages.
const languageLabels = new Map<string, string>();

/** "Swedish" for `sv`, "Brazilian Portuguese" for `pt_BR`; a code Intl does not know stays a code. */
export function languageLabel(code: string): string {
  let label = languageLabels.get(code);
  if (label === undefined) {
    label = nameOfLanguage(code);
    languageLabels.set(code, label);
  }
  return label;
}

function nameOfLanguage(code: string): string {
  try {
    return languageNames.of(code.replace(/_/gu, '-')) ?? code;
  } catch {
    // Not a well-formed language tag.
    return code;
  }
}

/** Category, language and content type, the way the list shows them under a template's name. */
export function templateFacts(template: TemplateView): string[] {
  const type = mainType(template);
  const facts = [
    template.category === null ? null : categoryLabel(template.category),
    template.language === '' ? null : languageLabel(template.language),
    type === null ? null : typeLabel(type),
  ];
  return facts.filter((fact) => fact !== null);
}
