import { richParts } from './parts';

describe('richParts', () => {
  it('lists quick replies', () => {
    expect(
      richParts({
        'twilio/text': { body: 'Hi' },
        'twilio/quick-reply': { body: 'Hi', actions: [{ title: 'Yes', id: 'y' }, { title: 'No', id: 'n' }] },
      }),
    ).toEqual([
      {
        kind: 'buttons',
        quickReplies: true,
        buttons: [
          { kind: 'reply', title: 'Yes', target: null },
          { kind: 'reply', title: 'No', target: null },
        ],
      },
    ]);
  });

  it('lists call-to-action buttons with where they lead', () => {
    expect(
      richParts({
        'twilio/call-to-action': {
          body: 'Hi',
          actions: [
            { type: 'URL', title: 'View', url: 'https://example.com/{{1}}' },
            { type: 'PHONE_NUMBER', title: 'Call', phone: '+46701234567' },
            { type: 'COPY_CODE', title: 'Copy code', code: 'SPRING' },
            { type: 'VOICE_CALL', title: 'Call on WhatsApp' },
          ],
        },
      }),
    ).toEqual([
      {
        kind: 'buttons',
        quickReplies: false,
        buttons: [
          { kind: 'url', title: 'View', target: 'https://example.com/{{1}}' },
          { kind: 'phone', title: 'Call', target: '+46701234567' },
          { kind: 'code', title: 'Copy code', target: 'SPRING' },
          { kind: 'other', title: 'Call on WhatsApp', target: null },
        ],
      },
    ]);
  });

  it('lists a card’s media and buttons, and a media message’s files', () => {
    expect(
      richParts({
        'twilio/card': {
          title: 'Offer',
          media: ['https://example.com/a.jpg'],
          actions: [{ type: 'QUICK_REPLY', title: 'Interested', id: 'i' }],
        },
        'twilio/media': { body: 'Brochure', media: ['https://example.com/b.pdf', ''] },
      }),
    ).toEqual([
      { kind: 'media', urls: ['https://example.com/a.jpg'] },
      { kind: 'buttons', quickReplies: false, buttons: [{ kind: 'reply', title: 'Interested', target: null }] },
      { kind: 'media', urls: ['https://example.com/b.pdf'] },
    ]);
  });

  it('lists a list picker’s button and items', () => {
    expect(
      richParts({
        'twilio/list-picker': {
          body: 'Pick one',
          button: 'Choose',
          items: [{ item: 'Monday', id: 'mon', description: 'Morning' }, { item: 'Tuesday', id: 'tue' }],
        },
      }),
    ).toEqual([
      {
        kind: 'list',
        button: 'Choose',
        items: [
          { title: 'Monday', description: 'Morning' },
          { title: 'Tuesday', description: null },
        ],
      },
    ]);
  });

  it('leaves out what is malformed and keeps the rest', () => {
    expect(
      richParts({
        'twilio/text': 'not an object',
        'twilio/card': { media: 'not-a-list', actions: [{ title: '' }, { id: 'no title' }, 7, { title: 'Fine' }], button: 3 },
        'twilio/list-picker': { items: [{ description: 'no item' }] },
      }),
    ).toEqual([{ kind: 'buttons', quickReplies: false, buttons: [{ kind: 'reply', title: 'Fine', target: null }] }]);
  });
});
