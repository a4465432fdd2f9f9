/**
 * One small draft per lint rule that sets it off, for the rule unit tests and the message files' test (every
 * rule has a message that uses only the values the rule gives). The checkers here are tiny stand-ins with
 * a fixed answer; the real dictionaries and detector are exercised by the template fixtures.
 */
import type { LanguageDetector, LintCheckers, LintContext, RuleId, SpellChecker, TemplateDraft } from '../../utils/whatsapp/lint/lint';

export interface RuleExample {
  draft: TemplateDraft;
  context?: LintContext;
  checkers?: LintCheckers;
}

const KNOWN_WORDS = new Set(
  'hi hello your order has shipped and will arrive on friday from here to thanks for the we received payment invoice please reply if you have questions about it this is a reminder of our meeting at tomorrow or'.split(
    ' ',
  ),
);

/** Knows a few dozen English words; anything else is "misspelt". */
export const SMALL_ENGLISH: SpellChecker = { language: 'en', isCorrect: (word) => KNOWN_WORDS.has(word.toLowerCase()) };

export function detectorSaying(language: string, confident: boolean): LanguageDetector {
  return { detect: () => ({ language, confident }) };
}

export function example(fields: Partial<TemplateDraft>): TemplateDraft {
  return {
    friendlyName: 'order_shipped',
    language: 'en',
    category: 'utility',
    contentType: 'twilio/text',
    body: 'Hi {{1}}, your order {{2}} has shipped and will arrive on Friday. Reply here if you have questions.',
    samples: { 1: 'Anna', 2: '10234' },
    ...fields,
  };
}

const SHIPPED = 'Hi {{1}}, your order {{2}} has shipped and will arrive on Friday. Reply here if you have questions.';

export const RULE_EXAMPLES: Readonly<Record<RuleId, RuleExample>> = {
  'name-empty': { draft: example({ friendlyName: ' ' }) },
  'name-invalid': { draft: example({ friendlyName: 'Order shipped' }) },
  'name-too-long': { draft: example({ friendlyName: 'a'.repeat(513) }) },
  'name-taken': {
    draft: example({}),
    context: { existingTemplates: [{ name: 'order_shipped', language: 'en', body: 'Something else entirely, {{1}}.' }] },
  },
  'language-invalid': { draft: example({ language: 'english' }) },
  'language-mismatch': { draft: example({}), checkers: { languageDetector: detectorSaying('de', true) } },
  'language-uncertain': { draft: example({}), checkers: { languageDetector: detectorSaying('nl', false) } },
  'authentication-needs-preset': { draft: example({ category: 'authentication' }) },
  'preset-needs-authentication': { draft: example({ contentType: 'whatsapp/authentication', body: '' }) },
  'body-empty': { draft: example({ body: '  \n ' }) },
  'body-too-long': { draft: example({ body: `Hi {{1}}, ${'your order {{2}} has shipped. '.repeat(40)}Thanks!` }) },
  'body-too-long-with-samples': {
    draft: example({ body: `Hi {{1}}, ${'your order has shipped. '.repeat(40)}Thanks!`, samples: { 1: 'A'.repeat(200) } }),
  },
  'line-breaks': { draft: example({ body: 'Hi {{1}}, your order {{2}} has shipped.\n\n\nReply here if you have questions.' }) },
  'variable-malformed': { draft: example({ body: 'Hi {{name}}, your order {{1}} has shipped. Reply here if you have questions.', samples: { 1: '10234' } }) },
  'variable-at-start': { draft: example({ body: '{{1}}, your order {{2}} has shipped. Reply here if you have questions.' }) },
  'variable-at-end': { draft: example({ body: 'Hi {{1}}, your order has shipped and will arrive on {{2}}' }) },
  'variables-adjacent': { draft: example({ body: 'Hi {{1}} {{2}}, your order has shipped. Reply here if you have questions.' }) },
  'variables-not-sequential': {
    draft: example({ body: 'Hi {{1}}, your order {{3}} has shipped. Reply here if you have questions.', samples: { 1: 'Anna', 3: '10234' } }),
  },
  'variables-out-of-order': { draft: example({ body: 'Hi {{2}}, your order {{1}} has shipped. Reply here if you have questions.' }) },
  'too-many-variables': { draft: example({ body: 'Hi {{1}}, order {{2}} ships {{3}}.', samples: { 1: 'A', 2: 'B', 3: 'C' } }) },
  vague: { draft: example({ body: 'Hi {{1}}, thanks! {{2}}.' }) },
  'body-too-short': { draft: example({ body: 'Congratulations!', samples: {} }) },
  'information-missing': { draft: example({ body: 'Hi {{1}}, thanks for getting in touch with us. We will get back to you soon.', samples: { 1: 'Anna' } }) },
  'promotional-wording': { draft: example({ body: `${SHIPPED} Shop now and save!` }) },
  'one-time-code-outside-authentication': { draft: example({ body: 'Your verification code is {{1}}. It expires in ten minutes.', samples: { 1: '123456' } }) },
  'url-shortener': { draft: example({ body: 'Hi {{1}}, track your order {{2}} at https://bit.ly/abc123 until it arrives.' }) },
  'duplicate-body': { draft: example({}), context: { existingTemplates: [{ name: 'shipping_note', language: 'en', body: SHIPPED.toUpperCase() }] } },
  spelling: { draft: example({ body: 'Hi {{1}}, your ordr {{2}} has shipped and will arrive on Friday. Reply here if you have questions.' }), checkers: { spelling: SMALL_ENGLISH } },
  'spelling-proper-noun': {
    draft: example({ body: 'Hi {{1}}, your order {{2}} from Northwind has shipped. Reply here if you have questions.' }),
    checkers: { spelling: SMALL_ENGLISH },
  },
  'spelling-widespread': {
    draft: example({ body: 'Hi {{1}}, yuor ordr {{2}} has shiped and will arive on Friday. Reply here if you have questions.' }),
    checkers: { spelling: SMALL_ENGLISH },
  },
  'repeated-word': { draft: example({ body: 'Hi {{1}}, your order {{2}} has has shipped. Reply here if you have questions.' }) },
  'sample-missing': { draft: example({ samples: { 1: 'Anna' } }) },
  'sample-too-long': { draft: example({ samples: { 1: 'Anna', 2: '1'.repeat(256) } }) },
  'sample-unused': { draft: example({ samples: { 1: 'Anna', 2: '10234', 3: 'extra' } }) },
  'media-url-missing': { draft: example({ contentType: 'twilio/media' }) },
  'media-url-invalid': { draft: example({ contentType: 'twilio/media', mediaUrl: 'ftp://example.com/a.png' }) },
  'buttons-missing': { draft: example({ contentType: 'twilio/quick-reply', quickReplies: [] }) },
  'quick-replies-too-many': {
    draft: example({ contentType: 'twilio/quick-reply', quickReplies: Array.from({ length: 11 }, (_, index) => ({ title: `Option ${index + 1}` })) }),
  },
  'url-buttons-too-many': {
    draft: example({
      contentType: 'twilio/call-to-action',
      actions: ['a', 'b', 'c'].map((path) => ({ type: 'URL' as const, title: 'Open', url: `https://example.com/${path}` })),
    }),
  },
  'phone-buttons-too-many': {
    draft: example({
      contentType: 'twilio/call-to-action',
      actions: [
        { type: 'PHONE_NUMBER', title: 'Call sales', phone: '+14155550100' },
        { type: 'PHONE_NUMBER', title: 'Call support', phone: '+14155550101' },
      ],
    }),
  },
  'button-title-empty': { draft: example({ contentType: 'twilio/quick-reply', quickReplies: [{ title: '' }] }) },
  'button-title-too-long': { draft: example({ contentType: 'twilio/quick-reply', quickReplies: [{ title: 'Please call me back later this week' }] }) },
  'button-url-invalid': {
    draft: example({ contentType: 'twilio/call-to-action', actions: [{ type: 'URL', title: 'Track', url: 'example.com/track' }] }),
  },
  'url-variable-position': {
    draft: example({
      contentType: 'twilio/call-to-action',
      samples: { 1: 'Anna', 2: '10234', 3: 'abc' },
      actions: [{ type: 'URL', title: 'Track', url: 'https://example.com/{{3}}/track' }],
    }),
  },
  'button-phone-invalid': {
    draft: example({ contentType: 'twilio/call-to-action', actions: [{ type: 'PHONE_NUMBER', title: 'Call us', phone: '0701234567' }] }),
  },
};
