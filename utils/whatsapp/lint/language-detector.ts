/**
 * The LanguageDetector the authoring page injects: eld (Efficient Language Detector), its extra-small
 * database (60 languages; 278 KB gzip, about 30 MB of heap, 0.2 s to load). Chosen over franc-min and tinyld by
 * measurement on our templates and on short CRM phrases (README.md beside this file).
 *
 * eld calls even four-word phrases "reliable", and it confuses Swedish, Norwegian and Danish on short texts, so the
 * linter's own gate decides when a detection may block: at least six words of prose and a clear lead over the
 * runner-up. Below that the guess is still returned, unconfident, and the linter only warns.
 */
import { eld } from 'eld/extrasmall';
import type { DetectedLanguage, LanguageDetector } from './types';

export const MIN_CONFIDENT_WORDS = 6;
export const MIN_CONFIDENT_LEAD = 0.08;

export function createLanguageDetector(): LanguageDetector {
  return {
    detect(text: string): DetectedLanguage | null {
      const result = eld.detect(text);
      if (result.language === '') return null;
      const [best = 0, runnerUp = 0] = Object.values(result.getScores()).sort((a, b) => b - a);
      const words = text.split(/\s+/u).filter((word) => /\p{L}/u.test(word)).length;
      return {
        language: result.language,
        confident: result.isReliable() && words >= MIN_CONFIDENT_WORDS && best - runnerUp >= MIN_CONFIDENT_LEAD,
      };
    },
  };
}
