/**
 * Template languages: authors and Twilio write them as BCP 47 ('pt-BR') or WhatsApp's way ('pt_BR');
 * the linter compares base languages, and Twilio's approval request wants WhatsApp's spelling.
 */

export interface TemplateLanguage {
  /** Canonical BCP 47, e.g. 'pt-BR'. */
  tag: string;
  /** ISO 639 base language, e.g. 'pt'; what dictionaries and detectors speak. */
  base: string;
  /** WhatsApp's code, e.g. 'pt_BR' (WhatsApp's supported-languages list writes regions after an underscore). */
  whatsapp: string;
}

export function normalizeLanguage(input: string): TemplateLanguage | null {
  const candidate = input.trim().replace(/_/gu, '-');
  if (candidate === '') return null;
  let tag: string;
  try {
    [tag = ''] = Intl.getCanonicalLocales(candidate);
  } catch {
    return null;
  }
  const [base = '', ...rest] = tag.split('-');
  // BCP 47 allows 5-8 letter registered languages ("english" parses), but no template language is one.
  if (!/^[a-z]{2,3}$/u.test(base)) return null;
  // WhatsApp names languages with a base and at most a region ('zh_CN', 'es_MX'); scripts and variants
  // have no template language of their own.
  const region = rest.find((part) => /^(?:[A-Z]{2}|\d{3})$/u.test(part));
  return { tag, base, whatsapp: region === undefined ? base : `${base}_${region}` };
}
