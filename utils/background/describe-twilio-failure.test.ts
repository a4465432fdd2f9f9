import { describeTwilioFailure } from './describe-twilio-failure';
import { TwilioApiError, TwilioNetworkError, TwilioProtocolError } from './twilio/errors';

const answered = (status: number, body: object | string) =>
  TwilioApiError.fromResponse(status, typeof body === 'string' ? body : JSON.stringify(body));

describe('describeTwilioFailure', () => {
  it.each([
    ['rejected credentials', answered(401, { code: 20003, message: 'Authenticate' }), /did not accept the saved account details.*check the Account SID/],
    ['throttling', answered(429, { code: 20429, message: 'Too Many Requests' }), /limiting how many requests.*will wait and try again/],
    ['throttling by code alone', answered(400, { code: 20429, message: 'Too Many Requests' }), /limiting how many requests/],
    ['an outage', answered(503, { code: 20503, message: 'Service Unavailable' }), /trouble on its side.*will keep trying/],
    ['a proxy’s HTML error page', answered(502, '<html>Bad Gateway</html>'), /trouble on its side/],
    ['no answer in time', new TwilioNetworkError('timeout'), /did not answer in time/],
    ['no connection', new TwilioNetworkError('offline'), /could not be reached.*internet connection/],
  ])('names %s in plain words', (_, error, expected) => {
    const sentence = describeTwilioFailure(error);
    expect(sentence).toMatch(expected);
    // Nothing a rep would have to decode, and nothing about a message not sent: a sync sends nothing.
    expect(sentence).not.toMatch(/HTTP|\b20\d{3}\b|did not send this/);
  });

  it('quotes Twilio’s own words for an error it has no explanation of, not the client’s wrapping', () => {
    const sentence = describeTwilioFailure(answered(400, { code: 21999, message: 'Something new' }));
    expect(sentence).toContain('Twilio said: “Something new”');
    expect(sentence).not.toContain('HTTP');
  });

  it('falls back to a generic sentence for anything else', () => {
    expect(describeTwilioFailure(new TwilioProtocolError('Twilio answered with something other than JSON.'))).toMatch(/Dealchat will try again/);
  });
});
