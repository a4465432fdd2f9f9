import { TwilioProtocolError } from './errors';
import type {
  TwilioAccount,
  TwilioContentAndApprovals,
  TwilioContentPage,
  TwilioMedia,
  TwilioMessage,
  TwilioMessagePage,
} from './types';

/*
 * Checks only the structure the client and its callers navigate (lists, sids, paging links); the field values
 * are Twilio's, typed as documented. A response failing these checks is not from Twilio's API as we know it.
 */

type Fields = Record<string, unknown>;

const ACCOUNT_STATUSES = ['active', 'suspended', 'closed'] as const;
const ACCOUNT_TYPES = ['Trial', 'Full'] as const;

export function readMessage(json: unknown): TwilioMessage {
  return requireShape(json, hasSid, 'a message') as unknown as TwilioMessage;
}

export function readMessagePage(json: unknown): TwilioMessagePage {
  const page = requireShape(json, isFields, 'a page of messages');
  const messages = requireShape(page.messages, isListOf(hasSid), 'a list of messages');
  return { ...page, messages, next_page_uri: optionalString(page.next_page_uri) } as unknown as TwilioMessagePage;
}

export function readMediaList(json: unknown): TwilioMedia[] {
  const page = requireShape(json, isFields, 'a list of media');
  return requireShape(page.media_list, isListOf(hasSid), 'a list of media') as unknown as TwilioMedia[];
}

export function readContentPage(json: unknown): TwilioContentPage {
  const page = requireShape(json, isFields, 'a page of templates');
  const contents = requireShape(page.contents, isListOf(isFields), 'a list of templates');
  const meta = requireShape(page.meta, isFields, 'paging details');
  return {
    contents: contents as unknown as TwilioContentAndApprovals[],
    meta: { ...meta, next_page_url: optionalString(meta.next_page_url) } as TwilioContentPage['meta'],
  };
}

/** Only the fields Dealchat shows: the full account resource also carries the account's `auth_token`. */
export function readAccount(json: unknown): TwilioAccount {
  const account = requireShape(json, hasSid, 'an account');
  return {
    sid: account.sid,
    friendly_name: optionalString(account.friendly_name),
    status: oneOf(account.status, ACCOUNT_STATUSES),
    type: oneOf(account.type, ACCOUNT_TYPES),
  };
}

function requireShape<T>(value: unknown, guard: (value: unknown) => value is T, what: string): T {
  if (!guard(value)) throw new TwilioProtocolError(`Twilio's answer was not ${what} as expected.`);
  return value;
}

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasSid(value: unknown): value is Fields & { sid: string } {
  return isFields(value) && typeof value.sid === 'string' && value.sid !== '';
}

function isListOf<T>(guard: (item: unknown) => item is T): (value: unknown) => value is T[] {
  return (value): value is T[] => Array.isArray(value) && value.every(guard);
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | null {
  return allowed.find((candidate) => candidate === value) ?? null;
}
