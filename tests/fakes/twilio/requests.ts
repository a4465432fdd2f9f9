/** What the fake remembers about each request, so tests can assert exactly what the client sent. */

/** A single value, or every value of a parameter the spec declares repeatable (always an array). */
export type Params = Record<string, string | string[]>;

export interface RecordedRequest {
  method: string;
  host: string;
  path: string;
  query: Params;
  form: Params;
  /** The Basic auth username only: tests must never need, nor see, the secret. */
  authUsername: string | null;
  /** `null` while the request is in flight. */
  status: number | 'dropped' | null;
}

export type RequestPredicate = (request: RecordedRequest) => boolean;

export interface BasicCredentials {
  username: string;
  password: string;
}

export function basicCredentials(request: Request): BasicCredentials | null {
  const header = request.headers.get('authorization');
  const encoded = /^Basic\s+(\S+)$/i.exec(header ?? '')?.[1];
  if (encoded === undefined) return null;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
