import { crmDealFromPage, type PageDeal } from './crm-deal';

const page: PageDeal = {
  title: 'Acme expansion',
  personName: 'Anna Maria Svensson',
  organizationName: 'Acme AB',
  rawPhones: [{ value: '070-123 45 67', label: 'Mobile', primary: false }],
};

describe('crmDealFromPage', () => {
  it('keeps what the page shows and leaves the rest unknown', () => {
    expect(crmDealFromPage('42', page)).toEqual({
      dealId: '42',
      title: 'Acme expansion',
      value: null,
      currency: null,
      organizationName: 'Acme AB',
      ownerName: null,
      person: { name: 'Anna Maria Svensson', firstName: 'Anna', lastName: 'Maria Svensson' },
      rawPhones: page.rawPhones,
      source: 'page',
    });
  });

  it('takes a one-word name as the first name', () => {
    expect(crmDealFromPage('1', { ...page, personName: 'Cher' }).person).toEqual({ name: 'Cher', firstName: 'Cher', lastName: null });
  });

  it('has no person when the page shows none', () => {
    expect(crmDealFromPage('1', { ...page, personName: null }).person).toBeNull();
  });
});
