/** Template builders for tests and previews, including a large, varied account. */
import type { ApprovalStatus, TemplateView } from '../../utils/messaging/views';

let built = 0;

export function template(overrides: Partial<TemplateView> = {}): TemplateView {
  built += 1;
  return {
    sid: `HX${built.toString(16).padStart(32, '0')}`,
    friendlyName: `template_${built}`,
    language: 'en',
    category: 'utility',
    approvalStatus: 'approved',
    rejectionReason: null,
    types: ['twilio/text'],
    body: 'Hello {{1}}',
    variables: ['1'],
    sampleValues: { '1': 'John' },
    details: { 'twilio/text': { body: overrides.body ?? 'Hello {{1}}' } },
    updatedAt: 0,
    ...overrides,
  };
}

const TOPICS: readonly { language: string; names: readonly string[]; bodies: readonly string[] }[] = [
  {
    language: 'en',
    names: ['welcome_customer', 'order_update', 'invoice_reminder', 'demo_follow_up', 'renewal_offer', 'meeting_confirmation'],
    bodies: [
      'Hi {{1}}, thanks for your interest in {{2}}. {{3}} will call you shortly.',
      'Your order {{1}} has shipped and should arrive on {{2}}.',
      'A friendly reminder that invoice {{1}} is due on {{2}}.',
    ],
  },
  {
    language: 'sv',
    names: ['Välkommen till Malmö', 'Påminnelse om möte', 'Offert från Göteborg', 'Tack för ditt köp', 'Uppföljning Västerås'],
    bodies: [
      'Hej {{first_name}}! Välkommen till vårt kontor i Malmö på {{2}}.',
      'Påminnelse: vårt möte är {{1}} kl. {{2}}. Hälsningar, {{3}}',
      'Här är offerten för {{1}}. Hör av dig om du har frågor!',
    ],
  },
  {
    language: 'de',
    names: ['Grüße aus München', 'Terminbestätigung Köln', 'Rechnung fällig', 'Angebot für Straße', 'Willkommen Jürgen'],
    bodies: [
      'Hallo {{1}}, viele Grüße aus München! Ihr Termin ist am {{2}}.',
      'Ihre Rechnung {{1}} ist am {{2}} fällig. Mit freundlichen Grüßen',
      'Vielen Dank für Ihr Interesse an {{1}}, {{first_name}}.',
    ],
  },
  {
    language: 'es',
    names: ['Señor bienvenida', 'Recordatorio de cita', 'Oferta especial España', 'Confirmación de pedido', 'Año nuevo promoción'],
    bodies: [
      'Hola {{1}}, gracias por su interés en {{2}}. ¿Cuándo podemos hablar?',
      'Estimado Señor {{1}}, su pedido {{2}} está en camino.',
      'Recordatorio: su cita es el {{1}} a las {{2}}.',
    ],
  },
];

const STATUSES: readonly ApprovalStatus[] = [
  'approved', 'approved', 'approved', 'approved', 'approved', 'approved',
  'pending', 'received', 'rejected', 'paused', 'disabled', 'unsubmitted', 'unknown',
];
const CATEGORIES: readonly (string | null)[] = ['marketing', 'utility', 'utility', 'authentication', null];

/** A rich type's details, so previews have buttons, lists and media to show. */
function richType(kind: number, body: string): Pick<TemplateView, 'types' | 'details'> {
  switch (kind) {
    case 1:
      return {
        types: ['twilio/text', 'twilio/quick-reply'],
        details: {
          'twilio/text': { body },
          'twilio/quick-reply': { body, actions: [{ title: 'Yes, please', id: 'yes' }, { title: 'Not now', id: 'no' }] },
        },
      };
    case 2:
      return {
        types: ['twilio/call-to-action'],
        details: {
          'twilio/call-to-action': {
            body,
            actions: [
              { type: 'URL', title: 'View offer', url: 'https://example.com/offers/{{1}}' },
              { type: 'PHONE_NUMBER', title: 'Call us', phone: '+46701234567' },
            ],
          },
        },
      };
    case 3:
      return {
        types: ['twilio/card'],
        details: {
          'twilio/card': {
            title: body,
            subtitle: 'Dealchat',
            media: ['https://example.com/images/offer.jpg'],
            actions: [{ type: 'URL', title: 'Open', url: 'https://example.com/{{1}}' }],
          },
        },
      };
    case 4:
      return { types: ['twilio/media'], details: { 'twilio/media': { body, media: ['https://example.com/brochure-{{1}}.pdf'] } } };
    case 5:
      return {
        types: ['twilio/list-picker'],
        details: {
          'twilio/list-picker': {
            body,
            button: 'Choose a time',
            items: [
              { item: 'Monday morning', id: 'mon', description: '9:00–12:00' },
              { item: 'Tuesday afternoon', id: 'tue', description: '13:00–17:00' },
            ],
          },
        },
      };
    default:
      return { types: ['twilio/text'], details: { 'twilio/text': { body } } };
  }
}

/** `count` varied templates in four languages, every status, category and rich type among them; the same each time. */
export function generateTemplates(count: number): TemplateView[] {
  return Array.from({ length: count }, (_, index) => {
    const topic = TOPICS[index % TOPICS.length];
    if (!topic) throw new Error('No topics to generate from.');
    const round = Math.floor(index / TOPICS.length);
    const name = topic.names[round % topic.names.length] ?? 'template';
    const body = topic.bodies[round % topic.bodies.length] ?? '';
    const approvalStatus = pick(STATUSES, index, 1);
    return template({
      // Apart from the sids `template()` hands out, so both can be mixed in one list.
      sid: `HXe${index.toString(16).padStart(31, '0')}`,
      friendlyName: `${name} ${Math.floor(round / topic.names.length) + 1}`,
      language: topic.language,
      category: pick(CATEGORIES, index, 2),
      approvalStatus,
      rejectionReason: approvalStatus === 'rejected' ? 'Promotional content in a utility template.' : null,
      body,
      variables: [...new Set([...body.matchAll(/\{\{(\w+)\}\}/gu)].map((match) => match[1] ?? ''))],
      ...richType(pick([0, 1, 2, 3, 4, 5], index, 3), body),
    });
  });
}

// A fixed scramble, so a template's status, category and type do not follow from its name.
function pick<T>(choices: readonly T[], index: number, salt: number): T {
  // MurmurHash3's finaliser: every input bit moves every output bit.
  let hash = Math.imul(index, 31) + salt;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  hash ^= hash >>> 16;
  const choice = choices[(hash >>> 0) % choices.length];
  if (choice === undefined) throw new Error('Nothing to pick from.');
  return choice;
}
