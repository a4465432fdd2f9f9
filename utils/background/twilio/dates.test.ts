import { parseTwilioDate, toTwilioDay } from './dates';

describe('parseTwilioDate', () => {
  it.each([
    ['Thu, 24 Aug 2023 05:01:45 +0000', '2023-08-24T05:01:45.000Z'],
    ['Fri, 24 May 2019 17:44:46 +0000', '2019-05-24T17:44:46.000Z'],
    ['Thu, 24 Aug 2023 07:01:45 +0200', '2023-08-24T05:01:45.000Z'],
    ['Wed, 23 Aug 2023 23:31:45 -0530', '2023-08-24T05:01:45.000Z'],
    ['Thu, 24 Aug 2023 05:01:45 -0000', '2023-08-24T05:01:45.000Z'],
    ['Thu, 24 Aug 2023 05:01:45 GMT', '2023-08-24T05:01:45.000Z'],
    ['24 Aug 2023 05:01:45 +0000', '2023-08-24T05:01:45.000Z'],
    ['Thu, 4 Jan 2024 05:01 +0000', '2024-01-04T05:01:00.000Z'],
    ['thu, 24 AUG 2023 05:01:45 +0000', '2023-08-24T05:01:45.000Z'],
    ['Mon, 1 Jan 2024 00:30:00 +0100', '2023-12-31T23:30:00.000Z'],
  ])('reads the RFC 2822 date %s', (text, iso) => {
    expect(parseTwilioDate(text)).toBe(Date.parse(iso));
  });

  it.each([
    ['2023-01-13T23:33:46Z', '2023-01-13T23:33:46.000Z'],
    ['2023-01-13T23:33:46.123Z', '2023-01-13T23:33:46.000Z'],
    ['2023-01-14T01:33:46+02:00', '2023-01-13T23:33:46.000Z'],
  ])('reads the ISO 8601 date the Content API answers with: %s', (text, iso) => {
    expect(parseTwilioDate(text)).toBe(Date.parse(iso));
  });

  it.each([
    null,
    '',
    'yesterday',
    '1692853305',
    'Thu, 24 Foo 2023 05:01:45 +0000',
    'Thu, 31 Feb 2023 05:01:45 +0000',
    'Thu, 24 Aug 2023 25:01:45 +0000',
    'Thu, 24 Aug 2023 05:61:45 +0000',
    'Thu, 24 Aug 2023 05:01:45 +0299',
    'Thu, 24 Aug 2023 05:01:45',
    'Thu, 24 Aug 2023 05:01:45 CEST',
    '2023-02-30T10:00:00Z',
    '2023-08-24 05:01:45',
  ])('returns null for %j', (text) => {
    expect(parseTwilioDate(text)).toBeNull();
  });
});

describe('toTwilioDay', () => {
  it('gives the GMT day, not the local one', () => {
    expect(toTwilioDay(new Date('2023-08-24T23:30:00-05:00'))).toBe('2023-08-25');
    expect(toTwilioDay(new Date('2023-08-24T00:30:00+02:00'))).toBe('2023-08-23');
    expect(toTwilioDay(new Date(Date.UTC(2024, 1, 29)))).toBe('2024-02-29');
  });
});
