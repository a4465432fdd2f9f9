/** Formatting shared by every resource the fake serves, so each one looks exactly like Twilio's. */

export const API_HOST = 'api.twilio.com';
export const CONTENT_HOST = 'content.twilio.com';
export const API_VERSION = '2010-04-01';

/** `Thu, 24 Aug 2023 05:01:45 +0000`: the v2010 API's dates. */
export function rfc2822(ms: number): string {
  return new Date(ms).toUTCString().replace('GMT', '+0000');
}

/** `2023-08-24T05:01:45Z`: the Content API's dates (no milliseconds, as Twilio sends them). */
export function iso8601(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `YYYY-MM-DD` in GMT: the granularity of Twilio's date filters. */
export function gmtDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A Twilio SID: two-letter prefix and 32 hex digits. */
export function newSid(prefix: string): string {
  return prefix + crypto.randomUUID().replace(/-/g, '');
}

/** Thrown by any step of handling; becomes Twilio's error body (`code`, `message`, `more_info`, `status`). */
export class TwilioApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number | null,
    message: string,
  ) {
    super(message);
  }
}

export function errorResponse(error: TwilioApiError): Response {
  return Response.json(
    {
      code: error.code,
      message: error.message,
      more_info: error.code === null ? null : `https://www.twilio.com/docs/errors/${error.code}`,
      status: error.status,
    },
    { status: error.status },
  );
}
