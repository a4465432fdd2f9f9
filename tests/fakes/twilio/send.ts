/**
 * Validation of `POST …/Messages.json` in Twilio's order, with Twilio's synchronous error codes.
 * Failures WhatsApp reports later (63016 and the like) are not decided here.
 */
import type { Params } from './requests';
import { renderTemplate, type StoredTemplate } from './templates';
import { TwilioApiError } from './wire';

const MAX_BODY = 1600;
const MAX_MEDIA = 10;
const WHATSAPP_ADDRESS = /^whatsapp:\+[1-9]\d{6,14}$/;

export interface SendContext {
  /** `whatsapp:+…` addresses that have a WhatsApp channel on the account. */
  senders: ReadonlySet<string>;
  messagingServiceSids: ReadonlySet<string>;
  template(sid: string): StoredTemplate | undefined;
}

export interface SendPlan {
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  mediaUrls: string[];
  /** Templates may open a conversation; free-form messages need the 24-hour window. */
  isTemplate: boolean;
}

function single(form: Params, name: string): string | undefined {
  const value = form[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function fail(code: number, message: string): never {
  throw new TwilioApiError(400, code, message);
}

export function planSend(form: Params, context: SendContext): SendPlan {
  const to = single(form, 'To') ?? fail(21604, "A 'To' phone number is required.");
  const from = single(form, 'From') ?? null;
  const messagingServiceSid = single(form, 'MessagingServiceSid') ?? null;
  if (from === null && messagingServiceSid === null) fail(21603, "A 'From' phone number is required.");
  if (messagingServiceSid !== null && !context.messagingServiceSids.has(messagingServiceSid)) {
    fail(21705, `The Messaging Service Sid ${messagingServiceSid} is invalid.`);
  }
  if (from !== null && !context.senders.has(from)) {
    fail(63007, `Twilio could not find a Channel with the specified From address: ${from}`);
  }
  if (!WHATSAPP_ADDRESS.test(to)) fail(21211, `Invalid 'To' Phone Number: ${to}`);

  const mediaUrls = [form.MediaUrl ?? []].flat().filter((url) => url !== '');
  const contentSid = single(form, 'ContentSid');
  const contentVariables = single(form, 'ContentVariables');
  const body = single(form, 'Body');
  if (body === undefined && mediaUrls.length === 0 && contentSid === undefined) {
    fail(21619, 'A text message body or media urls must be specified.');
  }
  if (mediaUrls.length > MAX_MEDIA) fail(21623, 'Number of media files exceeds allowed limit');
  const badUrl = mediaUrls.find((url) => !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol));
  if (badUrl !== undefined) fail(21620, `Invalid media URL(s): ${badUrl}`);
  if (body !== undefined && body.length > MAX_BODY) {
    fail(21617, `The concatenated message body exceeds the ${MAX_BODY} character limit.`);
  }
  if (contentVariables !== undefined && contentSid === undefined) {
    fail(21656, 'The ContentVariables Parameter is invalid: ContentSid is required with ContentVariables');
  }

  if (contentSid === undefined) {
    return { to, from, messagingServiceSid, body: body ?? '', mediaUrls, isTemplate: false };
  }
  const template = context.template(contentSid) ?? fail(21655, `The ContentSid is Invalid: ${contentSid}`);
  const values = contentVariables === undefined ? {} : parseContentVariables(contentVariables);
  return { to, from, messagingServiceSid, body: renderTemplate(template, values), mediaUrls, isTemplate: true };
}

/** A JSON object of non-empty one-line strings, as Twilio requires for approved WhatsApp templates. */
function parseContentVariables(text: string): Record<string, string> {
  function invalid(why: string): never {
    fail(21656, `The ContentVariables Parameter is invalid: ${why}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    invalid('not a JSON string');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) invalid('not a JSON object');
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof value !== 'string' || value === '') invalid(`"${key}" must be a non-empty string`);
    if (/[\n\t]| {5}/.test(value)) invalid(`"${key}" contains a newline, a tab or more than four spaces in a row`);
    values[key] = value;
  }
  return values;
}
