/** "Test connection": calls Twilio with the form's values and says in plain words what is wrong. */
import { explainTwilioError } from '@/utils/background/twilio/error-explanations';
import { TwilioApiError, TwilioNetworkError } from '@/utils/background/twilio/errors';
import type { TwilioClient } from '@/utils/background/twilio/types';
import type { ConnectionTestResult } from '@/utils/messaging/views';
import type { StoredSettings } from './settings';

const MAX_TEMPLATE_PAGES = 20;

export async function testConnection(settings: StoredSettings, client: TwilioClient): Promise<ConnectionTestResult> {
  try {
    const account = await client.fetchAccount();
    if (account.status !== null && account.status !== 'active') {
      return {
        ok: false,
        problem: 'account-inactive',
        message: `The Twilio account is ${account.status}, so it cannot send messages. Reactivate it in the Twilio Console.`,
      };
    }
    let templateCount = 0;
    let pages = 0;
    for await (const page of client.listContentAndApprovals(500)) {
      templateCount += page.length;
      if (++pages >= MAX_TEMPLATE_PAGES) break;
    }
    const notes: string[] = [];
    if (account.type === 'Trial') {
      notes.push('This is a trial account: it can only message numbers you have verified in the Twilio Console.');
    }
    if (templateCount === 0) {
      notes.push('No message templates were found. You need an approved template to start a conversation.');
    }
    for await (const page of client.listMessages({ from: settings.whatsappSender, pageSize: 1 })) {
      if (page.length === 0) {
        notes.push(`No messages have been sent from ${settings.whatsappSender} yet. If you expected some, check the WhatsApp sender number.`);
      }
      break;
    }
    return { ok: true, accountName: account.friendly_name ?? settings.accountSid, accountType: account.type ?? 'unknown', templateCount, notes };
  } catch (error) {
    return describeFailure(error, settings);
  }
}

function describeFailure(error: unknown, settings: StoredSettings): ConnectionTestResult {
  if (error instanceof TwilioNetworkError) {
    return {
      ok: false,
      problem: 'network',
      message:
        error.kind === 'timeout'
          ? 'Twilio did not answer in time. Check your internet connection and try again.'
          : 'Twilio could not be reached. Check your internet connection (or your company’s firewall) and try again.',
    };
  }
  if (error instanceof TwilioApiError && (error.status === 401 || error.code === 20003)) {
    const which = settings.authMethod === 'apiKey' ? 'API Key SID and API Key Secret' : 'Auth Token';
    return {
      ok: false,
      problem: 'credentials-rejected',
      message: `Twilio rejected these credentials. Check that the ${which} belong to account ${settings.accountSid}, and that the key has not been deleted.`,
    };
  }
  if (error instanceof TwilioApiError && error.status === 404) {
    return {
      ok: false,
      problem: 'credentials-rejected',
      message: `Twilio found no account ${settings.accountSid} for these credentials. Check the Account SID.`,
      fieldErrors: { accountSid: 'Twilio does not know this Account SID for these credentials.' },
    };
  }
  const explanation = explainTwilioError(error instanceof TwilioApiError ? error.code : null, error instanceof Error ? error.message : undefined);
  return { ok: false, problem: 'twilio-error', message: `${explanation.summary} ${explanation.action}` };
}
