import type { TwilioMessage } from '../../utils/background/twilio/types';

let counter = 0;

/** An RFC 2822 GMT date as Twilio writes it. */
export function twilioDate(epochMs: number): string {
  return new Date(epochMs).toUTCString().replace('GMT', '+0000');
}

export function nextSid(prefix = 'SM'): string {
  counter += 1;
  return `${prefix}${counter.toString(16).padStart(32, '0')}`;
}

/** A Twilio message resource with sensible defaults, for store and sync tests. */
export function twilioMessage(overrides: Partial<TwilioMessage> & { at?: number } = {}): TwilioMessage {
  const { at = Date.UTC(2026, 10, 20, 9), ...fields } = overrides;
  return {
    sid: nextSid(),
    account_sid: `AC${'a'.repeat(32)}`,
    from: 'whatsapp:+46701234567',
    to: 'whatsapp:+14155550100',
    body: 'Hello',
    status: 'received',
    direction: 'inbound',
    num_media: '0',
    error_code: null,
    error_message: null,
    date_created: twilioDate(at),
    date_sent: twilioDate(at),
    date_updated: twilioDate(at),
    messaging_service_sid: null,
    uri: null,
    ...fields,
  };
}
