import { generateTemplates, template } from '@/tests/support/templates';
import type { TemplateView } from '@/utils/messaging/views';
import { compareTemplates, sortTemplates } from './order';
import { createTemplateIndex, foldText } from './search';
import { isSendable, templateStatus } from './status';

const names = (templates: TemplateView[]) => templates.map((t) => t.friendlyName);

describe('foldText', () => {
  it.each([
    ['Malmö', 'malmo'],
    ['Grüße', 'grusse'],
    ['GRÜẞE', 'grusse'],
    ['Señor Muñoz', 'senor munoz'],
    ['Ærøskøbing', 'aeroskobing'],
    ['Œuvre', 'oeuvre'],
    ['Łódź', 'lodz'],
    ['Đorđe', 'dorde'],
    ['İstanbul', 'istanbul'],
    ['Crème brûlée', 'creme brulee'],
  ])('folds %s to %s', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });

  it('reads underscores, dashes and runs of white space as one space', () => {
    expect(foldText('  order_update--v2 \n final ')).toBe('order update v2 final');
  });
});

describe('createTemplateIndex', () => {
  const malmo = template({ friendlyName: 'Välkommen till Malmö', language: 'sv', body: 'Hej {{1}}!' });
  const grusse = template({ friendlyName: 'Grüße aus Köln', language: 'de', body: 'Hallo {{1}}', category: 'marketing' });
  const senor = template({ friendlyName: 'Bienvenida', language: 'es', body: 'Estimado Señor {{1}}, gracias.' });
  const order = template({ friendlyName: 'order_update', body: 'Your order {{1}} has shipped.' });
  const pending = template({ friendlyName: 'Autumn offer', approvalStatus: 'received', category: 'marketing' });
  const rejected = template({ friendlyName: 'Big discount', approvalStatus: 'rejected', rejectionReason: 'Promotional.' });
  const quickReply = template({
    friendlyName: 'Demo follow-up',
    types: ['twilio/text', 'twilio/quick-reply'],
    category: 'marketing',
    body: 'Did you like the demo?',
  });
  const all = [rejected, pending, malmo, grusse, senor, order, quickReply];
  const index = createTemplateIndex(all);

  it.each([
    ['malmo', malmo],
    ['MALMÖ', malmo],
    ['grusse', grusse],
    ['grüsse', grusse],
    ['senor', senor],
    ['Señor', senor],
  ])('finds names and bodies without their accents: %s', (query, expected) => {
    expect(index.search(query)).toEqual([expected]);
  });

  it('finds a template only when every word of the query is in its name or text, in any order', () => {
    expect(index.search('shipped order')).toEqual([order]);
    expect(index.search('order update')).toEqual([order]);
    expect(index.search('order cancelled')).toEqual([]);
  });

  it('lists everything, sendable first and then by name, for an empty query', () => {
    expect(names(index.search('  '))).toEqual([
      'Bienvenida',
      'Demo follow-up',
      'Grüße aus Köln',
      'order_update',
      'Välkommen till Malmö',
      'Autumn offer',
      'Big discount',
    ]);
  });

  it('filters by status, counting Twilio’s "received" as pending', () => {
    expect(index.search('', { status: 'pending' })).toEqual([pending]);
    expect(index.search('', { status: 'rejected' })).toEqual([rejected]);
    expect(index.search('', { status: 'paused' })).toEqual([]);
  });

  it('filters by category, language and type, a type matching among several', () => {
    expect(names(index.search('', { category: 'marketing' }))).toEqual(['Demo follow-up', 'Grüße aus Köln', 'Autumn offer']);
    expect(index.search('', { language: 'es' })).toEqual([senor]);
    expect(index.search('', { type: 'twilio/quick-reply' })).toEqual([quickReply]);
    expect(index.search('', { type: 'twilio/text' })).toHaveLength(all.length);
  });

  it('combines the query with every filter, null meaning any', () => {
    expect(index.search('o', { category: 'marketing', status: 'approved', language: null })).toEqual([quickReply, grusse]);
    expect(index.search('koln', { category: 'marketing', language: 'de', type: 'twilio/text', status: 'approved' })).toEqual([grusse]);
    expect(index.search('koln', { language: 'sv' })).toEqual([]);
  });

  it('offers as filters only the values present', () => {
    expect(index.facets).toEqual({
      statuses: ['approved', 'pending', 'rejected'],
      categories: ['marketing', 'utility'],
      languages: ['de', 'en', 'es', 'sv'],
      types: ['twilio/quick-reply', 'twilio/text'],
    });
    expect(index.size).toBe(all.length);
  });

  it('leaves the list it was given as it was', () => {
    const given = [...all];
    createTemplateIndex(given).search('');
    expect(given).toEqual(all);
  });
});

describe('ordering', () => {
  it('puts sendable templates first, then sorts names numerically, keeping equal ones in their order', () => {
    const first = template({ friendlyName: 'Offer 10' });
    const twin = template({ friendlyName: 'offer 10' });
    const second = template({ friendlyName: 'Offer 2' });
    const paused = template({ friendlyName: 'A paused one', approvalStatus: 'paused' });
    expect(sortTemplates([paused, first, twin, second])).toEqual([second, first, twin, paused]);
    expect(compareTemplates(first, twin)).toBe(0);
  });

  it('counts only approved templates as sendable', () => {
    expect(isSendable(template({ approvalStatus: 'approved' }))).toBe(true);
    for (const approvalStatus of ['pending', 'received', 'rejected', 'paused', 'disabled', 'unsubmitted', 'unknown'] as const) {
      expect(isSendable(template({ approvalStatus }))).toBe(false);
    }
  });
});

describe('with 6,000 templates', () => {
  const templates = generateTemplates(6_000);
  const index = createTemplateIndex(templates);

  // The straightforward way, to check the index against.
  const naive = (query: string, language: string | null = null) => {
    const words = foldText(query).split(' ').filter(Boolean);
    return sortTemplates(templates).filter(
      (t) =>
        (language === null || t.language === language) &&
        words.every((word) => foldText(`${t.friendlyName} ${t.body}`).includes(word)),
    );
  };

  it('finds what a plain scan finds, in the same order', () => {
    for (const query of ['', 'malmo', 'grusse munchen', 'senor', 'order 12', 'ihre rechnung']) {
      expect(index.search(query)).toEqual(naive(query));
    }
    expect(index.search('termin', { language: 'de' })).toEqual(naive('termin', 'de'));
    expect(index.search('grusse').length).toBeGreaterThan(0);
    expect(index.search('', { status: 'pending' }).every((t) => templateStatus(t.approvalStatus) === 'pending')).toBe(true);
  });

  it('finds what a plain scan finds as a query is typed, corrected, reordered and filtered, whatever came before', () => {
    const steps: [query: string, language: string | null][] = [
      ['g', null],
      ['gr', null],
      ['gru', null],
      ['grus', null],
      // Backspace: more than the last keystroke found.
      ['gru', null],
      ['gru m', null],
      ['gru mu', null],
      ['mu gru', null],
      ['mu', null],
      ['o', null],
      ['o', 'sv'],
      // The filter let go while the query narrows: templates the filter had left out come back.
      ['or', null],
      ['invoice', null],
      ['', null],
    ];
    const typedInto = createTemplateIndex(templates);
    for (const [query, language] of steps) {
      expect(names(typedInto.search(query, { language })), `“${query}” in ${language ?? 'any language'}`).toEqual(names(naive(query, language)));
    }
  });

  it('answers each keystroke within a frame (reported, not asserted: machines differ)', () => {
    const keystrokes = ['m', 'ma', 'mal', 'malm', 'malmo', 'g', 'gr', 'gru', 'grus', 'gruss', 'grusse', 'o', 'or', 'ord', 'order', 'order u'];
    const filters = [{}, { status: 'approved' as const }, { language: 'de', type: 'twilio/quick-reply' }];
    const times: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      for (const query of keystrokes) {
        for (const filter of filters) {
          const start = performance.now();
          index.search(query, filter);
          times.push(performance.now() - start);
        }
      }
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? 0;
    const slowest = times.at(-1) ?? 0;
    const buildStart = performance.now();
    createTemplateIndex(templates);
    const build = performance.now() - buildStart;
    console.warn(
      `Template search over ${index.size} templates: median ${median.toFixed(2)} ms, slowest ${slowest.toFixed(2)} ms per keystroke ` +
        `(${times.length} searches); building the index took ${build.toFixed(1)} ms.`,
    );
    expect(times).toHaveLength(keystrokes.length * filters.length * 5);
  });
});
