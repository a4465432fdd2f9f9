/**
 * The example templates of tests/fixtures/templates, linted with the real Hunspell dictionaries (read from
 * node_modules) and the real language detector: every fixture's findings exactly as expected, every bad
 * template blocked, no good one blocked. Also reports what the authoring page will care about: dictionary
 * load time and memory per language, and the time to lint a full-length body (reported, never asserted).
 */
import { ACCOUNT_TEMPLATES, TEMPLATE_FIXTURES, type ExpectedFinding, type TemplateFixture } from '@/tests/fixtures/templates';
import { readDictionary } from './dictionary-assets';
import { SPELLING_LANGUAGES, isSpellingLanguage, type SpellingLanguage } from './dictionaries';
import { createLanguageDetector } from './language-detector';
import { canSubmit, lintTemplate, normalizeLanguage, type Finding, type LintCheckers, type TemplateDraft, type TextRange } from './lint';
import { createSpellChecker, type NspellChecker } from './spelling';

const languageDetector = createLanguageDetector();
const spellCheckers = new Map<SpellingLanguage, NspellChecker>();
const loading: string[] = [];
const outcomes = new Map<string, boolean>();

beforeAll(() => {
  for (const language of SPELLING_LANGUAGES) {
    globalThis.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    spellCheckers.set(language, createSpellChecker(readDictionary(language), language));
    const ms = performance.now() - started;
    globalThis.gc?.();
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    loading.push(`${language} ${Math.round(ms)} ms, +${heapMb.toFixed(0)} MB heap`);
  }
}, 120_000);

afterAll(() => {
  const verdicts = TEMPLATE_FIXTURES.filter((fixture) => outcomes.has(fixture.id));
  const bad = verdicts.filter((fixture) => fixture.verdict === 'bad');
  const good = verdicts.filter((fixture) => fixture.verdict === 'good');
  const badBlocked = bad.filter((fixture) => outcomes.get(fixture.id) === false).length;
  const goodBlocked = good.filter((fixture) => outcomes.get(fixture.id) === false).length;
  console.warn(
    `Template lint fixtures: ${badBlocked} of ${bad.length} bad templates blocked, ` +
      `${goodBlocked} of ${good.length} good templates wrongly blocked.\n` +
      `Dictionary load (parse, heap; the page loads only the declared language's): ${loading.join('; ')}.`,
  );
});

function checkersFor(draft: TemplateDraft): LintCheckers {
  const base = normalizeLanguage(draft.language)?.base ?? '';
  const spelling = isSpellingLanguage(base) ? spellCheckers.get(base) : undefined;
  return spelling === undefined ? { languageDetector } : { spelling, languageDetector };
}

describe('template fixtures', () => {
  it('has at least 40 templates, 6 per language, good and bad', () => {
    expect(TEMPLATE_FIXTURES.length).toBeGreaterThanOrEqual(40);
    for (const prefix of ['en-', 'sv-', 'de-', 'es-']) {
      const ofLanguage = TEMPLATE_FIXTURES.filter((fixture) => fixture.id.startsWith(prefix));
      expect(ofLanguage.length).toBeGreaterThanOrEqual(6);
      expect(new Set(ofLanguage.map((fixture) => fixture.verdict))).toEqual(new Set(['good', 'bad']));
    }
    expect(new Set(TEMPLATE_FIXTURES.map((fixture) => fixture.id)).size).toBe(TEMPLATE_FIXTURES.length);
  });

  it.each(TEMPLATE_FIXTURES.map((fixture) => [fixture.id, fixture] as const))('%s', (_, fixture) => {
    const findings = lintTemplate(fixture.draft, { existingTemplates: ACCOUNT_TEMPLATES }, checkersFor(fixture.draft));
    outcomes.set(fixture.id, canSubmit(findings));
    expect(compare(fixture, findings)).toEqual({ missing: [], unexpected: [] });
    expect(canSubmit(findings)).toBe(fixture.verdict === 'good');
  });
});

describe('speed while typing', () => {
  it('lints a 1,024-character body with spelling and detection in well under a frame', () => {
    const body = `Hej {{1}}, tack för att du valde oss. ${'Vi har tagit emot din beställning och skickar orderbekräftelsen med leveransdatum, fakturanummer och kontaktuppgifter till din e-post i dag. '.repeat(7)}`
      .slice(0, 1000)
      .concat(' Hälsningar, Karin');
    const draft: TemplateDraft = {
      friendlyName: 'orderbekraftelse_lang',
      language: 'sv',
      category: 'utility',
      contentType: 'twilio/text',
      body,
      samples: { 1: 'Anna' },
    };
    const checkers = checkersFor(draft);
    const times: number[] = [];
    // Each run lints the body as one more keystroke left it.
    for (let run = 0; run < 200; run += 1) {
      const started = performance.now();
      lintTemplate({ ...draft, body: body.slice(0, 1000 + (run % 19)) }, { existingTemplates: ACCOUNT_TEMPLATES }, checkers);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (share: number) => (times[Math.min(times.length - 1, Math.floor(share * times.length))] ?? 0).toFixed(2);
    console.warn(
      `Lint of a ${body.length}-character Swedish body with spelling and language detection, 200 keystrokes: ` +
        `median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (the max is garbage collection over the dictionary's heap).`,
    );
    expect(body.length).toBeGreaterThan(1000);
  });
});

/** Findings the fixture expects but the linter did not give, and findings it gave that the fixture does not expect. */
function compare(fixture: TemplateFixture, findings: readonly Finding[]): { missing: ExpectedFinding[]; unexpected: object[] } {
  const unmatched = [...findings];
  const missing: ExpectedFinding[] = [];
  for (const expected of fixture.expected) {
    const index = unmatched.findIndex((finding) => matches(fixture.draft, expected, finding));
    if (index === -1) missing.push(expected);
    else unmatched.splice(index, 1);
  }
  return {
    missing,
    unexpected: unmatched.map((finding) => ({ ...finding, text: finding.range && fieldText(fixture.draft, finding).slice(finding.range.start, finding.range.end) })),
  };
}

function matches(draft: TemplateDraft, expected: ExpectedFinding, finding: Finding): boolean {
  if (finding.rule !== expected.rule || finding.severity !== expected.severity) return false;
  if (expected.field !== undefined && finding.field !== expected.field) return false;
  if (expected.params !== undefined && Object.entries(expected.params).some(([key, value]) => finding.params[key] !== value)) return false;
  if (expected.at === undefined) return true;
  return sameRange(finding.range, rangeOf(fieldText(draft, finding), expected.at, expected.occurrence ?? 1));
}

function fieldText(draft: TemplateDraft, finding: Finding): string {
  switch (finding.field) {
    case 'body':
      return draft.body;
    case 'friendlyName':
      return draft.friendlyName;
    case 'mediaUrl':
      return draft.mediaUrl ?? '';
    case 'buttons': {
      const action = draft.actions?.[Number(finding.params.button) - 1];
      return action?.type === 'URL' ? action.url : '';
    }
    default:
      return '';
  }
}

function rangeOf(text: string, at: string, occurrence: number): TextRange | null {
  let start = -1;
  for (let seen = 0; seen < occurrence; seen += 1) {
    start = text.indexOf(at, start + 1);
    if (start === -1) return null;
  }
  return { start, end: start + at.length };
}

function sameRange(a: TextRange | null, b: TextRange | null): boolean {
  return a !== null && b !== null && a.start === b.start && a.end === b.end;
}
