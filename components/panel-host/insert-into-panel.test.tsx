// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Panel } from '@/components/panel/Panel';
import { A_REQUEST_ID, CONTACT, HOUR, conversation, deal, deferred, fakeBackend } from '@/tests/support/panel';
import { template } from '@/tests/support/templates';
import type { ConversationView, TemplateView } from '@/utils/messaging/views';
import { PANEL_CHANNEL, type PanelCommand } from '@/utils/messaging/panel-commands';
import { DockedFrame } from './DockedFrame';
import { createPanelCommandChannel, type PanelCommandChannel } from './panel-command-channel';

const welcome = template({
  friendlyName: 'welcome_customer',
  body: 'Hi {{1}}, thanks for your interest in {{2}}. {{3}} will call you.',
  variables: ['1', '2', '3'],
  sampleValues: { '1': 'John', '2': 'deal title', '3': 'agent' },
});
const reminder = template({ friendlyName: 'invoice_reminder', body: 'A reminder about invoice {{1}}.' });
const pending = template({ friendlyName: 'spring_campaign', approvalStatus: 'pending' });

const closed = conversation({ window: { open: false, closesAt: Date.now() - HOUR, reason: 'expired' } });
const ping: PanelCommand = { channel: PANEL_CHANNEL, type: 'ping' };

function renderPanel(view: ConversationView = closed, templates: TemplateView[] = [welcome, reminder, pending]) {
  const { backend } = fakeBackend(view, templates);
  const channel = createPanelCommandChannel(backend);
  const rendered = render(<Panel backend={backend} deal={deal} locale="en-US" requests={channel.requests} />);
  return { backend, channel, ...rendered };
}

/** What the popup's "Insert into panel" does, settled with everything it sets off in the panel. */
async function insert(channel: PanelCommandChannel, contentSid: string) {
  let answer: unknown;
  await act(async () => {
    answer = await channel.answer({ channel: PANEL_CHANNEL, type: 'openTemplate', contentSid });
  });
  return answer;
}

describe('a template asked for from the popup', () => {
  it('opens in the picker filled from the deal, in view and focused, ready to send', async () => {
    const user = userEvent.setup();
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView');
    const { backend, channel } = renderPanel();
    await screen.findByRole('button', { name: 'Templates' });

    await expect(insert(channel, welcome.sid)).resolves.toEqual({ opened: true });

    const dialog = screen.getByRole('dialog', { name: 'welcome_customer' });
    expect(scroll.mock.contexts).toContain(dialog);
    const first = await within(dialog).findByRole('textbox', { name: '{{1}}' });
    expect(first).toHaveValue('Jürgen');
    expect(first).toHaveFocus();
    expect(within(dialog).getByRole('textbox', { name: '{{2}}' })).toHaveValue('Solar panels for HQ');
    expect(within(dialog).getByRole('textbox', { name: '{{3}}' })).toHaveValue('Sara Lind');

    await user.click(within(dialog).getByRole('button', { name: 'Send template' }));
    expect(backend.sendTemplate).toHaveBeenCalledWith(
      CONTACT,
      welcome.sid,
      { '1': 'Jürgen', '2': 'Solar panels for HQ', '3': 'Sara Lind' },
      A_REQUEST_ID,
    );
  });

  it('replaces whatever the picker showed', async () => {
    const user = userEvent.setup();
    const { channel } = renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Templates' }));
    await user.click(await screen.findByRole('option', { name: 'invoice_reminder' }));

    await insert(channel, welcome.sid);
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
    expect(screen.getByRole('dialog', { name: 'welcome_customer' })).toBeInTheDocument();
    expect(await screen.findByRole('textbox', { name: '{{1}}' })).toHaveValue('Jürgen');
  });

  it('leaves the list a step away', async () => {
    const user = userEvent.setup();
    const { channel } = renderPanel();
    await screen.findByRole('button', { name: 'Templates' });
    await insert(channel, welcome.sid);

    await user.click(await screen.findByRole('button', { name: 'All templates' }));
    expect(screen.getByRole('option', { name: 'invoice_reminder' })).toBeInTheDocument();
  });

  it('is refused when WhatsApp has not approved it, and the picker stays closed', async () => {
    const { channel } = renderPanel();
    await screen.findByRole('button', { name: 'Templates' });
    await expect(insert(channel, pending.sid)).resolves.toEqual({ opened: false });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('unfolds the docked panel', async () => {
    const user = userEvent.setup();
    const { backend } = fakeBackend(closed, [welcome]);
    const channel = createPanelCommandChannel(backend);
    render(
      <DockedFrame commands={channel}>
        <Panel backend={backend} deal={deal} locale="en-US" requests={channel.requests} />
      </DockedFrame>,
    );
    await screen.findByRole('button', { name: 'Templates' });
    await user.click(screen.getByRole('button', { name: 'Hide WhatsApp' }));

    await insert(channel, welcome.sid);
    expect(screen.getByRole('button', { name: 'Hide WhatsApp' })).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('dialog', { name: 'welcome_customer' })).toBeVisible();
  });
});

describe('whether the popup sees a panel', () => {
  it('is yes once the conversation shows, and no after the panel is gone', async () => {
    const { backend } = fakeBackend(closed, [welcome]);
    const loading = deferred<ConversationView>();
    backend.getConversation.mockReturnValueOnce(loading.promise);
    const channel = createPanelCommandChannel(backend);
    const { unmount } = render(<Panel backend={backend} deal={deal} requests={channel.requests} />);
    await expect(channel.answer(ping)).resolves.toEqual({ hasPanel: false });

    loading.resolve(closed);
    await screen.findByRole('button', { name: 'Templates' });
    await expect(channel.answer(ping)).resolves.toEqual({ hasPanel: true });

    unmount();
    await expect(channel.answer(ping)).resolves.toEqual({ hasPanel: false });
    await expect(insert(channel, welcome.sid)).resolves.toEqual({ opened: false });
  });

  it('is no while the deal has no WhatsApp number', async () => {
    const { backend } = fakeBackend(closed, [welcome]);
    const channel = createPanelCommandChannel(backend);
    render(<Panel backend={backend} deal={{ ...deal, phones: [] }} requests={channel.requests} />);
    expect(screen.getByRole('textbox', { name: 'Phone number' })).toBeInTheDocument();
    await expect(channel.answer(ping)).resolves.toEqual({ hasPanel: false });
  });

  it('is no while Twilio is not set up', async () => {
    const { channel } = renderPanel(conversation({ configured: false }));
    await screen.findByRole('button', { name: 'Open settings' });
    await expect(channel.answer(ping)).resolves.toEqual({ hasPanel: false });
  });
});
