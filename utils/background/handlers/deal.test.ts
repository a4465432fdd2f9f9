import { setupServer } from 'msw/node';
import type { Browser } from 'wxt/browser';
import { FakePipedrive, pipedriveHandlers } from '@/tests/fakes/pipedrive';
import { createTestEngine, envelope, EXTENSION_ID, fromDealPage, fromOptionsPage, SETTINGS } from '@/tests/support/engine';
import type { RequestPayload } from '@/utils/messaging/contract';

const TOKEN = 'c0ffee'.repeat(6) + 'c0ff';
const pipedrive = new FakePipedrive({ company: 'acme', apiToken: TOKEN });
const server = setupServer(...pipedriveHandlers(pipedrive));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const ownerId = pipedrive.addUser({ name: 'Rita Rep' });
const orgId = pipedrive.addOrganization({ name: 'Malmö Bygg AB' });
const personId = pipedrive.addPerson({
  name: 'Åsa Lindqvist',
  phones: [
    { value: '08-123 456 78', label: 'work', primary: true },
    { value: '070-123 45 67', label: 'mobile' },
  ],
});
const dealId = pipedrive.addDeal({ title: 'Office fit-out', value: 125000, currency: 'SEK', personId, orgId, ownerId });

const pageSender = (id: number): Browser.runtime.MessageSender => ({ ...fromDealPage, url: `https://acme.pipedrive.com/deal/${id}` });
const pageDeal: RequestPayload<'getDealContext'>['page'] = {
  title: 'Office fit-out (from page)',
  personName: 'Åsa Lindqvist',
  organizationName: null,
  rawPhones: [{ value: '070-123 45 67', label: 'Mobile', primary: false }],
};

let setup: ReturnType<typeof createTestEngine>;
beforeEach(() => {
  setup = createTestEngine({ twilioClient: { fetch: () => Promise.reject(new TypeError('offline')), sleep: () => Promise.resolve() } });
});
afterEach(() => setup.dispose());

async function save(pipedriveApiToken: string) {
  await setup.engine.handleMessage(envelope('saveSettings', { ...SETTINGS, pipedriveApiToken }), fromOptionsPage);
}

it('reads the deal, person, organization and owner from Pipedrive with the token, phones normalised', async () => {
  await save(TOKEN);
  const response = await setup.engine.handleMessage(envelope('getDealContext', { dealId: String(dealId), page: pageDeal }), pageSender(dealId));
  expect(response).toEqual({
    ok: true,
    data: expect.objectContaining({
      title: 'Office fit-out',
      value: 125000,
      currency: 'SEK',
      organizationName: 'Malmö Bygg AB',
      ownerName: 'Rita Rep',
      person: { name: 'Åsa Lindqvist', firstName: 'Åsa', lastName: 'Lindqvist' },
      phones: [
        { raw: '08-123 456 78', e164: '+46812345678', display: '+46 8 123 456 78', label: 'work', primary: true },
        { raw: '070-123 45 67', e164: '+46701234567', display: '+46 70 123 45 67', label: 'mobile', primary: false },
      ],
      source: 'api',
      notice: null,
    }) as unknown,
  });
  expect(pipedrive.requests.every((r) => r.host === 'acme.pipedrive.com')).toBe(true);
  expect(JSON.stringify(response)).not.toContain(TOKEN);
});

it('uses what the page shows when no token is saved, without calling Pipedrive', async () => {
  await save('');
  const before = pipedrive.requests.length;
  const response = await setup.engine.handleMessage(envelope('getDealContext', { dealId: String(dealId), page: pageDeal }), pageSender(dealId));
  expect(response).toMatchObject({
    ok: true,
    data: { title: 'Office fit-out (from page)', source: 'page', phones: [{ e164: '+46701234567', label: 'Mobile' }], notice: null },
  });
  expect(pipedrive.requests.length).toBe(before);
});

it('falls back to the page and says why when Pipedrive rejects the token', async () => {
  await save('ab'.repeat(20));
  const response = await setup.engine.handleMessage(envelope('getDealContext', { dealId: String(dealId), page: pageDeal }), pageSender(dealId));
  expect(response).toMatchObject({ ok: true, data: { source: 'page', notice: expect.stringMatching(/token/i) as string } });
});

it.each<[string, Browser.runtime.MessageSender]>([
  ['another deal’s page', { ...fromDealPage, url: 'https://acme.pipedrive.com/deal/999' }],
  ['a non-deal CRM page', { ...fromDealPage, url: 'https://acme.pipedrive.com/pipeline' }],
  ['an extension page', { id: EXTENSION_ID, url: fromOptionsPage.url }],
])('refuses a request whose deal is not the sender’s own page: %s', async (_, sender) => {
  await save(TOKEN);
  const response = await setup.engine.handleMessage(envelope('getDealContext', { dealId: String(dealId), page: pageDeal }), sender);
  expect(response).toMatchObject({ ok: false, error: { code: 'refused' } });
});

it('remembers which deal field fills each template variable', async () => {
  const sid = `HX${'1'.repeat(32)}`;
  await setup.engine.handleMessage(envelope('saveVariableMapping', { contentSid: sid, mapping: { 1: 'person.firstName', 2: 'deal.title' } }), fromDealPage);
  expect(await setup.engine.handleMessage(envelope('getVariableMappings', {}), fromDealPage)).toEqual({
    ok: true,
    data: { [sid]: { 1: 'person.firstName', 2: 'deal.title' } },
  });
  const bad = await setup.engine.handleMessage(envelope('saveVariableMapping', { contentSid: sid, mapping: { 1: 'password' } } as never), fromDealPage);
  expect(bad).toMatchObject({ ok: false, error: { code: 'invalid' } });
});

it('trusts the tab’s current address after in-page navigation, where Chrome keeps the document’s first URL', async () => {
  await save('');
  const first = pageSender(dealId);
  const navigated = { ...first, frameId: 0, url: 'https://acme.pipedrive.com/deal/999', tab: { ...first.tab, url: `https://acme.pipedrive.com/deal/${dealId}` } };
  const response = await setup.engine.handleMessage(envelope('getDealContext', { dealId: String(dealId), page: pageDeal }), navigated as Browser.runtime.MessageSender);
  expect(response).toMatchObject({ ok: true, data: { dealId: String(dealId) } });

  const fromSubframe = { ...navigated, frameId: 3 };
  const refused = await setup.engine.handleMessage(envelope('getDealContext', { dealId: String(dealId), page: pageDeal }), fromSubframe as Browser.runtime.MessageSender);
  expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
});

describe('a number the rep typed on the deal page', () => {
  const check = (number: string) => setup.engine.handleMessage(envelope('checkPhone', { number }), fromDealPage);

  it('is read with the default country of the settings, in E.164 and display forms', async () => {
    await save('');
    expect(await check('070-123 45 67')).toEqual({ ok: true, data: { ok: true, e164: '+46701234567', display: '+46 70 123 45 67' } });
    await setup.engine.handleMessage(envelope('saveSettings', { ...SETTINGS, defaultCountry: 'no' }), fromOptionsPage);
    expect(await check('412 34 567')).toEqual({ ok: true, data: { ok: true, e164: '+4741234567', display: '+47 41 23 45 67' } });
  });

  it('is read as a US number before anything is set up', async () => {
    expect(await check('(415) 555-0100')).toEqual({ ok: true, data: { ok: true, e164: '+14155550100', display: '+1 415 555 0100' } });
  });

  it('gets a sentence for the rep when it is not a number WhatsApp can use', async () => {
    await save('');
    expect(await check('555-12')).toEqual({
      ok: true,
      data: { ok: false, message: expect.stringContaining('read as a number in Sweden (+46)') as string },
    });
  });

  it('may not be longer than any phone number', async () => {
    expect(await check('1'.repeat(65))).toEqual({ ok: false, error: { code: 'invalid', message: 'That is too long for a phone number.' } });
  });
});
