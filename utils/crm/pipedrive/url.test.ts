import { pipedrivePage } from './page';

describe('pipedrivePage.dealIdFromUrl', () => {
  it.each([
    ['https://acme.pipedrive.com/deal/42', '42'],
    ['https://acme.pipedrive.com/deal/42/', '42'],
    ['https://acme.pipedrive.com/deal/42/activity', '42'],
    ['https://acme.pipedrive.com/deal/42?tab=notes', '42'],
    ['https://acme.pipedrive.com/deal/42#note-3', '42'],
    ['https://my-company2.pipedrive.com/deal/7', '7'],
    ['https://ACME.Pipedrive.com/deal/7', '7'],
  ])('reads %s as deal %s', (url, id) => {
    expect(pipedrivePage.dealIdFromUrl(url)).toBe(id);
  });

  it.each([
    ['a deals list', 'https://acme.pipedrive.com/deals/list'],
    ['the pipeline', 'https://acme.pipedrive.com/pipeline'],
    ['a person', 'https://acme.pipedrive.com/person/42'],
    ['a deal id that is not a number', 'https://acme.pipedrive.com/deal/abc'],
    ['a deal id with letters after it', 'https://acme.pipedrive.com/deal/42abc'],
    ['no deal id', 'https://acme.pipedrive.com/deal/'],
    ['a look-alike host', 'https://acme.pipedrive.com.evil.example/deal/42'],
    ['a host merely ending in pipedrive.com', 'https://evilpipedrive.com/deal/42'],
    ['a nested subdomain', 'https://acme.evil.pipedrive.com/deal/42'],
    ['the bare domain', 'https://pipedrive.com/deal/42'],
    ['plain HTTP', 'http://acme.pipedrive.com/deal/42'],
    ['a deal path on another host', 'https://evil.example/deal/42?next=https://acme.pipedrive.com/deal/42'],
    ['something that is not a URL', 'deal/42'],
  ])('finds no deal on %s', (_, url) => {
    expect(pipedrivePage.dealIdFromUrl(url)).toBeNull();
  });
});
