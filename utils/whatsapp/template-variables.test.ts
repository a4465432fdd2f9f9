import type { DealContext, TemplateView } from '@/utils/messaging/views';
import { dealFieldValue, emptyVariables, initialValues, overlongVariables, resolveMapping, suggestMapping, templateSegments } from './template-variables';

const deal: DealContext = {
  dealId: '42',
  title: 'Solar panels for HQ',
  value: 12500,
  currency: 'EUR',
  organizationName: 'Malmö Energi AB',
  ownerName: 'Sara Lind',
  person: { name: 'Jürgen Muñoz', firstName: 'Jürgen', lastName: 'Muñoz' },
  phones: [{ raw: '+46701234567', e164: '+46701234567', display: '+46 70 123 45 67', label: 'mobile', primary: true }],
  source: 'api',
  notice: null,
};

function template(variables: string[], sampleValues: Record<string, string> = {}): TemplateView {
  return {
    sid: `HX${'0'.repeat(32)}`,
    friendlyName: 'test',
    language: 'en',
    category: 'utility',
    approvalStatus: 'approved',
    rejectionReason: null,
    types: ['twilio/text'],
    body: variables.map((v) => `{{${v}}}`).join(' and '),
    variables,
    sampleValues,
    details: {},
    updatedAt: 0,
  };
}

describe('dealFieldValue', () => {
  it('reads each field from the deal', () => {
    expect(dealFieldValue('person.firstName', deal)).toBe('Jürgen');
    expect(dealFieldValue('person.name', deal)).toBe('Jürgen Muñoz');
    expect(dealFieldValue('deal.title', deal)).toBe('Solar panels for HQ');
    expect(dealFieldValue('organization.name', deal)).toBe('Malmö Energi AB');
    expect(dealFieldValue('owner.name', deal)).toBe('Sara Lind');
    expect(dealFieldValue('manual', deal)).toBe('');
  });

  it('formats the value with its currency in the given locale', () => {
    expect(dealFieldValue('deal.value', deal, 'en-US')).toBe('€12,500');
    expect(dealFieldValue('deal.value', deal, 'sv-SE')).toBe('12\u00a0500\u00a0€');
    expect(dealFieldValue('deal.value', { ...deal, value: 1999.5, currency: 'usd' }, 'en-US')).toBe('$1,999.50');
    expect(dealFieldValue('deal.value', { ...deal, currency: null }, 'en-US')).toBe('12,500');
    expect(dealFieldValue('deal.value', { ...deal, value: null }, 'en-US')).toBe('');
  });

  it('still tells the amount for a currency Intl does not know', () => {
    expect(dealFieldValue('deal.value', { ...deal, currency: 'TOKENS' }, 'en-US')).toBe('12,500 TOKENS');
  });

  it('takes a one-word name as the first name', () => {
    expect(dealFieldValue('person.firstName', { ...deal, person: { name: 'Cher', firstName: null, lastName: null } })).toBe('Cher');
  });

  it('builds the full name from its parts when the CRM gave none', () => {
    expect(dealFieldValue('person.name', { ...deal, person: { name: null, firstName: 'Ana', lastName: 'Ruiz' } })).toBe('Ana Ruiz');
  });

  it('is empty when the deal has no such data', () => {
    const bare: DealContext = { ...deal, person: null, organizationName: '  ', ownerName: null, title: null };
    expect(dealFieldValue('person.firstName', bare)).toBe('');
    expect(dealFieldValue('organization.name', bare)).toBe('');
    expect(dealFieldValue('deal.title', bare)).toBe('');
  });
});

describe('suggestMapping', () => {
  it.each([
    ['first_name', 'person.firstName'],
    ['Customer_Name', 'person.firstName'],
    ['firstName', 'person.firstName'],
    ['John', 'person.firstName'],
    ['full name', 'person.name'],
    ['company', 'organization.name'],
    ['org', 'organization.name'],
    ['company_name', 'organization.name'],
    ['deal', 'deal.title'],
    ['Order number', 'deal.title'],
    ['title', 'deal.title'],
    ['amount', 'deal.value'],
    ['deal_value', 'deal.value'],
    ['price', 'deal.value'],
    ['€1,200', 'deal.value'],
    ['agent', 'owner.name'],
    ['owner', 'owner.name'],
    ['Your rep', 'owner.name'],
  ])('guesses %s as %s', (sample, field) => {
    expect(suggestMapping(template(['2'], { '2': sample }), deal)).toEqual({ '2': field });
  });

  it('does not mistake words that merely contain a keyword', () => {
    expect(suggestMapping(template(['1', '2'], { '2': 'report' }), deal)['2']).toBe('manual');
  });

  it('guesses the first name for an unexplained first placeholder, and leaves the rest to the rep', () => {
    expect(suggestMapping(template(['1', '2'], { '1': 'x7', '2': '15' }), deal)).toEqual({ '1': 'person.firstName', '2': 'manual' });
  });

  it('does not guess a first name the deal does not have', () => {
    expect(suggestMapping(template(['1']), { ...deal, person: null })).toEqual({ '1': 'manual' });
  });
});

describe('resolveMapping and initialValues', () => {
  const t = template(['1', '2'], { '1': 'first_name', '2': 'company' });

  it('prefers what the rep chose before over the guess', () => {
    const mapping = resolveMapping(t, deal, { '2': 'deal.title', stale: 'owner.name' });
    expect(mapping).toEqual({ '1': 'person.firstName', '2': 'deal.title' });
    expect(initialValues(t, deal, mapping)).toEqual({ '1': 'Jürgen', '2': 'Solar panels for HQ' });
  });

  it('leaves manual placeholders empty', () => {
    expect(initialValues(t, deal, { '1': 'manual', '2': 'organization.name' })).toEqual({ '1': '', '2': 'Malmö Energi AB' });
  });
});

describe('emptyVariables and overlongVariables', () => {
  const t = template(['1', '2', '3']);

  it('flags blank and missing values', () => {
    expect(emptyVariables(t, { '1': 'Ana', '2': '   ' })).toEqual(['2', '3']);
    expect(emptyVariables(t, { '1': 'a', '2': 'b', '3': 'c' })).toEqual([]);
  });

  it('flags values over WhatsApp’s 255 characters', () => {
    expect(overlongVariables(t, { '1': 'x'.repeat(255), '2': 'x'.repeat(256) })).toEqual(['2']);
  });
});

describe('templateSegments', () => {
  it('cuts a body into text and placeholders', () => {
    expect(templateSegments('Hi {{1}}, your {{ order }} is ready{{2}}')).toEqual([
      { text: 'Hi ' },
      { variable: '1' },
      { text: ', your ' },
      { variable: 'order' },
      { text: ' is ready' },
      { variable: '2' },
    ]);
  });
});
