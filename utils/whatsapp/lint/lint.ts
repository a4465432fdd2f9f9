/**
 * The WhatsApp template linter: a pure, synchronous check of a draft against what gets templates rejected,
 * fast enough to run on every keystroke and again before submitting.
 *
 *   lintTemplate(draft: TemplateDraft, context: LintContext, checkers?: LintCheckers): Finding[]
 *   canSubmit(findings: readonly Finding[]): boolean
 *
 * - `context.existingTemplates` are the account's templates ({name, language, body}): a name is taken when
 *   reused in the same language, a body is a duplicate whatever its name.
 * - `checkers` are optional and injected: `spelling` (spelling.ts, nspell with the declared language's Hunspell
 *   dictionary) and `languageDetector` (language-detector.ts). Without them those rules are skipped, so this
 *   module and its rules import no dictionary or detector and load nothing heavy.
 * - Each finding has a stable `rule` id (types.ts `RULES`), a `severity` ('block' stops submission, 'warning'
 *   informs), the `field` it concerns, a `range` of UTF-16 offsets in that field's text (for buttons, in the
 *   button's URL, with `params.button` its 1-based position) or null for the whole field, and `params` for the
 *   rule's message in the `lint` i18n namespace (utils/i18n/locales/{en,sv}/lint.json, key `rules.<rule>`).
 * - Findings come in form order (name, language, category, body, samples, media, buttons), then by position.
 *
 * On the authoring page, run it where the checkers live: in a worker that has loaded the declared language's
 * dictionary, posting findings back (they are plain data).
 */
import { bodyRules, sampleRules } from './body-rules';
import { contentRules } from './content-rules';
import { readDraft } from './draft';
import { languageRules, spellingRules } from './language-rules';
import { buttonRules, categoryRules, languageFieldRules, mediaRules, nameRules } from './part-rules';
import type { Finding, LintCheckers, LintContext, LintField, TemplateDraft } from './types';

export type * from './types';
export { RULES, RULE_IDS } from './types';
export { normalizeLanguage, type TemplateLanguage } from './language';

const FIELD_ORDER: readonly LintField[] = ['friendlyName', 'language', 'category', 'body', 'samples', 'mediaUrl', 'buttons'];

export function lintTemplate(draft: TemplateDraft, context: LintContext, checkers: LintCheckers = {}): Finding[] {
  const read = readDraft(draft, context, checkers);
  const language = languageRules(read);
  return [
    ...nameRules(read),
    ...languageFieldRules(read),
    ...language.findings,
    ...categoryRules(read),
    ...bodyRules(read),
    ...contentRules(read, language.otherLanguage),
    ...spellingRules(read, language.otherLanguage),
    ...sampleRules(read),
    ...mediaRules(read),
    ...buttonRules(read),
  ].sort(byPosition);
}

export function canSubmit(findings: readonly Finding[]): boolean {
  return findings.every((finding) => finding.severity !== 'block');
}

function byPosition(a: Finding, b: Finding): number {
  return (
    FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field) ||
    Number(a.params.button ?? 0) - Number(b.params.button ?? 0) ||
    (a.range?.start ?? -1) - (b.range?.start ?? -1) ||
    (a.range?.end ?? -1) - (b.range?.end ?? -1) ||
    Number(a.params.variable ?? 0) - Number(b.params.variable ?? 0) ||
    Number(b.severity === 'block') - Number(a.severity === 'block') ||
    a.rule.localeCompare(b.rule)
  );
}
