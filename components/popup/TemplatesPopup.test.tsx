// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BackgroundError } from '@/utils/messaging/client';
import type { TemplateView } from '@/utils/messaging/views';
import { createTemplateIndex } from '@/utils/templates/search';
import { generateTemplates, template } from '@/tests/support/templates';
import { fakeBackend, MINUTE, syncStatus, tabWithPanel } from '@/tests/support/popup';
import { OPTION_HEIGHT } from './PopupTemplateList';
import { TemplatesPopup } from './TemplatesPopup';

const welcomeBody = 'Hi {{first_name}}, thanks for your interest in {{2}}.';
const welcome = template({
  friendlyName: 'welcome_customer',
  category: 'marketing',
  body: welcomeBody,
  variables: ['first_name', '2'],
  types: ['twilio/text', 'twilio/quick-reply'],
  details: {
    'twilio/text': { body: welcomeBody },
    'twilio/quick-reply': { body: welcomeBody, actions: [{ title: 'Yes, call me', id: 'yes' }, { title: 'Not now', id: 'no' }] },
  },
});
const malmoBody = 'Hej {{1}}! Vi ses på kontoret i Malmö.';
const malmo = template({
  friendlyName: 'Välkommen till Malmö',
  language: 'sv',
  body: malmoBody,
  types: ['twilio/call-to-action'],
  details: {
    'twilio/call-to-action': {
      body: malmoBody,
      actions: [
        { type: 'URL', title: 'Hitta hit', url: 'https://example.com/malmo/{{1}}' },
        { type: 'PHONE_NUMBER', title: 'Ring oss', phone: '+46401234567' },
      ],
    },
  },
});
const grusse = template({
  friendlyName: 'Grüße aus München',
  language: 'de',
  category: 'marketing',
  approvalStatus: 'received',
  body: 'Hallo {{1}}, wann passt es Ihnen?',
  types: ['twilio/list-picker'],
  details: {
    'twilio/list-picker': {
      body: 'Hallo {{1}}, wann passt es Ihnen?',
      button: 'Termin wählen',
      items: [{ item: 'Montag', id: 'mo', description: 'Vormittag' }],
    },
  },
});
const senor = template({
  friendlyName: 'Bienvenida',
  language: 'es',
  body: 'Estimado Señor {{1}}, gracias por su pedido.',
  types: ['twilio/media'],
  details: { 'twilio/media': { body: 'Estimado Señor {{1}}, gracias por su pedido.', media: ['https://example.com/catalogo.pdf'] } },
});
const otp = template({ friendlyName: 'Login code', category: 'authentication', body: '{{1}} is your verification code.' });
const rejected = template({
  friendlyName: 'Big discount',
  approvalStatus: 'rejected',
  rejectionReason: 'Promotional content in a utility template.',
});
const paused = template({ friendlyName: 'Paused promo', approvalStatus: 'paused', category: 'marketing' });
const disabled = template({ friendlyName: 'Old offer', approvalStatus: 'disabled' });
const draft = template({ friendlyName: 'Draft note', approvalStatus: 'unsubmitted', category: null });
const mystery = template({ friendlyName: 'Mystery', approvalStatus: 'unknown' });

const ALL = [welcome, malmo, grusse, senor, otp, rejected, paused, disabled, draft, mystery];
const SORTED = [
  'Bienvenida',
  'Login code',
  'Välkommen till Malmö',
  'welcome_customer',
  'Big discount',
  'Draft note',
  'Grüße aus München',
  'Mystery',
  'Old offer',
  'Paused promo',
];

beforeEach(() => {
  // happy-dom lays nothing out: the virtualised list needs a height to fill, room for the ten
  // templates of the small account.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(800);
});

async function renderPopup(options: Parameters<typeof fakeBackend>[0] = {}) {
  const user = userEvent.setup();
  const fake = fakeBackend({ templates: ALL, ...options });
  render(<TemplatesPopup backend={fake.backend} />);
  await screen.findByRole('listbox', { name: 'Templates' });
  return { user, ...fake, search: screen.getByRole('combobox', { name: 'Search templates' }) };
}

const listedNames = () =>
  within(screen.getByRole('listbox')).getAllByRole('option').map((option) => option.querySelector('.option__name')?.textContent);

const activeOption = (search: HTMLElement) => {
  const id = search.getAttribute('aria-activedescendant');
  return id === null ? null : document.getElementById(id);
};

/** Scrolls the list as a rep's mouse wheel does: happy-dom does not tell anyone, so the scroll event a browser fires is sent too. */
const scrollListTo = (top: number) => {
  const scroller = screen.getByRole('listbox').parentElement;
  if (!scroller) throw new Error('The list has no scrolling container.');
  scroller.scrollTop = top;
  fireEvent.scroll(scroller);
};

const count = () => screen.getByText(/\d+ (of \d+ )?templates?$/u);

async function openDetail(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(screen.getByRole('option', { name }));
  return screen.getByRole('region', { name });
}

describe('TemplatesPopup', () => {
  it('lists every template, sendable first, with its language, category and type, and starts in the search box', async () => {
    const { search } = await renderPopup();
    expect(search).toHaveFocus();
    expect(listedNames()).toEqual(SORTED);
    expect(count()).toHaveTextContent('10 templates');
    const option = screen.getByRole('option', { name: 'Välkommen till Malmö' });
    expect(option).toHaveAccessibleDescription(expect.stringContaining('Utility · Swedish · Call to action'));
    expect(screen.getByRole('option', { name: 'welcome_customer' })).toHaveAccessibleDescription(
      expect.stringContaining('Marketing · English · Quick reply'),
    );
  });

  it('shows each approval status as a badge, approved with a check mark and rejected with its reason', async () => {
    await renderPopup();
    const badge = (name: string) => screen.getByRole('option', { name }).querySelector('.badge');
    expect(badge('Bienvenida')).toHaveTextContent('Approved');
    expect(badge('Bienvenida')?.querySelector('svg')).not.toBeNull();
    expect(badge('Grüße aus München')).toHaveTextContent('Pending');
    expect(badge('Grüße aus München')?.querySelector('svg')).toBeNull();
    expect(badge('Big discount')).toHaveTextContent('Rejected');
    expect(badge('Paused promo')).toHaveTextContent('Paused');
    expect(badge('Old offer')).toHaveTextContent('Disabled');
    expect(badge('Draft note')).toHaveTextContent('Not submitted');
    expect(badge('Mystery')).toHaveTextContent('Unknown');
    expect(screen.getByRole('option', { name: 'Big discount' })).toHaveAccessibleDescription(
      expect.stringContaining('Rejected: Promotional content in a utility template.'),
    );
  });

  it('previews a template with its variables marked and its buttons, list items and media listed', async () => {
    const { user } = await renderPopup();

    const welcomeDetail = await openDetail(user, 'welcome_customer');
    const bubble = within(welcomeDetail).getByText(/thanks for your interest/u);
    expect([...bubble.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['{{first_name}}', '{{2}}']);
    expect(within(within(welcomeDetail).getByRole('list', { name: 'Quick replies' })).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Quick reply: Yes, call me',
      'Quick reply: Not now',
    ]);

    await user.click(screen.getByRole('button', { name: 'All templates' }));
    const malmoDetail = await openDetail(user, 'Välkommen till Malmö');
    const buttons = within(within(malmoDetail).getByRole('list', { name: 'Buttons' })).getAllByRole('listitem');
    expect(buttons[0]).toHaveTextContent('Opens a link: Hitta hithttps://example.com/malmo/{{1}}');
    expect(buttons[0]?.querySelector('mark')).toHaveTextContent('{{1}}');
    expect(buttons[1]).toHaveTextContent('Calls: Ring oss+46401234567');

    await user.click(screen.getByRole('button', { name: 'All templates' }));
    const grusseDetail = await openDetail(user, 'Grüße aus München');
    expect(within(grusseDetail).getByRole('list', { name: 'List items, opened with “Termin wählen”' })).toHaveTextContent('MontagVormittag');
    expect(within(grusseDetail).getByText(/WhatsApp is reviewing this template/u)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'All templates' }));
    const senorDetail = await openDetail(user, 'Bienvenida');
    expect(within(senorDetail).getByRole('list', { name: 'Media' })).toHaveTextContent('https://example.com/catalogo.pdf');
  });

  it('says why a rejected template was rejected', async () => {
    const { user } = await renderPopup();
    const detail = await openDetail(user, 'Big discount');
    expect(within(detail).getByText(/WhatsApp rejected this template/u)).toBeInTheDocument();
    expect(within(detail).getByText('Promotional content in a utility template.', { exact: false })).toHaveTextContent(
      'Reason: Promotional content in a utility template.',
    );
  });

  it.each([
    ['malmo', 'Välkommen till Malmö'],
    ['MALMÖ', 'Välkommen till Malmö'],
    ['grusse', 'Grüße aus München'],
    ['senor', 'Bienvenida'],
    ['verification code', 'Login code'],
  ])('finds "%s" in names and text, ignoring case and accents', async (query, name) => {
    const { user, search } = await renderPopup();
    await user.type(search, query);
    expect(listedNames()).toEqual([name]);
    expect(count()).toHaveTextContent('1 of 10 templates');
  });

  it('says when nothing matches', async () => {
    const { user, search } = await renderPopup();
    await user.type(search, 'zzz');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(screen.getByText('No templates match “zzz”.')).toBeInTheDocument();
  });

  it.each([
    ['Status', 'Pending', ['Grüße aus München']],
    ['Status', 'Rejected', ['Big discount']],
    ['Category', 'Authentication', ['Login code']],
    ['Language', 'Swedish', ['Välkommen till Malmö']],
    ['Type', 'List picker', ['Grüße aus München']],
    ['Type', 'Quick reply', ['welcome_customer']],
  ])('filters by %s: %s', async (filter, choice, names) => {
    const { user } = await renderPopup();
    await user.selectOptions(screen.getByRole('combobox', { name: filter }), choice);
    expect(listedNames()).toEqual(names);
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(listedNames()).toEqual(SORTED);
    expect(screen.getByRole('combobox', { name: 'Search templates' })).toHaveFocus();
  });

  it('combines filters with the search', async () => {
    const { user, search } = await renderPopup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Category' }), 'Marketing');
    expect(listedNames()).toEqual(['welcome_customer', 'Grüße aus München', 'Paused promo']);
    await user.type(search, 'grusse');
    expect(listedNames()).toEqual(['Grüße aus München']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'Spanish');
    expect(screen.getByText('No templates match “grusse”.')).toBeInTheDocument();
  });

  it('moves through the results with the arrow keys and opens the active one with Enter', async () => {
    const { user, search } = await renderPopup();
    expect(activeOption(search)).toHaveAccessibleName('Bienvenida');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(activeOption(search)).toHaveAccessibleName('Välkommen till Malmö');
    expect(activeOption(search)).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('option', { name: 'Bienvenida' })).toHaveAttribute('aria-selected', 'false');
    await user.keyboard('{ArrowUp}');
    expect(activeOption(search)).toHaveAccessibleName('Login code');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(activeOption(search)).toHaveAccessibleName('Bienvenida');

    await user.keyboard('{ArrowDown}{Enter}');
    expect(screen.getByRole('region', { name: 'Login code' })).toBeInTheDocument();
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(search).toHaveFocus();
  });

  it('clears the search with Escape, then closes the detail with a second Escape', async () => {
    const { user, search } = await renderPopup();
    await user.type(search, 'malmo');
    await user.keyboard('{Enter}');
    expect(screen.getByRole('region', { name: 'Välkommen till Malmö' })).toBeInTheDocument();

    await user.keyboard('{Escape}');
    expect(search).toHaveValue('');
    expect(screen.getByRole('region', { name: 'Välkommen till Malmö' })).toBeInTheDocument();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(listedNames()).toEqual(SORTED);
    expect(activeOption(search)).toHaveAccessibleName('Välkommen till Malmö');
    expect(search).toHaveFocus();
  });

  it('copies the template’s text and says so', async () => {
    const { user } = await renderPopup();
    const detail = await openDetail(user, 'Välkommen till Malmö');
    await user.click(within(detail).getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe(malmoBody);
    expect(within(detail).getByText('Copied')).toBeInTheDocument();
  });

  it('offers no insert when the tab has no deal panel to answer', async () => {
    const { user, backend } = await renderPopup();
    const detail = await openDetail(user, 'Välkommen till Malmö');
    expect(backend.sendToActiveTab).toHaveBeenCalledWith({ channel: 'dealchat/panel', type: 'ping' });
    expect(within(detail).queryByRole('button', { name: 'Insert into panel' })).not.toBeInTheDocument();
  });

  it('offers no insert when the tab answers that no panel is open', async () => {
    const { user } = await renderPopup({ tab: () => Promise.resolve({ hasPanel: false }) });
    const detail = await openDetail(user, 'Välkommen till Malmö');
    expect(within(detail).queryByRole('button', { name: 'Insert into panel' })).not.toBeInTheDocument();
  });

  it('opens the template in the tab’s deal panel and closes, when the panel answers', async () => {
    const { user, backend } = await renderPopup({ tab: tabWithPanel });
    const detail = await openDetail(user, 'Välkommen till Malmö');
    await user.click(await within(detail).findByRole('button', { name: 'Insert into panel' }));
    expect(backend.sendToActiveTab).toHaveBeenLastCalledWith({ channel: 'dealchat/panel', type: 'openTemplate', contentSid: malmo.sid });
    expect(backend.closePopup).toHaveBeenCalled();
  });

  it('stays open and says so when the panel does not take the template', async () => {
    const { user, backend } = await renderPopup({
      tab: (command) => Promise.resolve(command.type === 'ping' ? { hasPanel: true } : { opened: false }),
    });
    const detail = await openDetail(user, 'Välkommen till Malmö');
    await user.click(await within(detail).findByRole('button', { name: 'Insert into panel' }));
    expect(within(detail).getByRole('alert')).toHaveTextContent('The deal panel did not open the template.');
    expect(backend.closePopup).not.toHaveBeenCalled();
  });

  it('does not offer to insert a template WhatsApp has not approved', async () => {
    const { user } = await renderPopup({ tab: tabWithPanel });
    await screen.findByRole('option', { name: 'Paused promo' });
    const detail = await openDetail(user, 'Paused promo');
    expect(await within(detail).findByText('Only approved templates can be sent from the deal panel.')).toBeInTheDocument();
    expect(within(detail).queryByRole('button', { name: 'Insert into panel' })).not.toBeInTheDocument();
  });

  it('shows when the templates were synced and syncs them on request', async () => {
    const { user, backend } = await renderPopup();
    expect(screen.getByText('Synced 3 min ago')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(backend.syncTemplates).toHaveBeenCalledOnce();
    expect(await screen.findByText('Synced just now')).toBeInTheDocument();
  });

  it('says when the templates were never synced', async () => {
    await renderPopup({ sync: syncStatus({ lastTemplatesSyncAt: null }) });
    expect(screen.getByText('Not synced yet')).toBeInTheDocument();
  });

  it('shows the last sync’s error', async () => {
    await renderPopup({ sync: syncStatus({ templatesError: 'Twilio rejected the saved credentials.', lastTemplatesSyncAt: Date.now() - 90 * MINUTE }) });
    expect(screen.getByText('The last sync failed')).toBeInTheDocument();
    expect(screen.getByText('Twilio rejected the saved credentials.')).toBeInTheDocument();
    expect(screen.getByText('Synced 1 h ago')).toBeInTheDocument();
  });

  it('says why a sync could not run', async () => {
    const { user, backend } = await renderPopup();
    backend.syncTemplates.mockRejectedValueOnce(new BackgroundError('failed', 'Twilio could not be reached. Check your connection.'));
    await user.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Twilio could not be reached. Check your connection.');
  });

  it('updates live: new templates appear and the sync status follows', async () => {
    const { emit, setTemplates } = await renderPopup();
    setTemplates([...ALL, template({ friendlyName: 'Autumn campaign' })]);
    emit({ type: 'templates-changed' });
    expect(await screen.findByRole('option', { name: 'Autumn campaign' })).toBeInTheDocument();
    emit({ type: 'sync-status', status: syncStatus({ templatesError: 'Too many requests to Twilio.' }) });
    expect(screen.getByText('Too many requests to Twilio.')).toBeInTheDocument();
  });

  it('asks to open the settings until the Twilio account is connected', async () => {
    const user = userEvent.setup();
    const { backend } = fakeBackend({ templates: [], sync: syncStatus({ configured: false, lastTemplatesSyncAt: null }) });
    render(<TemplatesPopup backend={backend} />);
    expect(await screen.findByRole('heading', { name: 'Connect your Twilio account' })).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Search templates' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sync now' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open settings' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(backend.openSettings).toHaveBeenCalledOnce();
  });

  it('explains an account without templates', async () => {
    const { backend } = fakeBackend({ templates: [] });
    render(<TemplatesPopup backend={backend} />);
    expect(await screen.findByText('No templates yet')).toBeInTheDocument();
  });

  it('offers to try again when the templates cannot be loaded', async () => {
    const user = userEvent.setup();
    const { backend } = fakeBackend({ templates: ALL });
    backend.listTemplates.mockRejectedValueOnce(new BackgroundError('unreachable', 'Dealchat’s background service did not answer.'));
    render(<TemplatesPopup backend={backend} />);
    const message = await screen.findByText('Dealchat’s background service did not answer.');
    expect(message.closest('[role="alert"]')).toHaveTextContent('Your templates could not be loaded');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('listbox')).toBeInTheDocument();
  });

  describe('with 6,000 templates', () => {
    const many: TemplateView[] = generateTemplates(6_000);

    const [first, second] = createTemplateIndex(many).search('');

    it('puts only the options in view into the page and keeps the active one among them', async () => {
      const { user, search } = await renderPopup({ templates: many });
      const options = within(screen.getByRole('listbox')).getAllByRole('option');
      expect(options.length).toBeLessThan(40);
      expect(options[0]).toHaveAttribute('aria-setsize', '6000');

      // The page changes with the keystroke, before any scroll event could say where the list went.
      await user.keyboard('{PageDown}{PageDown}{PageDown}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}');
      expect(activeOption(search)).toHaveAttribute('aria-posinset', '21');
      expect(screen.queryByRole('option', { name: first?.friendlyName })).not.toBeInTheDocument();

      await user.type(search, 'grusse munchen');
      const found = createTemplateIndex(many).search('grusse munchen');
      expect(count()).toHaveTextContent(`${found.length.toLocaleString('en')} of 6,000 templates`);
      expect(listedNames()[0]).toBe(found[0]?.friendlyName);
      expect(activeOption(search)).toHaveAccessibleName(found[0]?.friendlyName ?? '');
    });

    it('puts the options scrolled into view into the page', async () => {
      await renderPopup({ templates: many });
      const positions = () => within(screen.getByRole('listbox')).getAllByRole('option').map((option) => Number(option.getAttribute('aria-posinset')));
      scrollListTo(OPTION_HEIGHT * 1000 + OPTION_HEIGHT / 2);
      // Half of the 1,001st option is scrolled out of view, and part of the 1,012th is in it.
      expect(positions()).toEqual(expect.arrayContaining([1001, 1006, 1012]));
      expect(positions().length).toBeLessThan(40);
      expect(screen.queryByRole('option', { name: first?.friendlyName })).not.toBeInTheDocument();

      scrollListTo(0);
      expect(positions()).toEqual(expect.arrayContaining([1, 2, 11]));
      expect(screen.getByRole('option', { name: second?.friendlyName })).toBeInTheDocument();
    });
  });
});
