/**
 * The linter's vocabulary: what a template draft is, what the page tells the linter about the account,
 * the optional checkers it injects, and what comes back. Types only, plus the catalogue of rules with
 * their fixed severity and field, so the page and the message files can list every rule.
 */

export type TemplateCategory = 'marketing' | 'utility' | 'authentication';

/**
 * Twilio content types an author can pick. `whatsapp/authentication` is the only way to send a one-time
 * code: WhatsApp writes that template's text itself ("custom authentication templates aren't allowed",
 * twilio.com/docs/content/whatsappauthentication), so its draft body is ignored.
 */
export type TemplateContentType =
  | 'twilio/text'
  | 'twilio/media'
  | 'twilio/quick-reply'
  | 'twilio/call-to-action'
  | 'whatsapp/authentication';

export interface QuickReply {
  title: string;
}

export type CallToAction =
  | { type: 'URL'; title: string; url: string }
  | { type: 'PHONE_NUMBER'; title: string; phone: string };

export interface TemplateDraft {
  /** Becomes the WhatsApp template name. */
  friendlyName: string;
  /** BCP 47 or WhatsApp's spelling: 'en', 'sv', 'pt-BR' and 'pt_BR' are all understood. */
  language: string;
  category: TemplateCategory;
  contentType: TemplateContentType;
  body: string;
  /** A sample value per variable number ('1', '2', …), shown to WhatsApp's reviewers. */
  samples: Readonly<Record<string, string>>;
  mediaUrl?: string;
  quickReplies?: readonly QuickReply[];
  actions?: readonly CallToAction[];
}

/** A template already in the account (any approval status the page chooses to pass). */
export interface ExistingTemplate {
  name: string;
  language: string;
  body: string;
}

export interface LintContext {
  existingTemplates: readonly ExistingTemplate[];
}

/** Answers for the declared language only; the page builds one per language (see spelling.ts). */
export interface SpellChecker {
  /** The base language the dictionary is for ('en', 'sv', …). */
  readonly language: string;
  isCorrect(word: string): boolean;
}

export interface DetectedLanguage {
  /** ISO 639-1, e.g. 'sv'. */
  language: string;
  /** True only when the detector is sure enough for the linter to block on it. */
  confident: boolean;
}

export interface LanguageDetector {
  /** Null when the text is too short or too mixed to say anything. */
  detect(text: string): DetectedLanguage | null;
}

/** Optional and injected, so the rules stay synchronous and free of heavy dependencies. */
export interface LintCheckers {
  spelling?: SpellChecker;
  languageDetector?: LanguageDetector;
}

export type Severity = 'block' | 'warning';

export type LintField = 'friendlyName' | 'language' | 'category' | 'body' | 'samples' | 'mediaUrl' | 'buttons';

/** Offsets (UTF-16, as in JavaScript strings) in the text of the finding's field; end is exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  field: LintField;
  /** Null when the finding concerns the field as a whole. For buttons, offsets are in the button's URL. */
  range: TextRange | null;
  /** Interpolation values for the rule's message; `count` selects the plural form. */
  params: Readonly<Record<string, string | number>>;
}

/**
 * Every rule and its severity. Blocking rules are the ones WhatsApp documents as causes of rejection and
 * that the linter can see without guessing; heuristics and uncertain signals warn, so a good template is
 * never held back by them.
 */
export const RULES = {
  'name-empty': 'block',
  'name-invalid': 'block',
  'name-too-long': 'block',
  'name-taken': 'block',
  'language-invalid': 'block',
  'language-mismatch': 'block',
  'language-uncertain': 'warning',
  'authentication-needs-preset': 'block',
  'preset-needs-authentication': 'block',
  'body-empty': 'block',
  'body-too-long': 'block',
  'body-too-long-with-samples': 'warning',
  'line-breaks': 'block',
  'variable-malformed': 'block',
  'variable-at-start': 'block',
  'variable-at-end': 'block',
  'variables-adjacent': 'block',
  'variables-not-sequential': 'block',
  'variables-out-of-order': 'warning',
  'too-many-variables': 'block',
  vague: 'block',
  'body-too-short': 'warning',
  'information-missing': 'warning',
  'promotional-wording': 'block',
  'one-time-code-outside-authentication': 'block',
  'url-shortener': 'block',
  'duplicate-body': 'block',
  spelling: 'warning',
  'spelling-proper-noun': 'warning',
  'spelling-widespread': 'block',
  'repeated-word': 'warning',
  'sample-missing': 'block',
  'sample-too-long': 'block',
  'sample-unused': 'warning',
  'media-url-missing': 'block',
  'media-url-invalid': 'block',
  'buttons-missing': 'block',
  'quick-replies-too-many': 'block',
  'url-buttons-too-many': 'block',
  'phone-buttons-too-many': 'block',
  'button-title-empty': 'block',
  'button-title-too-long': 'block',
  'button-url-invalid': 'block',
  'url-variable-position': 'block',
  'button-phone-invalid': 'block',
} as const satisfies Record<string, Severity>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];
