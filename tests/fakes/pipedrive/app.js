// The fake Pipedrive web app: one shell for every route, rendered in the browser from the inline
// data, with in-app links handled by history.pushState like Pipedrive's single-page app.
(() => {
  const data = JSON.parse(document.getElementById('app-data').textContent);
  const main = document.getElementById('app-main');

  function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes ?? {})) element.setAttribute(name, value);
    element.append(...children.filter((child) => child !== null));
    return element;
  }

  const spaLink = (href, text, attributes) => el('a', { href, 'data-spa': '', ...attributes }, text);
  const capitalised = (text) => text.charAt(0).toUpperCase() + text.slice(1);
  const amount = (deal) => `${deal.value.toLocaleString('en-US')} ${deal.currency}`;

  function contactList(testId, details, scheme) {
    return el(
      'ul',
      { class: 'fieldList', 'data-testid': testId },
      ...details.map((detail) =>
        el(
          'li',
          { class: 'fieldList__item', 'data-testid': `${testId.replace(/s$/, '')}-item` },
          el('a', { class: 'fieldList__value', href: `${scheme}:${scheme === 'tel' ? detail.value.replace(/[^\d+]/g, '') : detail.value}` }, detail.value),
          ' ',
          el('span', { class: 'fieldList__label', 'data-testid': `${testId.replace(/s$/, '')}-label` }, `(${capitalised(detail.label)})`),
        ),
      ),
    );
  }

  function personBlock(person) {
    return el(
      'section',
      { class: 'sidebarBlock sidebarBlock--person', 'data-testid': 'person-block' },
      el('h2', { class: 'sidebarBlock__title' }, 'Person'),
      spaLink(`/person/${person.id}`, person.name, { class: 'sidebarBlock__name', 'data-testid': 'person-name' }),
      contactList('phones', person.phones, 'tel'),
      contactList('emails', person.emails, 'mailto'),
    );
  }

  function organizationBlock(organization) {
    return el(
      'section',
      { class: 'sidebarBlock sidebarBlock--organization', 'data-testid': 'organization-block' },
      el('h2', { class: 'sidebarBlock__title' }, 'Organization'),
      spaLink(`/organization/${organization.id}`, organization.name, { class: 'sidebarBlock__name', 'data-testid': 'organization-name' }),
    );
  }

  function dealView(deal) {
    document.title = `${deal.title} - deal details`;
    return el(
      'div',
      { class: 'dealDetails', 'data-testid': 'deal-details', 'data-deal-id': String(deal.id) },
      el(
        'div',
        { class: 'dealDetails__header', 'data-testid': 'deal-header' },
        el('h1', { class: 'dealDetails__title', 'data-testid': 'deal-title' }, deal.title),
        el('span', { class: 'dealDetails__value', 'data-testid': 'deal-value' }, amount(deal)),
        el('span', { class: `dealStatus dealStatus--${deal.status}` }, capitalised(deal.status)),
        deal.owner === null ? null : el('span', { class: 'dealDetails__owner', 'data-testid': 'deal-owner' }, deal.owner),
      ),
      el(
        'div',
        { class: 'dealDetails__body' },
        el(
          'aside',
          // A redesign's side column: same content, under names the extension does not look for.
          deal.layout === 'unrecognised'
            ? { class: 'dealDetailsColumn', 'data-testid': 'deal-column' }
            : { class: 'dealDetailsSidebar', 'data-testid': 'deal-details-sidebar' },
          el(
            'section',
            { class: 'sidebarBlock sidebarBlock--summary', 'data-testid': 'summary-block' },
            el('h2', { class: 'sidebarBlock__title' }, 'Summary'),
            el('p', {}, amount(deal)),
          ),
          deal.person === null ? null : personBlock(deal.person),
          deal.organization === null ? null : organizationBlock(deal.organization),
        ),
        el(
          'section',
          { class: 'dealDetails__main', 'data-testid': 'deal-main' },
          el('nav', { class: 'tabs' }, el('button', { type: 'button' }, 'Notes'), el('button', { type: 'button' }, 'Activity')),
          el(
            'ol',
            { class: 'activityFeed', 'data-testid': 'activity-feed' },
            ...deal.notes.map((note) => el('li', { class: 'activityFeed__note' }, note)),
          ),
        ),
      ),
    );
  }

  function listView() {
    document.title = 'Deals';
    return el(
      'div',
      { class: 'dealsList', 'data-testid': 'deals-list' },
      el('h1', {}, 'Deals'),
      el(
        'table',
        {},
        el(
          'tbody',
          {},
          ...data.deals.map((deal) =>
            el(
              'tr',
              { 'data-testid': 'deal-row' },
              el('td', {}, spaLink(`/deal/${deal.id}`, deal.title)),
              el('td', {}, deal.organization?.name ?? ''),
              el('td', {}, deal.person?.name ?? ''),
              el('td', {}, amount(deal)),
            ),
          ),
        ),
      ),
    );
  }

  function notFoundView(message) {
    document.title = 'Not found';
    return el('div', { class: 'emptyState', 'data-testid': 'not-found' }, el('h1', {}, message));
  }

  function viewFor(path) {
    const dealId = /^\/deal\/(\d+)(?:\/.*)?$/.exec(path)?.[1];
    if (dealId !== undefined) {
      const deal = data.deals.find((candidate) => String(candidate.id) === dealId);
      return deal === undefined ? notFoundView('This deal does not exist or was deleted.') : dealView(deal);
    }
    if (['/', '/pipeline', '/deals/list'].includes(path)) return listView();
    return notFoundView('Page not found');
  }

  // Like Pipedrive, a view first shows a spinner while its data loads.
  function show() {
    const render = () => main.replaceChildren(viewFor(location.pathname));
    if (data.renderDelayMs === 0) return render();
    main.replaceChildren(el('div', { class: 'spinner', 'data-testid': 'loading' }, 'Loading…'));
    setTimeout(render, data.renderDelayMs);
  }

  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-spa]') : null;
    if (link === null || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    history.pushState({}, '', link.getAttribute('href'));
    show();
  });
  window.addEventListener('popstate', show);
  show();
})();
