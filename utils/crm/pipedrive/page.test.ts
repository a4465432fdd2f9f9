import { Window } from 'happy-dom';
import { FakePipedrive } from '@/tests/fakes/pipedrive';
import { openFakePage, type OpenedPage } from '@/tests/fakes/pipedrive/browser';
import { watchLocation } from '@/utils/crm/navigation';
import { pipedrivePage } from './page';

const windows: { happyDOM: { close(): Promise<void> } }[] = [];

afterEach(async () => {
  await Promise.all(windows.splice(0).map((window) => window.happyDOM.close()));
});

async function openDeal(path: string): Promise<OpenedPage> {
  const fake = new FakePipedrive();
  const orgId = fake.addOrganization({ name: 'Acme AB' });
  const personId = fake.addPerson({
    name: 'Anna Svensson',
    phones: [{ value: '08-123 456 78', label: 'work' }, { value: '070-123 45 67', label: 'mobile' }],
    orgId,
  });
  fake.addDeal({ title: 'Acme expansion', personId, orgId });
  const page = await openFakePage(fake, `https://acme.pipedrive.com${path}`);
  windows.push(page.window);
  return page;
}

/** A page with only the markup given, no script. */
function bare(html: string): Document {
  const window = new Window({ url: 'https://acme.pipedrive.com/deal/1' });
  windows.push(window);
  window.document.body.innerHTML = html;
  return window.document as unknown as Document;
}

describe('on the fake Pipedrive deal page', () => {
  it('docks in the deal details sidebar', async () => {
    const { document } = await openDeal('/deal/1');
    expect(pipedrivePage.findMountPoint(document)?.getAttribute('data-testid')).toBe('deal-details-sidebar');
  });

  it('reads the title, person, organization and the person’s numbers with their labels', async () => {
    const { document } = await openDeal('/deal/1');
    expect(pipedrivePage.readDealFromPage(document)).toEqual({
      title: 'Acme expansion',
      personName: 'Anna Svensson',
      organizationName: 'Acme AB',
      rawPhones: [
        { value: '08-123 456 78', label: 'Work', primary: false },
        { value: '070-123 45 67', label: 'Mobile', primary: false },
      ],
    });
  });

  it('finds nowhere to dock and nothing to read on the deals list', async () => {
    const { document } = await openDeal('/deals/list');
    expect(pipedrivePage.findMountPoint(document)).toBeNull();
    expect(pipedrivePage.readDealFromPage(document)).toEqual({ title: null, personName: null, organizationName: null, rawPhones: [] });
  });
});

describe('following the single-page app', () => {
  it('sees a deal open from the list without a reload, and docks in its sidebar', async () => {
    const { window, document } = await openDeal('/deals/list');
    const urls: string[] = [];
    watchLocation(window as unknown as globalThis.Window, (url) => urls.push(url), { pollMs: 5 });

    document.querySelector<HTMLAnchorElement>('a[href="/deal/1"]')?.click();
    await vi.waitFor(() => expect(urls).toEqual(['https://acme.pipedrive.com/deal/1']));
    expect(pipedrivePage.dealIdFromUrl(urls[0] ?? '')).toBe('1');
    expect(pipedrivePage.findMountPoint(document)).not.toBeNull();
  });
});

describe('on other markup', () => {
  it('finds nowhere to dock on a page without a deal sidebar', () => {
    expect(pipedrivePage.findMountPoint(bare('<main><aside>Filters</aside></main>'))).toBeNull();
  });

  it('falls back to class names and link targets', () => {
    const document = bare(`
      <div class="dealDetails">
        <div class="dealDetails__title">Class-only deal</div>
        <div class="dealDetailsSidebar">
          <div class="sidebarBlock--person">
            <a href="/person/9">Bo Ek</a>
            <ul><li><a href="tel:+46701112233">+46 70 111 22 33</a> Mobile</li></ul>
          </div>
          <a href="/organization/4">Ek AB</a>
        </div>
      </div>`);
    expect(pipedrivePage.findMountPoint(document)?.className).toBe('dealDetailsSidebar');
    expect(pipedrivePage.readDealFromPage(document)).toEqual({
      title: 'Class-only deal',
      personName: 'Bo Ek',
      organizationName: 'Ek AB',
      rawPhones: [{ value: '+46 70 111 22 33', label: 'Mobile', primary: false }],
    });
  });

  it('reads a number from the link target when the link shows no text, and leaves a missing label null', () => {
    const document = bare(`
      <aside data-testid="deal-details-sidebar">
        <section data-testid="person-block"><a href="tel:%2B46%2070%20111%2022%2033" aria-label="Call"></a></section>
      </aside>`);
    expect(pipedrivePage.readDealFromPage(document).rawPhones).toEqual([{ value: '+46 70 111 22 33', label: null, primary: false }]);
  });

  it('reads numbers only from the sidebar, never from notes in the main column', () => {
    const document = bare(`
      <aside data-testid="deal-details-sidebar"><a href="tel:0701112233">070-111 22 33</a></aside>
      <section><a href="tel:0899999999">08-999 999 99</a></section>`);
    expect(pipedrivePage.readDealFromPage(document).rawPhones.map((phone) => phone.value)).toEqual(['070-111 22 33']);
  });

  it('reads no numbers when it finds neither a person block nor a sidebar', () => {
    expect(pipedrivePage.readDealFromPage(bare('<a href="tel:0701112233">070-111 22 33</a>')).rawPhones).toEqual([]);
  });
});
