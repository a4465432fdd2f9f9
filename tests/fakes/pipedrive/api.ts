/** Pipedrive's API error bodies: `{success: false, error, errorCode, error_info}`. */

const ERROR_INFO = 'Please check developers.pipedrive.com for more information about Pipedrive API.';

export function apiError(status: number, error: string, headers?: HeadersInit): Response {
  return Response.json({ success: false, error, errorCode: status, error_info: ERROR_INFO }, { status, headers });
}

export function apiData(data: unknown): Response {
  return Response.json({ success: true, data });
}

/** Where each API path's record lives, and what Pipedrive calls it when it is missing. */
const API_ROUTES = [
  { pattern: /^\/api\/v2\/deals\/(\d+)$/, kind: 'deal', missing: 'Deal not found' },
  { pattern: /^\/api\/v2\/persons\/(\d+)$/, kind: 'person', missing: 'Person not found' },
  { pattern: /^\/api\/v2\/organizations\/(\d+)$/, kind: 'organization', missing: 'Organization not found' },
  { pattern: /^\/api\/v1\/users\/(\d+)$/, kind: 'user', missing: 'User not found' },
] as const;

export type RecordKind = (typeof API_ROUTES)[number]['kind'];

export function matchApiRoute(path: string): { kind: RecordKind; id: number; missing: string } | null {
  for (const route of API_ROUTES) {
    const id = route.pattern.exec(path)?.[1];
    if (id !== undefined) return { kind: route.kind, id: Number(id), missing: route.missing };
  }
  return null;
}
