/**
 * The lint namespace's message files (utils/i18n/locales/{en,sv}/lint.json): the same keys and placeholders in
 * both languages, a message for every rule, and placeholders that only name values the rule gives.
 */
import { RULE_EXAMPLES } from '@/tests/support/lint-examples';
import english from '@/utils/i18n/locales/en/lint.json';
import swedish from '@/utils/i18n/locales/sv/lint.json';
import { RULE_IDS, lintTemplate, type RuleId } from './lint';

type Messages = Record<string, unknown>;

function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') flat.set(`${prefix}${key}`, value);
    else for (const [inner, text] of flatten(value as Messages, `${prefix}${key}.`)) flat.set(inner, text);
  }
  return flat;
}

function placeholders(message: string): string[] {
  return [...message.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/gu)].map((match) => match[1] ?? '').sort();
}

const LOCALES = { en: flatten(english), sv: flatten(swedish) };
const PLURAL = /_(?:one|other)$/u;

function ruleKeys(messages: Map<string, string>, rule: RuleId): string[] {
  return [...messages.keys()].filter((key) => key.replace(PLURAL, '') === `rules.${rule}`);
}

describe('lint messages', () => {
  it('has the same keys, with the same placeholders, in English and Swedish', () => {
    expect([...LOCALES.sv.keys()].sort()).toEqual([...LOCALES.en.keys()].sort());
    for (const [key, message] of LOCALES.en) {
      expect({ key, placeholders: placeholders(LOCALES.sv.get(key) ?? '') }).toEqual({ key, placeholders: placeholders(message) });
    }
  });

  it('has a message for every rule, and none for rules that do not exist', () => {
    for (const [locale, messages] of Object.entries(LOCALES)) {
      for (const rule of RULE_IDS) {
        const keys = ruleKeys(messages, rule);
        const plural = keys.some((key) => PLURAL.test(key));
        expect({ locale, rule, keys: keys.sort() }).toEqual({
          locale,
          rule,
          keys: plural ? [`rules.${rule}_one`, `rules.${rule}_other`] : [`rules.${rule}`],
        });
      }
      const ruleMessages = [...messages.keys()].filter((key) => key.startsWith('rules.'));
      expect(ruleMessages.filter((key) => !(RULE_IDS as string[]).includes(key.slice('rules.'.length).replace(PLURAL, '')))).toEqual([]);
    }
  });

  it.each(RULE_IDS)('%s: its message names only values the rule gives, and is plural exactly when it counts', (rule) => {
    const { draft, context = { existingTemplates: [] }, checkers } = RULE_EXAMPLES[rule];
    const given = new Set(lintTemplate(draft, context, checkers).filter((finding) => finding.rule === rule).flatMap((finding) => Object.keys(finding.params)));
    for (const messages of Object.values(LOCALES)) {
      const keys = ruleKeys(messages, rule);
      expect(keys.some((key) => PLURAL.test(key))).toBe(given.has('count'));
      for (const key of keys) {
        expect({ key, unknown: placeholders(messages.get(key) ?? '').filter((name) => !given.has(name)) }).toEqual({ key, unknown: [] });
      }
    }
  });

  it('offers summary, severity and field labels for the editor', () => {
    for (const messages of Object.values(LOCALES)) {
      for (const key of ['severity.block', 'severity.warning', 'summary.blocking_one', 'summary.blocking_other', 'summary.clear', 'field.body', 'field.buttons']) {
        expect(messages.get(key)).toBeTruthy();
      }
    }
  });
});
