/** Checks several requests make before they do anything; each refusal says what the rep can do. */
import { RequestError } from '@/utils/background/request-error';
import { getContact, sessionTimestamps } from '@/utils/background/store/contacts';
import { evaluateWindow } from '@/utils/whatsapp/session-window';
import type { HandlerContext } from './context';

export async function requireConfigured(context: Pick<HandlerContext, 'connection'>) {
  const connection = await context.connection();
  if (!connection) {
    throw new RequestError('not-configured', 'Dealchat is not connected to Twilio yet. Open Dealchat’s settings to add your credentials.');
  }
  return connection;
}

export async function requireOpenWindow(context: Pick<HandlerContext, 'db' | 'twilioNow'>, contact: string): Promise<void> {
  const window = evaluateWindow(sessionTimestamps(await getContact(context.db, contact)), context.twilioNow());
  if (!window.open) {
    throw new RequestError(
      'invalid',
      'The 24-hour window with this contact is closed, so WhatsApp only accepts an approved template. It opens again when they reply.',
    );
  }
}
