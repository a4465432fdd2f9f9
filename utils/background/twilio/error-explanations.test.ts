import { explainTwilioError } from './error-explanations';

const REQUIRED = [
  20003, 20429, 21211, 21608, 63003, 63007, 63014, 63016, 63018, 63021, 63024, 63030, 63038, 63040, 63049,
];
const EXTRAS = [21610, 21614, 21617, 63005, 63032, 30003, 30005, 30006, 30007, 30008];

describe('explainTwilioError', () => {
  const generic = explainTwilioError(99999);

  it.each([...REQUIRED, ...EXTRAS])('explains %i specifically', (code) => {
    const explanation = explainTwilioError(code, 'Developer text from Twilio');
    expect(explanation.code).toBe(code);
    expect(explanation.summary).not.toBe(generic.summary.replace('99999', String(code)));
    expect(explanation.summary).not.toContain('Developer text');
    expect(explanation.summary).toMatch(/\.$/);
    expect(explanation.action).toMatch(/\.$/);
  });

  it('gives every code its own summary', () => {
    const summaries = [...REQUIRED, ...EXTRAS].map((code) => explainTwilioError(code).summary);
    expect(new Set(summaries).size).toBe(summaries.length);
  });

  it('points to the fix for the errors a rep meets most', () => {
    expect(explainTwilioError(63016).action).toMatch(/template/i);
    expect(explainTwilioError(20003).action).toMatch(/options/i);
    expect(explainTwilioError(21211).action).toMatch(/country code/i);
  });

  it('falls back with the code and what Twilio said', () => {
    const explanation = explainTwilioError(12345, 'Something odd');
    expect(explanation.code).toBe(12345);
    expect(explanation.summary).toContain('12345');
    expect(explanation.summary).toContain('Something odd');
    expect(explanation.action).toContain('12345');
  });

  it('explains a failure without a code', () => {
    const explanation = explainTwilioError(null);
    expect(explanation.code).toBeNull();
    expect(explanation.summary).not.toContain('null');
    expect(explanation.action).not.toBe('');
  });
});
