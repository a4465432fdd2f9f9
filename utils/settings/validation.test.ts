import { checkSettings, fieldError, MESSAGES, parseSender, type SettingsValues } from './validation';

const ACCOUNT = `AC${'a1'.repeat(16)}`;
const values: SettingsValues = {
  accountSid: ACCOUNT,
  authMethod: 'authToken',
  apiKeySid: 'nonsense',
  apiKeySecret: '',
  authToken: 'f'.repeat(32),
  whatsappSender: '+14155238886',
  messagingServiceSid: '',
  defaultCountry: 'US',
  pipedriveApiToken: '',
};
const nothingSaved = null;

describe('parseSender', () => {
  it.each([
    ['+46 70 123 45 67', '+46701234567'],
    ['whatsapp:+14155238886', '+14155238886'],
    [' +1 (415) 523-8886 ', '+14155238886'],
  ])('normalises %j to E.164', (raw, e164) => {
    expect(parseSender(raw)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['', 'empty'],
    ['070 123 45 67', 'no-country-code'],
    ['46701234567', 'no-country-code'],
    ['+46 70', 'invalid'],
    ['+hello', 'invalid'],
  ])('rejects %j as %s', (raw, reason) => {
    expect(parseSender(raw)).toEqual({ ok: false, reason });
  });
});

describe('checkSettings', () => {
  it('accepts a complete form and ignores the fields of the method not chosen', () => {
    expect(checkSettings(values, nothingSaved)).toEqual({});
  });

  it('checks SID formats and says where to find them', () => {
    const errors = checkSettings({ ...values, accountSid: 'AC123', messagingServiceSid: 'MG1' }, nothingSaved);
    expect(errors.accountSid).toBe(MESSAGES.accountSidFormat);
    expect(errors.messagingServiceSid).toBe(MESSAGES.messagingServiceSidFormat);
    expect(fieldError('apiKeySid', { ...values, authMethod: 'apiKey' }, nothingSaved)).toBe(MESSAGES.apiKeySidFormat);
  });

  it('wants a secret only when none is saved for this same account', () => {
    const blank = { ...values, authToken: '' };
    const saved = { accountSid: ACCOUNT, hasApiKeySecret: false, hasAuthToken: true };
    expect(checkSettings(blank, saved)).toEqual({});
    expect(checkSettings(blank, { ...saved, hasAuthToken: false }).authToken).toBe(MESSAGES.authTokenMissing);
    expect(checkSettings({ ...blank, accountSid: `AC${'b2'.repeat(16)}` }, saved).authToken).toBe(MESSAGES.authTokenOtherAccount);
  });

  it('rejects a mistyped Auth Token and a secret with spaces', () => {
    expect(fieldError('authToken', { ...values, authToken: 'token' }, nothingSaved)).toBe(MESSAGES.authTokenFormat);
    const apiKey = { ...values, authMethod: 'apiKey' as const, apiKeySid: `SK${'c3'.repeat(16)}`, apiKeySecret: 'two words' };
    expect(fieldError('apiKeySecret', apiKey, nothingSaved)).toBe(MESSAGES.apiKeySecretSpaces);
  });

  it('wants a real country', () => {
    expect(fieldError('defaultCountry', { ...values, defaultCountry: 'ZZ' }, nothingSaved)).toBe(MESSAGES.defaultCountryMissing);
    expect(fieldError('defaultCountry', { ...values, defaultCountry: 'se' }, nothingSaved)).toBeUndefined();
  });
});
