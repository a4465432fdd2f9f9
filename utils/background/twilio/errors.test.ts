import { isOutcomeUnknown, isRetryable, TwilioApiError, TwilioNetworkError, TwilioProtocolError } from './errors';

const body = (fields: object) => JSON.stringify(fields);

describe('TwilioApiError.fromResponse', () => {
  it('carries what Twilio reported', () => {
    const error = TwilioApiError.fromResponse(
      400,
      body({
        code: 21211,
        message: "Invalid 'To' Phone Number: +4670",
        more_info: 'https://www.twilio.com/docs/errors/21211',
        status: 400,
      }),
    );
    expect(error).toMatchObject({
      status: 400,
      code: 21211,
      twilioMessage: "Invalid 'To' Phone Number: +4670",
      moreInfo: 'https://www.twilio.com/docs/errors/21211',
      retryAfterMs: null,
    });
    expect(error.message).toContain('21211');
    expect(error.message).toContain("Invalid 'To' Phone Number");
  });

  it('tolerates bodies that are not Twilio JSON', () => {
    for (const text of ['<html><body>Bad Gateway</body></html>', '', 'null', '[1,2]', '"oops"']) {
      expect(TwilioApiError.fromResponse(502, text)).toMatchObject({
        status: 502,
        code: null,
        twilioMessage: 'HTTP 502',
        moreInfo: null,
      });
    }
  });

  it('ignores fields of the wrong type', () => {
    const error = TwilioApiError.fromResponse(500, body({ code: '20500', message: 42, more_info: null }));
    expect(error).toMatchObject({ code: null, twilioMessage: 'HTTP 500', moreInfo: null });
  });

  it('keeps the Retry-After the server sent', () => {
    expect(TwilioApiError.fromResponse(429, body({ code: 20429 }), '2').retryAfterMs).toBe(2_000);
  });
});

describe('isRetryable and isOutcomeUnknown', () => {
  const api = (status: number, code: number | null = null) => new TwilioApiError(status, code, 'x', null);

  it.each<[string, unknown, boolean, boolean]>([
    ['429', api(429), true, false],
    ['code 20429', api(400, 20429), true, false],
    ['429 with code 20429', api(429, 20429), true, false],
    ['500', api(500), true, true],
    ['503', api(503, 20503), true, true],
    ['network failure', new TwilioNetworkError('offline'), true, true],
    ['timeout', new TwilioNetworkError('timeout'), true, true],
    ['400 21211', api(400, 21211), false, false],
    ['401 20003', api(401, 20003), false, false],
    ['404', api(404, 20404), false, false],
    ['unreadable success', new TwilioProtocolError('x'), false, true],
    ['a programming error', new Error('bug'), false, false],
    ['not an error', 'oops', false, false],
  ])('%s: retryable %s, outcome unknown %s', (_, error, retryable, unknown) => {
    expect(isRetryable(error)).toBe(retryable);
    expect(isOutcomeUnknown(error)).toBe(unknown);
  });
});
