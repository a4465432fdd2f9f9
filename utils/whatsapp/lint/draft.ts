/**
 * A draft read once for all rules: its language, the variables of its body, and every variable number
 * used anywhere (body, media URL, button URLs share Twilio's one set of variables).
 */
import { normalizeLanguage, type TemplateLanguage } from './language';
import { findPlaceholders, type Placeholder } from './text';
import { RULES, type Finding, type LintCheckers, type LintContext, type LintField, type RuleId, type TemplateDraft, type TextRange } from './types';

export interface ReadDraft {
  draft: TemplateDraft;
  context: LintContext;
  checkers: LintCheckers;
  language: TemplateLanguage | null;
  /** WhatsApp writes the body of `whatsapp/authentication` templates; the draft's body is not sent. */
  hasOwnBody: boolean;
  bodyPlaceholders: Placeholder[];
  /** Variable numbers used anywhere in the template, ascending, without repeats. */
  variableNumbers: number[];
}

export function readDraft(draft: TemplateDraft, context: LintContext, checkers: LintCheckers): ReadDraft {
  const hasOwnBody = draft.contentType !== 'whatsapp/authentication';
  const bodyPlaceholders = hasOwnBody ? findPlaceholders(draft.body) : [];
  const numbers = new Set(bodyPlaceholders.map((placeholder) => placeholder.number));
  for (const url of templateUrls(draft)) {
    for (const placeholder of findPlaceholders(url)) numbers.add(placeholder.number);
  }
  return {
    draft,
    context,
    checkers,
    language: normalizeLanguage(draft.language),
    hasOwnBody,
    bodyPlaceholders,
    variableNumbers: [...numbers].sort((a, b) => a - b),
  };
}

/** The URLs the template sends for its type: its media, or its URL buttons. */
export function templateUrls(draft: TemplateDraft): string[] {
  if (draft.contentType === 'twilio/media') return draft.mediaUrl === undefined ? [] : [draft.mediaUrl];
  if (draft.contentType === 'twilio/call-to-action') {
    return (draft.actions ?? []).flatMap((action) => (action.type === 'URL' ? [action.url] : []));
  }
  return [];
}

export function finding(
  rule: RuleId,
  field: LintField,
  range: TextRange | null = null,
  params: Record<string, string | number> = {},
): Finding {
  return { rule, severity: RULES[rule], field, range, params };
}
