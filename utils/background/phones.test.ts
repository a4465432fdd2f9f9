import type { RawPhone } from '@/utils/crm/crm-deal';
import { checkTypedPhone, normalisePhones } from './phones';

const phone = (value: string, label: string | null = null, primary = false): RawPhone => ({ value, label, primary });

describe('normalisePhones', () => {
  it.each([
    ['070-123 45 67', 'SE', '+46701234567'],
    ['+1 (415) 555-0100', 'SE', '+14155550100'],
    ['00 49 30 1234567', 'SE', '+49301234567'],
    ['00 49 30 1234567', 'US', '+49301234567'],
    ['whatsapp:+46701234567', 'US', '+46701234567'],
    ['(415) 555-0100', 'US', '+14155550100'],
    ['020 7946 0958', 'GB', '+442079460958'],
  ] as const)('reads %s (default country %s) as %s', (value, country, e164) => {
    expect(normalisePhones([phone(value)], country)).toEqual([{ raw: value, e164, display: expect.any(String) as string, label: null, primary: false }]);
  });

  it('spaces a valid number the way people read it, and shows an invalid one as the CRM has it', () => {
    expect(normalisePhones([phone('0701234567'), phone('00 1 415 555 0100'), phone('ext. 12')], 'SE').map((item) => item.display)).toEqual([
      '+46 70 123 45 67',
      '+1 415 555 0100',
      'ext. 12',
    ]);
  });

  it('keeps the number as the CRM wrote it for display', () => {
    expect(normalisePhones([phone(' 070-123 45 67 ', 'work')], 'SE')[0]?.raw).toBe(' 070-123 45 67 ');
  });

  it('puts the primary number first, then mobile-labelled ones, then the rest, each group in CRM order', () => {
    const result = normalisePhones(
      [
        phone('08-123 456 78', 'work'),
        phone('070-111 11 11', 'Mobile'),
        phone('08-765 432 10', 'home', true),
        phone('070-222 22 22', 'whatsapp'),
        phone('08-555 555 55', null),
      ],
      'SE',
    );
    expect(result.map((item) => item.e164)).toEqual([
      '+46876543210',
      '+46701111111',
      '+46702222222',
      '+46812345678',
      '+46855555555',
    ]);
  });

  it.each(['mobile', 'Cell', 'Mobil', 'Mobiltelefon', 'Handy', 'WhatsApp', 'work mobile'])('treats "%s" as a mobile label', (label) => {
    const result = normalisePhones([phone('08-123 456 78', 'work'), phone('070-111 11 11', label)], 'SE');
    expect(result[0]?.label).toBe(label);
  });

  it('keeps invalid numbers last, without an E.164 form, even when primary', () => {
    const result = normalisePhones([phone('12', 'work', true), phone('070-111 11 11', 'other'), phone('call reception', null)], 'SE');
    expect(result).toEqual([
      { raw: '070-111 11 11', e164: '+46701111111', display: '+46 70 111 11 11', label: 'other', primary: false },
      { raw: '12', e164: null, display: '12', label: 'work', primary: true },
      { raw: 'call reception', e164: null, display: 'call reception', label: null, primary: false },
    ]);
  });

  it('lists a number saved twice once, where it ranks best', () => {
    const result = normalisePhones(
      [phone('+46 70 111 11 11', 'work'), phone('070-111 11 11', 'mobile'), phone('0046701111111', 'home', true)],
      'SE',
    );
    expect(result).toEqual([{ raw: '0046701111111', e164: '+46701111111', display: '+46 70 111 11 11', label: 'home', primary: true }]);
  });

  it('lists the same invalid text once, and drops empty values', () => {
    const result = normalisePhones([phone('ask for Bo'), phone('  '), phone('ask for Bo', 'work')], 'SE');
    expect(result).toEqual([{ raw: 'ask for Bo', e164: null, display: 'ask for Bo', label: null, primary: false }]);
  });

  it('reads a national number by the default country only', () => {
    expect(normalisePhones([phone('070-123 45 67')], 'US')[0]?.e164).toBeNull();
  });
});

describe('checkTypedPhone', () => {
  it.each([
    ['070-123 45 67', 'SE', '+46701234567', '+46 70 123 45 67'],
    ['  +44 20 7946 0958 ', 'SE', '+442079460958', '+44 20 7946 0958'],
    ['0049 30 1234567', 'US', '+49301234567', '+49 30 1234567'],
  ] as const)('reads %s (default country %s) as %s, shown as %s', (value, country, e164, display) => {
    expect(checkTypedPhone(value, country)).toEqual({ ok: true, e164, display });
  });

  it('asks for a number when nothing was typed', () => {
    expect(checkTypedPhone('   ', 'SE')).toEqual({ ok: false, message: 'Type the contact’s phone number.' });
  });

  it('names the default country a number without a country code was read in', () => {
    const check = checkTypedPhone('555-12', 'SE');
    expect(check).toMatchObject({ ok: false, message: expect.stringContaining('read as a number in Sweden (+46)') as string });
    expect(checkTypedPhone('070-123 45 67', 'US')).toMatchObject({ ok: false, message: expect.stringContaining('United States (+1)') as string });
  });

  it.each(['+46 12', '00 46 12'])('points at the digits when %s has a country code', (value) => {
    expect(checkTypedPhone(value, 'SE')).toEqual({
      ok: false,
      message: 'That is not a phone number WhatsApp can use. Check the digits after the country code.',
    });
  });
});
