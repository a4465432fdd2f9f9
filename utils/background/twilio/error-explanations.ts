import type { ErrorExplanation } from '@/utils/messaging/views';

type Explanation = Omit<ErrorExplanation, 'code'>;

const TWILIO_ADMIN = 'whoever manages your company’s Twilio account';

// Written for a sales rep reading them beside a failed message, not for the developer who set Twilio up.
const EXPLANATIONS: ReadonlyMap<number, Explanation> = new Map([
  [
    20003,
    {
      summary: 'Twilio did not accept the saved account details.',
      action: 'Open Dealchat’s options and check the Account SID and the API key or Auth Token.',
    },
  ],
  [
    20404,
    {
      summary: 'Twilio could not find what Dealchat asked for.',
      action: 'If the message or template was deleted in Twilio, there is nothing to do. Otherwise try again later.',
    },
  ],
  [
    20429,
    {
      summary: 'Twilio is receiving too many requests from your account right now, so it did not send this.',
      action: 'Wait a minute and try again.',
    },
  ],
  [
    21211,
    {
      summary: 'The phone number is not a valid number.',
      action: 'Check the contact’s number in the CRM, including the country code.',
    },
  ],
  [
    21408,
    {
      summary: 'Your Twilio account is not allowed to message this country.',
      action: `Ask ${TWILIO_ADMIN} to enable messaging to this country (Geo permissions).`,
    },
  ],
  [
    21608,
    {
      summary: 'Your Twilio account is a trial account, which can only message numbers verified in Twilio.',
      action: `Ask ${TWILIO_ADMIN} to verify this number, or to upgrade the account.`,
    },
  ],
  [
    21610,
    {
      summary: 'This contact has unsubscribed (replied STOP), so Twilio blocks messages to them.',
      action: 'Do not message them here. They can opt in again by replying START.',
    },
  ],
  [
    21614,
    {
      summary: 'The number is not a mobile number that can receive messages.',
      action: 'Check the contact’s number in the CRM; use their mobile number.',
    },
  ],
  [
    21617,
    {
      summary: 'The message is longer than the 1,600-character limit.',
      action: 'Shorten the text, or split it into several messages.',
    },
  ],
  [
    21619,
    {
      summary: 'The message was empty.',
      action: 'Write some text or attach a media link, then send again.',
    },
  ],
  [
    21620,
    {
      summary: 'A media link could not be used.',
      action: 'Check that each link is a public https address of an image, video or document.',
    },
  ],
  [
    21656,
    {
      summary: 'The template values were not in a form Twilio accepts.',
      action: 'Fill in every template field again and resend. If it keeps failing, tell your Dealchat admin.',
    },
  ],
  [
    63001,
    {
      summary: 'WhatsApp did not accept your company’s sender credentials.',
      action: `Tell ${TWILIO_ADMIN}: the WhatsApp sender needs attention.`,
    },
  ],
  [
    63003,
    {
      summary: 'WhatsApp could not find this number, or it is no longer active.',
      action: 'Check the number with the contact, or reach them another way.',
    },
  ],
  [
    63005,
    {
      summary: 'WhatsApp did not accept the content of this message.',
      action: 'Change the text or attachment (supported files, no blocked content) and try again.',
    },
  ],
  [
    63007,
    {
      summary: 'Your company’s WhatsApp sender is not set up in this Twilio account.',
      action: `Check the WhatsApp sender in Dealchat’s options, or ask ${TWILIO_ADMIN} which number to use.`,
    },
  ],
  [
    63013,
    {
      summary: 'WhatsApp blocked this message because it breaks WhatsApp’s business policies.',
      action: 'Review the wording and content; do not resend the same message.',
    },
  ],
  [
    63014,
    {
      summary: 'The contact has blocked your company on WhatsApp, so the message was not delivered.',
      action: 'Reach them another way, such as email or a phone call.',
    },
  ],
  [
    63015,
    {
      summary: 'The sender is Twilio’s WhatsApp test sandbox, which only reaches numbers that joined it.',
      action: `Ask the contact to join the sandbox, or ask ${TWILIO_ADMIN} for a real WhatsApp sender.`,
    },
  ],
  [
    63016,
    {
      summary: 'The contact has not written to you in the last 24 hours, so WhatsApp only allows an approved template.',
      action: 'Send an approved template instead. When they reply, you can write freely again for 24 hours.',
    },
  ],
  [
    63018,
    {
      summary: 'Your company hit WhatsApp’s sending rate limit, so this message was not sent.',
      action: 'Wait a few minutes and try again.',
    },
  ],
  [
    63019,
    {
      summary: 'WhatsApp could not download the attached media.',
      action: 'Check that the link opens without logging in, and that the file is not too large (16 MB, images 5 MB).',
    },
  ],
  [
    63021,
    {
      summary: 'The template with your values filled in is too long for WhatsApp (1,024 characters at most).',
      action: 'Use shorter values in the template fields.',
    },
  ],
  [
    63024,
    {
      summary: 'This number cannot receive WhatsApp messages (it may not use WhatsApp, or uses an outdated app).',
      action: 'Check the number with the contact, or reach them another way.',
    },
  ],
  [
    63027,
    {
      summary: 'This template does not exist on WhatsApp in the chosen language.',
      action: 'Pick another template, or ask whoever manages your templates to check this one.',
    },
  ],
  [
    63028,
    {
      summary: 'The number of values filled in does not match what the template expects.',
      action: 'Fill in every template field and send again.',
    },
  ],
  [
    63030,
    {
      summary: 'This template does not allow attachments in the way they were sent.',
      action: 'Send the template without attachments, or use a template made for media.',
    },
  ],
  [
    63032,
    {
      summary: 'WhatsApp limits which business messages this contact receives, so it did not deliver this one.',
      action: 'Try again later or reach the contact another way; resending now will not help.',
    },
  ],
  [
    63038,
    {
      summary: 'Your company reached its daily WhatsApp message limit.',
      action: `Try again tomorrow. If this happens often, ask ${TWILIO_ADMIN} about raising the limit.`,
    },
  ],
  [
    63040,
    {
      summary: 'WhatsApp rejected this template, so it cannot be sent.',
      action: 'Pick an approved template.',
    },
  ],
  [
    63041,
    {
      summary: 'WhatsApp paused this template because recipients reported or blocked it.',
      action: 'Pick another approved template.',
    },
  ],
  [
    63042,
    {
      summary: 'WhatsApp disabled this template, so it cannot be sent.',
      action: 'Pick another approved template.',
    },
  ],
  [
    63049,
    {
      summary:
        'WhatsApp (Meta) chose not to deliver this marketing template. Marketing templates never reach US numbers.',
      action: 'Use a utility template if it fits, wait for the contact to write to you, or reach them another way.',
    },
  ],
  [
    30003,
    {
      summary: 'The contact’s phone could not be reached (it may be off or out of coverage).',
      action: 'Try again later.',
    },
  ],
  [
    30005,
    {
      summary: 'The number does not exist or is no longer in use.',
      action: 'Check the contact’s number in the CRM.',
    },
  ],
  [
    30006,
    {
      summary: 'The number is a landline or otherwise cannot receive messages.',
      action: 'Use the contact’s mobile number.',
    },
  ],
  [
    30007,
    {
      summary: 'The message was filtered as possible spam and not delivered.',
      action: 'Rewrite it in plainer words (fewer links, no all-caps) and try again.',
    },
  ],
  [
    30008,
    {
      summary: 'The message could not be delivered for a reason the network did not give.',
      action: 'Try again later; if it keeps failing, reach the contact another way.',
    },
  ],
]);

/** Turns a Twilio error code into what happened and what to do, in a rep’s words. */
export function explainTwilioError(code: number | null, fallbackMessage?: string): ErrorExplanation {
  const known = code === null ? undefined : EXPLANATIONS.get(code);
  if (known) return { code, ...known };
  const detail = fallbackMessage?.trim() ? ` Twilio said: “${fallbackMessage.trim()}”` : '';
  if (code === null) {
    return {
      code,
      summary: `The message could not be sent through Twilio.${detail}`,
      action: 'Try again in a few minutes. If it keeps failing, tell your Dealchat admin.',
    };
  }
  return {
    code,
    summary: `Twilio reported error ${code}.${detail}`,
    action: `Try again in a few minutes. If it keeps failing, give ${TWILIO_ADMIN} the error code ${code}.`,
  };
}
