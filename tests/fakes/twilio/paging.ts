/**
 * Twilio's token paging. A token names the item a page starts after (`PA…`) or ends before (`PB…`),
 * so pages stay stable while new messages arrive at the top, as they do on the real API.
 */
import type { Params } from './requests';
import { TwilioApiError } from './wire';

const DEFAULT_PAGE_SIZE = 50;

export interface PageRequest {
  pageSize: number;
  page: number;
  pageToken: string | null;
}

interface Identified {
  sid: string;
}

interface Page<T> {
  items: T[];
  start: number;
  nextToken: string | null;
  previousToken: string | null;
}

/** Expects `PageSize` and `Page` to have been checked as integers against the spec already. */
export function readPageRequest(query: Params): PageRequest {
  const single = (name: string) => {
    const value = query[name];
    return typeof value === 'string' ? value : undefined;
  };
  return {
    pageSize: Number(single('PageSize') ?? DEFAULT_PAGE_SIZE),
    page: Number(single('Page') ?? 0),
    pageToken: single('PageToken') ?? null,
  };
}

function paginate<T extends Identified>(items: T[], request: PageRequest): Page<T> {
  let from = 0;
  let to = request.pageSize;
  if (request.pageToken !== null) {
    const token = /^P([AB])(.+)$/.exec(request.pageToken);
    const anchor = token ? items.findIndex((item) => item.sid === token[2]) : -1;
    if (!token || anchor < 0) throw new TwilioApiError(400, 20001, `Invalid PageToken: ${request.pageToken}`);
    [from, to] =
      token[1] === 'A' ? [anchor + 1, anchor + 1 + request.pageSize] : [Math.max(0, anchor - request.pageSize), anchor];
  }
  const slice = items.slice(from, to);
  const first = slice[0];
  const last = slice[slice.length - 1];
  return {
    items: slice,
    start: request.page * request.pageSize,
    nextToken: last && to < items.length ? `PA${last.sid}` : null,
    previousToken: first && from > 0 ? `PB${first.sid}` : null,
  };
}

/** Keeps the caller's filters and replaces the paging parameters, in Twilio's order. */
function pageLink(url: URL, pageSize: number, page: number, token: string | null): string {
  const search = new URLSearchParams(url.searchParams);
  for (const name of ['PageSize', 'Page', 'PageToken']) search.delete(name);
  search.append('PageSize', String(pageSize));
  search.append('Page', String(page));
  if (token !== null) search.append('PageToken', token);
  return `${url.pathname}?${search.toString()}`;
}

/** A v2010 list page: links relative to https://api.twilio.com. */
export function v2010ListPage(
  key: string,
  items: Identified[],
  url: URL,
  request: PageRequest,
): Record<string, unknown> {
  const page = paginate(items, request);
  const link = (index: number, token: string | null) => pageLink(url, request.pageSize, index, token);
  return {
    [key]: page.items,
    start: page.start,
    end: page.start + Math.max(0, page.items.length - 1),
    page: request.page,
    page_size: request.pageSize,
    uri: link(request.page, request.pageToken),
    first_page_uri: link(0, null),
    next_page_uri: page.nextToken === null ? null : link(request.page + 1, page.nextToken),
    previous_page_uri: page.previousToken === null ? null : link(Math.max(0, request.page - 1), page.previousToken),
  };
}

/** A Content API list page: links absolute, under `meta`. */
export function contentListPage(
  items: Identified[],
  url: URL,
  request: PageRequest,
): Record<string, unknown> {
  const page = paginate(items, request);
  const link = (index: number, token: string | null) =>
    `${url.protocol}//${url.host}${pageLink(url, request.pageSize, index, token)}`;
  return {
    contents: page.items,
    meta: {
      page: request.page,
      page_size: request.pageSize,
      first_page_url: link(0, null),
      previous_page_url:
        page.previousToken === null ? null : link(Math.max(0, request.page - 1), page.previousToken),
      url: link(request.page, request.pageToken),
      next_page_url: page.nextToken === null ? null : link(request.page + 1, page.nextToken),
      key: 'contents',
    },
  };
}
