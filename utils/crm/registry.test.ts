import { pipedrivePage } from './pipedrive/page';
import { adapterForUrl, isCrmPage } from './registry';

describe('adapterForUrl', () => {
  it('picks Pipedrive for any page of a company on pipedrive.com', () => {
    expect(adapterForUrl('https://acme.pipedrive.com/deal/42')).toBe(pipedrivePage);
    expect(adapterForUrl('https://acme.pipedrive.com/pipeline')).toBe(pipedrivePage);
  });

  it.each(['https://acme.pipedrive.com.evil.example/deal/42', 'http://acme.pipedrive.com/deal/42', 'https://example.com/', 'not a url'])(
    'picks no CRM for %s',
    (url) => {
      expect(adapterForUrl(url)).toBeNull();
      expect(isCrmPage(url)).toBe(false);
    },
  );
});
