import { fillTemplate, parseContentAndApprovals } from './templates';
import type { TwilioContentAndApprovals } from './types';

const SID = 'HX0123456789abcdef0123456789abcdef';

function content(overrides: Partial<TwilioContentAndApprovals> = {}): TwilioContentAndApprovals {
  return {
    sid: SID,
    friendly_name: 'order_update',
    language: 'en',
    date_created: '2023-01-13T23:33:46Z',
    date_updated: '2023-01-18T02:46:35Z',
    variables: { '1': 'Anna', '2': 'Order 42' },
    types: { 'twilio/text': { body: 'Hi {{1}}, your {{2}} has shipped.' } },
    approval_requests: {
      name: 'order_update',
      category: 'UTILITY',
      content_type: 'twilio/text',
      status: 'approved',
      rejection_reason: '',
      allow_category_change: true,
    },
    ...overrides,
  };
}

function parse(overrides: Partial<TwilioContentAndApprovals> = {}) {
  const view = parseContentAndApprovals(content(overrides));
  if (!view) throw new Error('expected a template');
  return view;
}

describe('parseContentAndApprovals', () => {
  it('maps a flat approval', () => {
    expect(parse()).toEqual({
      sid: SID,
      friendlyName: 'order_update',
      language: 'en',
      category: 'utility',
      approvalStatus: 'approved',
      rejectionReason: null,
      types: ['twilio/text'],
      body: 'Hi {{1}}, your {{2}} has shipped.',
      variables: ['1', '2'],
      sampleValues: { '1': 'Anna', '2': 'Order 42' },
      details: { 'twilio/text': { body: 'Hi {{1}}, your {{2}} has shipped.' } },
      updatedAt: Date.parse('2023-01-18T02:46:35Z'),
    });
  });

  it('reads an approval nested under whatsapp', () => {
    const view = parse({
      approval_requests: {
        whatsapp: {
          type: 'whatsapp',
          name: 'order_update',
          category: 'MARKETING',
          content_type: 'twilio/text',
          status: 'rejected',
          rejection_reason: 'INVALID_FORMAT',
        },
      },
    });
    expect(view).toMatchObject({
      approvalStatus: 'rejected',
      category: 'marketing',
      rejectionReason: 'INVALID_FORMAT',
    });
  });

  it.each([
    ['missing', null, 'unsubmitted'],
    ['absent fields', {}, 'unsubmitted'],
    ['an empty status', { status: '' }, 'unsubmitted'],
    ['an empty nested approval', { whatsapp: {} }, 'unsubmitted'],
    ['a status Dealchat does not know', { status: 'in_appeal' }, 'unknown'],
    ['a status that is not text', { status: true }, 'unknown'],
    ['upper-case status', { status: 'APPROVED' }, 'approved'],
    ['paused', { status: 'paused' }, 'paused'],
    ['received', { status: 'received' }, 'received'],
  ])('never assumes approval: %s', (_, approval, status) => {
    expect(parse({ approval_requests: approval }).approvalStatus).toBe(status);
  });

  it.each([['approved'], [42], [['approved']]])('reads an unreadable approval %j as unknown', (approval) => {
    expect(parse({ approval_requests: approval }).approvalStatus).toBe('unknown');
  });

  it('has no category or rejection reason unless Twilio gives one', () => {
    expect(parse({ approval_requests: { status: 'unsubmitted', category: '', rejection_reason: '' } })).toMatchObject({
      category: null,
      rejectionReason: null,
    });
  });

  it('skips items without a sid', () => {
    expect(parseContentAndApprovals(content({ sid: null }))).toBeNull();
    expect(parseContentAndApprovals(content({ sid: '' }))).toBeNull();
  });

  it('survives missing fields', () => {
    const view = parse({
      friendly_name: null,
      language: null,
      types: null,
      variables: null,
      date_updated: null,
      date_created: null,
    });
    expect(view).toMatchObject({
      friendlyName: SID,
      language: '',
      types: [],
      body: '',
      variables: [],
      sampleValues: {},
      details: {},
      updatedAt: 0,
    });
  });

  it('falls back to the creation date', () => {
    expect(parse({ date_updated: null }).updatedAt).toBe(Date.parse('2023-01-13T23:33:46Z'));
  });

  describe('body', () => {
    it.each([
      ['twilio/media', { body: 'Your invoice {{1}}', media: ['https://example.com/{{2}}.pdf'] }, 'Your invoice {{1}}'],
      ['twilio/quick-reply', { body: 'Still keen?', actions: [{ title: 'Yes', id: 'yes' }] }, 'Still keen?'],
      [
        'twilio/call-to-action',
        { body: 'Book a call', actions: [{ type: 'URL', title: 'Book', url: 'https://example.com' }] },
        'Book a call',
      ],
      ['twilio/card', { title: 'Quote {{1}}', subtitle: 'Valid 30 days', actions: [] }, 'Quote {{1}}\nValid 30 days'],
      ['twilio/card', { title: 'Only a title', media: ['https://example.com/a.png'] }, 'Only a title'],
      ['whatsapp/card', { body: 'Your quote', footer: 'Acme', header_text: 'Quote' }, 'Your quote'],
      ['twilio/list-picker', { body: 'Pick a slot', button: 'Slots', items: [] }, 'Pick a slot'],
      ['twilio/carousel', { body: 'Our plans', cards: [] }, 'Our plans'],
      ['twilio/catalog', { body: 'Browse', title: 'Catalog' }, 'Browse'],
      ['whatsapp/flows', { body: 'Sign up', button_text: 'Go', flow_id: '1' }, 'Sign up'],
      ['twilio/location', { latitude: 1, longitude: 2, label: 'Head office' }, 'Head office'],
      ['twilio/some-new-type', { body: 'From the future' }, 'From the future'],
      [
        'whatsapp/authentication',
        { add_security_recommendation: true, code_expiration_minutes: 5, actions: [] },
        '{{1}} is your verification code. For your security, do not share this code. This code expires in 5 minutes.',
      ],
      ['whatsapp/authentication', { actions: [] }, '{{1}} is your verification code.'],
    ])('reads %s', (type, fields, body) => {
      expect(parse({ types: { [type]: fields }, approval_requests: null }).body).toBe(body);
    });

    it('prefers text when the approval does not say which type WhatsApp got', () => {
      const types = {
        'twilio/location': { latitude: 1, longitude: 2, label: 'Foo Bar Co' },
        'twilio/text': { body: 'Foo Bar Co is at 39.7392, 104.9903' },
      };
      expect(parse({ types, approval_requests: null }).body).toBe('Foo Bar Co is at 39.7392, 104.9903');
    });

    it('prefers the type submitted to WhatsApp', () => {
      const types = {
        'twilio/text': { body: 'Plain fallback' },
        'twilio/quick-reply': { body: 'Tap a reply', actions: [] },
      };
      expect(parse({ types, approval_requests: { status: 'approved', content_type: 'twilio/quick-reply' } }).body).toBe(
        'Tap a reply',
      );
    });

    it('keeps the text exactly, whitespace included', () => {
      expect(parse({ types: { 'twilio/text': { body: '  Hi {{1}}\n' } } }).body).toBe('  Hi {{1}}\n');
    });
  });

  describe('variables', () => {
    it('lists placeholders in order of first appearance, without duplicates, across all types', () => {
      const view = parse({
        variables: null,
        types: {
          'twilio/card': {
            title: 'Hi {{ first_name }}, {{2}}',
            actions: [{ type: 'URL', title: 'Open', url: 'https://example.com/{{3}}?again={{2}}' }],
          },
          'twilio/text': { body: '{{first_name}} and {{1}}' },
        },
      });
      expect(view.variables).toEqual(['first_name', '2', '3', '1']);
    });

    it('adds the keys of the default values Twilio keeps', () => {
      const view = parse({
        types: { 'twilio/text': { body: 'Hi {{2}}' } },
        variables: { '1': 'Anna', '2': 'Order 42', city: 'Lund' },
      });
      expect(view.variables).toEqual(['2', '1', 'city']);
    });

    it('does not take malformed braces for placeholders', () => {
      const view = parse({ variables: null, types: { 'twilio/text': { body: '{1} {{}} {{ two words }} {{ok}}' } } });
      expect(view.variables).toEqual(['ok']);
    });

    it('stringifies sample values', () => {
      const view = parse({ variables: { '1': 'Anna', '2': 42, '3': true, '4': null } });
      expect(view.sampleValues).toEqual({ '1': 'Anna', '2': '42', '3': 'true' });
    });
  });
});

describe('fillTemplate', () => {
  it('substitutes each placeholder, spaces inside the braces allowed', () => {
    expect(fillTemplate('Hi {{1}}, your {{ 2 }} for {{1}}.', { '1': 'Anna', '2': 'Order 42' })).toBe(
      'Hi Anna, your Order 42 for Anna.',
    );
  });

  it('leaves placeholders without a value visible', () => {
    expect(fillTemplate('Hi {{first_name}} {{last_name}}', { first_name: 'Anna' })).toBe('Hi Anna {{last_name}}');
  });

  it('inserts values literally', () => {
    expect(fillTemplate('Total: {{1}}', { '1': '$& and $1' })).toBe('Total: $& and $1');
  });

  it('does not read inherited properties as values', () => {
    expect(fillTemplate('{{constructor}} {{toString}}', {})).toBe('{{constructor}} {{toString}}');
  });
});
