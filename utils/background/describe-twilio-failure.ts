import { explainTwilioError } from './twilio/error-explanations';
import { isThrottled, TwilioApiError, TwilioNetworkError } from './twilio/errors';

/**
 * One sentence for the rep about a failed sync or request, never containing credentials. Throttling
 * and Twilio's own outages pass by themselves, so those say that Dealchat keeps trying; the
 * per-message explanations would speak of a message not sent, which a sync is not.
 */
export function describeTwilioFailure(error: unknown): string {
  if (error instanceof TwilioApiError) {
    if (isThrottled(error)) {
      return 'Twilio is limiting how many requests your account can make right now. Dealchat will wait and try again.';
    }
    if (error.status >= 500) return 'Twilio is having trouble on its side right now. Dealchat will keep trying.';
    const explanation = explainTwilioError(error.code, error.twilioMessage);
    return `${explanation.summary} ${explanation.action}`;
  }
  if (error instanceof TwilioNetworkError) {
    return error.kind === 'timeout'
      ? 'Twilio did not answer in time. Dealchat will keep trying; check your connection if this persists.'
      : 'Twilio could not be reached. Check your internet connection; Dealchat will keep trying.';
  }
  return 'Something went wrong while talking to Twilio. Dealchat will try again shortly.';
}
