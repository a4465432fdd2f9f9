import { RULE_EXAMPLES, SMALL_ENGLISH, detectorSaying, example } from '@/tests/support/lint-examples';
import { RULES, RULE_IDS, canSubmit, lintTemplate, type Finding, type LintCheckers, type LintContext, type TemplateDraft } from './lint';

const NO_TEMPLATES: LintContext = { existingTemplates: [] };

function lint(draft: TemplateDraft, checkers: LintCheckers = {}, context: LintContext = NO_TEMPLATES): Finding[] {
  return lintTemplate(draft, context, checkers);
}

function rules(findings: readonly Finding[]): string[] {
  return findings.map((finding) => finding.rule);
}

/** The text each finding highlights, in the body. */
function highlighted(draft: TemplateDraft, findings: readonly Finding[]): (string | null)[] {
  return findings.map((finding) => finding.range && draft.body.slice(finding.range.start, finding.range.end));
}

describe('lintTemplate', () => {
  it('finds nothing in a clear utility template', () => {
    expect(lint(example({}), { spelling: SMALL_ENGLISH, languageDetector: detectorSaying('en', true) })).toEqual([]);
  });

  it.each(RULE_IDS)('reports %s, with its severity, on its example', (rule) => {
    const { draft, context = NO_TEMPLATES, checkers } = RULE_EXAMPLES[rule];
    const found = lint(draft, checkers, context).filter((finding) => finding.rule === rule);
    expect(found.length).toBeGreaterThan(0);
    for (const finding of found) expect(finding.severity).toBe(RULES[rule]);
  });

  it('highlights the variable at the start and at the end, past whitespace and formatting marks', () => {
    const draft = example({ body: ' *{{1}}*, your order has shipped and will arrive on _{{2}}_ \n' });
    const findings = lint(draft).filter((finding) => finding.rule.startsWith('variable-at'));
    expect(rules(findings)).toEqual(['variable-at-start', 'variable-at-end']);
    expect(highlighted(draft, findings)).toEqual(['{{1}}', '{{2}}']);
    expect(findings.map((finding) => finding.params.variable)).toEqual([1, 2]);
  });

  it('counts variables separated only by spaces or punctuation as adjacent, not ones with words between', () => {
    const adjacent = example({ body: 'Hi {{1}}, your order {{2}} – {{3}} has shipped and will arrive soon.', samples: { 1: 'A', 2: 'B', 3: 'C' } });
    expect(highlighted(adjacent, lint(adjacent).filter((finding) => finding.rule === 'variables-adjacent'))).toEqual(['{{2}} – {{3}}']);
    const apart = example({ body: 'Hi {{1}}, your order {{2}} and {{3}} have shipped and will arrive soon.', samples: { 1: 'A', 2: 'B', 3: 'C' } });
    expect(rules(lint(apart))).not.toContain('variables-adjacent');
  });

  it('names every missing variable number, counting those in button URLs', () => {
    const draft = example({
      contentType: 'twilio/call-to-action',
      body: 'Hi {{1}}, your order {{4}} has shipped and will arrive on Friday. Reply here if you have questions.',
      samples: { 1: 'A', 4: 'B', 5: 'c' },
      actions: [{ type: 'URL', title: 'Track', url: 'https://example.com/track/{{5}}' }],
    });
    const [gap] = lint(draft).filter((finding) => finding.rule === 'variables-not-sequential');
    expect(gap?.params).toEqual({ missing: '2, 3', count: 2 });
    expect(highlighted(draft, gap === undefined ? [] : [gap])).toEqual(['{{4}}']);
  });

  it('needs 2n + 1 words around n variables', () => {
    const words = (count: number) => Array.from({ length: count }, (_, index) => `word${'s'.repeat(index)}`).join(' ');
    const draft = (text: string) => example({ body: `Hi {{1}} ${text} {{2}} and {{3}} end.`, samples: { 1: 'A', 2: 'B', 3: 'C' } });
    // "Hi", "and", "end." plus the filler: three variables need seven words.
    expect(rules(lint(draft(words(4))))).not.toContain('too-many-variables');
    expect(lint(draft(words(3))).find((finding) => finding.rule === 'too-many-variables')?.params).toEqual({ variables: 3, words: 6, needed: 7 });
  });

  it('allows one empty line between paragraphs but not two, whatever spaces stand on them', () => {
    expect(rules(lint(example({ body: 'Hi {{1}}, your order {{2}} has shipped.\n\nReply here if you have questions.' })))).toEqual([]);
    const draft = example({ body: 'Hi {{1}}, your order {{2}} has shipped.\n \n\t\nReply here if you have questions.' });
    expect(highlighted(draft, lint(draft))).toEqual(['\n \n\t\n']);
  });

  it('calls a body of greetings and variables vague in the declared language', () => {
    expect(rules(lint(example({ language: 'sv', body: 'Hej {{1}}! Tack, vänliga hälsningar {{2}}.' })))).toContain('vague');
    expect(rules(lint(example({ language: 'de', body: 'Hallo {{1}}, vielen Dank und viele Grüße, {{2}}.' })))).toContain('vague');
    expect(rules(lint(example({ language: 'es', body: 'Hola {{1}}, muchas gracias. Saludos, {{2}}.' })))).toContain('vague');
    expect(rules(lint(example({ body: 'Hi {{1}}, thank you for your payment. Regards, {{2}}.' })))).not.toContain('vague');
  });

  it('finds promotional wording in utility and authentication text only, and one-time codes outside authentication', () => {
    const promotional = 'Hi {{1}}, your order {{2}} has shipped. Use code SUMMER for 10% discount on the next one!';
    const utility = example({ body: promotional });
    expect(highlighted(utility, lint(utility).filter((finding) => finding.rule === 'promotional-wording'))).toEqual(['discount']);
    expect(rules(lint(example({ category: 'marketing', body: promotional })))).not.toContain('promotional-wording');
    const swedish = example({ language: 'sv', body: 'Hej {{1}}, din order {{2}} har skickats. Passa på att handla med sommarrabatt!' });
    expect(highlighted(swedish, lint(swedish).filter((finding) => finding.rule === 'promotional-wording'))).toEqual(['Passa på', 'sommarrabatt']);
    const everyday = example({ body: 'Hi {{1}}, your point of sale terminal {{2}} has shipped. There is no hurry, reply when it suits you.' });
    expect(rules(lint(everyday))).toEqual([]);
    const code = example({ category: 'marketing', language: 'de', body: 'Hallo {{1}}, Ihr Bestätigungscode lautet {{2}} und gilt zehn Minuten.' });
    expect(highlighted(code, lint(code).filter((finding) => finding.rule === 'one-time-code-outside-authentication'))).toEqual(['Bestätigungscode']);
  });

  it('takes a name only in the same language, and a body whatever its name, case and spacing', () => {
    const swedish = { name: 'order_shipped', language: 'sv', body: 'Hej {{1}}, din order har skickats.' };
    const existing: LintContext = { existingTemplates: [swedish] };
    expect(rules(lint(example({}), {}, existing))).not.toContain('name-taken');
    expect(rules(lint(example({ language: 'sv_SE' }), {}, { existingTemplates: [{ ...swedish, language: 'sv-SE' }] }))).toContain('name-taken');
    const twin = lint(example({ friendlyName: 'new_name', body: 'HEJ {{1}},\n din  ORDER har skickats.' }), {}, existing).find((finding) => finding.rule === 'duplicate-body');
    expect(twin?.params).toEqual({ name: 'order_shipped' });
  });

  it('suggests a name WhatsApp accepts and highlights the first character it refuses', () => {
    const draft = example({ friendlyName: 'orderBekräftelse – Växjö' });
    const [finding] = lint(draft);
    expect(finding).toMatchObject({ rule: 'name-invalid', range: { start: 5, end: 6 }, params: { suggestion: 'orderbekraftelse_vaxjo' } });
  });

  it('accepts a URL variable only as the path suffix, and highlights it in the URL', () => {
    const url = (address: string): TemplateDraft =>
      example({ contentType: 'twilio/call-to-action', samples: { 1: 'A', 2: 'B', 3: 'x' }, actions: [{ type: 'URL', title: 'Open', url: address }] });
    expect(rules(lint(url('https://example.com/orders/{{3}}')))).toEqual([]);
    expect(rules(lint(url('https://example.com/?id={{3}}')))).toEqual([]);
    expect(lint(url('https://example.com/{{3}}/track'))).toEqual([
      { rule: 'url-variable-position', severity: 'block', field: 'buttons', range: { start: 20, end: 25 }, params: { button: 1, variable: 3 } },
    ]);
    expect(rules(lint(url('https://{{3}}.example.com/orders')))).toEqual(['url-variable-position']);
    expect(rules(lint(url('https://example.com/{{3}}{{4}}')))).toContain('url-variable-position');
  });

  it('checks the media URL of media templates only', () => {
    expect(rules(lint(example({ contentType: 'twilio/media', mediaUrl: 'https://cdn.example.com/{{3}}', samples: { 1: 'A', 2: 'B', 3: 'x.png' } })))).toEqual([]);
    expect(lint(example({ contentType: 'twilio/media', mediaUrl: 'https://cdn.example.com/{{3}}/x.png', samples: { 1: 'A', 2: 'B', 3: 'x' } }))).toMatchObject([
      { rule: 'url-variable-position', field: 'mediaUrl' },
    ]);
    expect(rules(lint(example({ mediaUrl: 'not a url' })))).toEqual([]);
  });

  it('lints no body for the one-time code type, whose text WhatsApp writes', () => {
    expect(lint(example({ category: 'authentication', contentType: 'whatsapp/authentication', body: '', samples: {} }), { spelling: SMALL_ENGLISH })).toEqual([]);
  });

  it('counts the body limit in characters, so an emoji is one, and highlights what is over it', () => {
    const ending = ' Reply here if you have questions. 🙂';
    const fits = `Hi {{1}}, your order {{2}} has shipped.${' Thanks.'.repeat(120)}`.slice(0, 1024 - Array.from(ending).length) + ending;
    expect(Array.from(fits)).toHaveLength(1024);
    expect(rules(lint(example({ body: fits })))).not.toContain('body-too-long');
    const over = `${fits}!`;
    const [finding] = lint(example({ body: over })).filter((each) => each.rule === 'body-too-long');
    expect(finding?.range).toEqual({ start: over.length - 1, end: over.length });
    expect(finding?.params).toEqual({ length: 1025, max: 1024 });
  });

  it('blocks on a confident language mismatch and then does not spell-check against the declared language', () => {
    const draft = example({ body: 'Hi {{1}}, yuor ordr {{2}} has shiped and will arive on Friday. Reply here if you have questions.' });
    const confident = lint(draft, { spelling: SMALL_ENGLISH, languageDetector: detectorSaying('de', true) });
    expect(confident[0]).toMatchObject({ rule: 'language-mismatch', params: { detected: 'de', declared: 'en' } });
    expect(rules(confident).filter((rule) => rule.startsWith('spelling'))).toEqual([]);
    const unsure = lint(draft, { spelling: SMALL_ENGLISH, languageDetector: detectorSaying('de', false) });
    expect(rules(unsure)).toContain('language-uncertain');
    expect(rules(unsure)).toContain('spelling-widespread');
  });

  it('treats Norwegian Bokmål as the detector’s Norwegian', () => {
    expect(lint(example({ language: 'nb', body: 'Hei {{1}}, bestillingen {{2}} er sendt og kommer på fredag.' }), { languageDetector: detectorSaying('no', true) })).toEqual([]);
  });

  it('warns about a capitalised unknown word inside a sentence as a possible name, not a misspelling', () => {
    const draft = RULE_EXAMPLES['spelling-proper-noun'].draft;
    const findings = lint(draft, { spelling: SMALL_ENGLISH });
    expect(rules(findings)).toEqual(['spelling-proper-noun']);
    expect(highlighted(draft, findings)).toEqual(['Northwind']);
  });

  it('does not spell-check variables, links, addresses, numbers or acronyms', () => {
    const draft = example({ body: 'Hi {{1}}, your order {{2}} has shipped: track it at https://shop.example.com/o/xq or mail help@exmple.com about CRM 2025.' });
    const findings = lint(draft, { spelling: SMALL_ENGLISH });
    expect(rules(findings)).toEqual(['spelling', 'spelling']);
    expect(highlighted(draft, findings)).toEqual(['track', 'mail']);
  });

  it('sorts findings in form order, then by position', () => {
    const findings = lint(example({ friendlyName: 'Bad Name', body: '{{1}}, order {{3}} shipped {{2}}', samples: {} }));
    expect(findings.map((finding) => `${finding.field}:${finding.rule}`)).toEqual([
      'friendlyName:name-invalid',
      'body:too-many-variables',
      'body:body-too-short',
      'body:variable-at-start',
      'body:variables-out-of-order',
      'body:variable-at-end',
      'samples:sample-missing',
      'samples:sample-missing',
      'samples:sample-missing',
    ]);
  });
});

describe('canSubmit', () => {
  it('is true when nothing blocks, warnings or not', () => {
    expect(canSubmit([])).toBe(true);
    expect(canSubmit(lint(RULE_EXAMPLES['information-missing'].draft))).toBe(true);
    expect(canSubmit(lint(RULE_EXAMPLES['variable-at-end'].draft))).toBe(false);
  });
});
