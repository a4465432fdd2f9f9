/** A company's own subdomain: one DNS label, so `acme.pipedrive.com.evil.example` never qualifies. */
const COMPANY_HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.pipedrive\.com$/;
const DEAL_PATH = /^\/deal\/(\d+)(?:\/.*)?$/;

/** The company's Pipedrive origin a page is on: the only place its API token may be sent. */
export function pipedriveOrigin(pageUrl: string): string | null {
  return companyUrl(pageUrl)?.origin ?? null;
}

export function pipedriveDealId(pageUrl: string): string | null {
  const url = companyUrl(pageUrl);
  return url === null ? null : (DEAL_PATH.exec(url.pathname)?.[1] ?? null);
}

function companyUrl(value: string): URL | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return url.protocol === 'https:' && COMPANY_HOST.test(url.hostname) ? url : null;
}
