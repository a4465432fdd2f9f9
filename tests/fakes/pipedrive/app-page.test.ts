import { findPipedriveMountPoint } from '../../../utils/crm/pipedrive/page';
import { openFakePage, type OpenedPage } from './browser';
import { FakePipedrive } from './index';

let fake: FakePipedrive;
const opened: OpenedPage[] = [];

beforeEach(() => {
  fake = new FakePipedrive();
  const ownerId = fake.addUser({ name: 'Maria Lind' });
  const orgId = fake.addOrganization({ name: 'Acme AB' });
  const personId = fake.addPerson({
    name: 'Anna Svensson',
    phones: [{ value: '08-123 456 78', label: 'work' }, { value: '070-123 45 67', label: 'mobile' }],
    emails: [{ value: 'anna@acme.example' }],
    orgId,
  });
  fake.addDeal({ title: 'Acme expansion', value: 12000, currency: 'SEK', personId, orgId, ownerId, notes: ['Wants a demo on Friday.'] });
  fake.addDeal({ title: 'Globex renewal', value: 500, currency: 'EUR' });
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close()));
});

async function open(path: string, target = fake): Promise<OpenedPage> {
  const page = await openFakePage(target, `https://acme.pipedrive.com${path}`);
  opened.push(page);
  return page;
}

const texts = (page: OpenedPage, selector: string) =>
  [...page.document.querySelectorAll(selector)].map((element) => element.textContent.replace(/\s+/g, ' ').trim());

describe('deal page', () => {
  it('shows the title in the header, and person, phones and organization in the sidebar', async () => {
    const page = await open('/deal/1');
    const sidebar = page.document.querySelector('[data-testid="deal-details-sidebar"]');
    expect(page.document.querySelector('[data-testid="deal-header"] [data-testid="deal-title"]')?.textContent).toBe('Acme expansion');
    expect(sidebar?.querySelector('[data-testid="person-name"]')?.textContent).toBe('Anna Svensson');
    expect(sidebar?.querySelector('[data-testid="organization-name"]')?.textContent).toBe('Acme AB');
    expect(texts(page, '[data-testid="person-block"] [data-testid="phone-item"]')).toEqual([
      '08-123 456 78 (Work)',
      '070-123 45 67 (Mobile)',
    ]);
    expect([...(sidebar?.querySelectorAll('a[href^="tel:"]') ?? [])].map((link) => link.getAttribute('href'))).toEqual([
      'tel:0812345678',
      'tel:0701234567',
    ]);
    expect(texts(page, '[data-testid="deal-main"] [data-testid="activity-feed"] li')).toEqual(['Wants a demo on Friday.']);
  });

  it('shows a deal without person or organization with only the summary in its sidebar', async () => {
    const page = await open('/deal/2');
    expect(page.document.querySelector('[data-testid="deal-details-sidebar"]')).not.toBeNull();
    expect(page.document.querySelector('[data-testid="person-block"]')).toBeNull();
    expect(page.document.querySelector('[data-testid="organization-block"]')).toBeNull();
  });

  it('shows a missing deal as not found, with no sidebar', async () => {
    const page = await open('/deal/999');
    expect(page.document.querySelector('[data-testid="not-found"]')).not.toBeNull();
    expect(page.document.querySelector('[data-testid="deal-details-sidebar"]')).toBeNull();
  });

  it('lays a deal out in a side column the extension does not recognise, when asked to, with the same content', async () => {
    const redesigned = new FakePipedrive();
    const personId = redesigned.addPerson({ name: 'Anna Svensson', phones: [{ value: '070-123 45 67', label: 'mobile' }] });
    redesigned.addDeal({ title: 'Acme expansion', personId, layout: 'unrecognised' });
    const page = await open('/deal/1', redesigned);
    expect(findPipedriveMountPoint(page.document)).toBeNull();
    expect(page.document.querySelector('[data-testid="deal-column"] [data-testid="person-name"]')?.textContent).toBe('Anna Svensson');
    expect(page.document.querySelector('[data-testid="deal-title"]')?.textContent).toBe('Acme expansion');
  });

  it('shows what the CRM holds as text, never as markup', async () => {
    const hostile = new FakePipedrive();
    hostile.addDeal({ title: '</script><img src=x onerror="window.pwned=1">' });
    const page = await open('/deal/1', hostile);
    expect(page.document.querySelector('[data-testid="deal-title"]')?.textContent).toBe('</script><img src=x onerror="window.pwned=1">');
    expect(page.document.querySelector('img')).toBeNull();
  });
});

describe('single-page navigation', () => {
  it('lists deals, with in-app links, and no sidebar', async () => {
    const page = await open('/deals/list');
    expect(texts(page, '[data-testid="deal-row"] a[data-spa]')).toEqual(['Acme expansion', 'Globex renewal']);
    expect(page.document.querySelector('[data-testid="deal-details-sidebar"]')).toBeNull();
  });

  it('opens a deal from the list without reloading, and goes back with history', async () => {
    const page = await open('/pipeline');
    const loaded = page.document.getElementById('root');
    page.document.querySelector<HTMLAnchorElement>('a[href="/deal/2"]')?.click();
    expect(page.window.location.pathname).toBe('/deal/2');
    expect(page.document.querySelector('[data-testid="deal-title"]')?.textContent).toBe('Globex renewal');
    expect(page.document.getElementById('root')).toBe(loaded);

    page.window.history.back();
    await page.window.happyDOM.waitUntilComplete();
    expect(page.window.location.pathname).toBe('/pipeline');
    expect(page.document.querySelector('[data-testid="deals-list"]')).not.toBeNull();
  });

  it('renders each view after a spinner when the fake is slow, as Pipedrive does while loading', async () => {
    const slow = new FakePipedrive({ renderDelayMs: 30 });
    slow.addDeal({ title: 'Slow deal' });
    const page = await openFakePage(slow, 'https://acme.pipedrive.com/pipeline');
    opened.push(page);
    page.document.querySelector<HTMLAnchorElement>('a[href="/deal/1"]')?.click();
    expect(page.document.querySelector('[data-testid="loading"]')).not.toBeNull();
    expect(page.document.querySelector('[data-testid="deal-details-sidebar"]')).toBeNull();
    await page.window.happyDOM.waitUntilComplete();
    expect(page.document.querySelector('[data-testid="deal-details-sidebar"]')).not.toBeNull();
  });
});
