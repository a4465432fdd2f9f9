import { explainTwilioError } from '../twilio/error-explanations';
import { TwilioApiError, TwilioNetworkError } from '../twilio/errors';

/** One sentence for the rep about a failed sync or request, never containing credentials. */
export function describeError(error: unknown): string {
  if (error instanceof TwilioApiError) {
    const explanation = explainTwilioError(error.code, error.message);
    return `${explanation.summary} ${explanation.action}`;
  }
  if (error instanceof TwilioNetworkError) {
    return error.kind === 'timeout'
      ? 'Twilio did not answer in time. Dealchat will keep trying; check your connection if this persists.'
      : 'Twilio could not be reached. Check your internet connection; Dealchat will keep trying.';
  }
  return 'Something went wrong while talking to Twilio. Dealchat will try again shortly.';
}
