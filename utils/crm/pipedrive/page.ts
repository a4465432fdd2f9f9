import type { CrmPageAdapter } from '@/utils/crm/adapter';
import type { PageDeal, RawPhone } from '@/utils/crm/crm-deal';
import { pipedriveDealId } from './url';

/*
 * Pipedrive's markup is no public API and changes without notice, so each part of the deal page is
 * looked for with a few selectors, best first: `data-testid` attributes (they survive restyling),
 * then class names, then links whose targets Pipedrive's routes fix (`/person/<id>`, `tel:`).
 * tests/fakes/pipedrive renders markup with these. When none matches, the panel floats and the
 * page reads as empty; with an API token, the deal is still read from the API.
 */
const SIDEBAR = ['[data-testid="deal-details-sidebar"]', '.dealDetailsSidebar', '[data-testid="deal-sidebar"]'];
const TITLE = ['[data-testid="deal-title"]', '.dealDetails__title', '[data-testid="deal-header"] h1'];
const PERSON_BLOCK = ['[data-testid="person-block"]', '.sidebarBlock--person'];
const PERSON_NAME = ['[data-testid="person-name"]', 'a[href*="/person/"]'];
const ORGANIZATION_NAME = ['[data-testid="organization-name"]', 'a[href*="/organization/"]'];
const PHONE_LINK = 'a[href^="tel:"]';
const PHONE_ITEM = '[data-testid="phone-item"], li';
const PHONE_LABEL = '[data-testid="phone-label"]';

export const pipedrivePage: CrmPageAdapter<'pipedrive'> = {
  id: 'pipedrive',
  label: 'Pipedrive',
  pagePatterns: ['https://*.pipedrive.com/*'],
  dealIdFromUrl: pipedriveDealId,
  findMountPoint: findPipedriveMountPoint,
  readDealFromPage: readPipedriveDealPage,
};

export function findPipedriveMountPoint(document: Document): Element | null {
  return first(document, SIDEBAR);
}

export function readPipedriveDealPage(document: Document): PageDeal {
  const sidebar = first(document, SIDEBAR);
  const personBlock = first(document, PERSON_BLOCK);
  return {
    title: textOf(first(document, TITLE)),
    personName: textOf(personBlock && first(personBlock, PERSON_NAME)),
    organizationName: textOf(sidebar && first(sidebar, ORGANIZATION_NAME)),
    // Only the person's numbers: notes and activities in the main column may hold anyone's.
    rawPhones: [...(personBlock ?? sidebar)?.querySelectorAll(PHONE_LINK) ?? []].flatMap(readPhone),
  };
}

/** The page does not mark a primary number, so none is. */
function readPhone(link: Element): RawPhone[] {
  const value = textOf(link) ?? decodeTel(link.getAttribute('href') ?? '');
  return value === null ? [] : [{ value, label: labelOf(link), primary: false }];
}

function labelOf(link: Element): string | null {
  const item = link.closest(PHONE_ITEM);
  if (item === null) return null;
  const marked = item.querySelector(PHONE_LABEL);
  const text = marked === null ? item.textContent.replace(link.textContent, '') : marked.textContent;
  return clean(text.replace(/[()]/g, ''));
}

function decodeTel(href: string): string | null {
  try {
    return clean(decodeURIComponent(href.replace(/^tel:/i, '')));
  } catch {
    return null;
  }
}

function first(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

function textOf(element: Element | null): string | null {
  return element === null ? null : clean(element.textContent);
}

function clean(text: string): string | null {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed === '' ? null : collapsed;
}
