import { countries, countryFromLanguage } from './countries';
import { toSettingsInput, type FormValues } from './form';

const values: FormValues = {
  accountSid: ` AC${'a1'.repeat(16)} `,
  authMethod: 'authToken',
  apiKeySid: `SK${'b2'.repeat(16)}`,
  apiKeySecret: 'typed-then-abandoned',
  authToken: ' token\n',
  whatsappSender: 'whatsapp:+1 (415) 523-8886',
  messagingServiceSid: '',
  defaultCountry: 'US',
  pipedriveApiToken: '',
};

describe('toSettingsInput', () => {
  it('trims, normalises the sender and drops the hidden method’s secret', () => {
    expect(toSettingsInput(values)).toEqual({
      accountSid: `AC${'a1'.repeat(16)}`,
      authMethod: 'authToken',
      apiKeySid: `SK${'b2'.repeat(16)}`,
      apiKeySecret: '',
      authToken: 'token',
      whatsappSender: '+14155238886',
      messagingServiceSid: '',
      defaultCountry: 'US',
      pipedriveApiToken: '',
    });
  });
});

describe('countries', () => {
  it('names every country in English, sorted by name', () => {
    const list = countries();
    expect(list.find((c) => c.code === 'DE')).toEqual({ code: 'DE', name: 'Germany', callingCode: '49' });
    expect(list.map((c) => c.name)).toEqual(list.map((c) => c.name).sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('guesses a country from the browser language', () => {
    expect(countryFromLanguage('en-GB')).toBe('GB');
    expect(countryFromLanguage('sv')).toBe('SE');
    expect(countryFromLanguage('not a language')).toBe('');
  });
});
