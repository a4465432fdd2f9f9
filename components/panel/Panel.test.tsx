// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BackgroundError } from '@/utils/messaging/client';
import { Panel } from './Panel';
import { CONTACT, OTHER_CONTACT, conversation, deal, fakeBackend, message } from '@/tests/support/panel';

describe('Panel', () => {
  it('is a region named WhatsApp showing the contact and their conversation', async () => {
    const { backend } = fakeBackend();
    render(<Panel backend={backend} deal={deal} />);

    const region = screen.getByRole('region', { name: 'WhatsApp' });
    expect(within(region).getByText('Jürgen Muñoz')).toBeInTheDocument();
    expect(await within(region).findByRole('log', { name: 'Conversation' })).toHaveTextContent('Hi, is the offer still valid?');
    expect(backend.getConversation).toHaveBeenCalledWith(CONTACT);
  });

  it('switches between the contact’s numbers and loads that conversation', async () => {
    const user = userEvent.setup();
    const { backend } = fakeBackend();
    render(<Panel backend={backend} deal={deal} />);
    await screen.findByRole('log');

    const phone = screen.getByRole('combobox', { name: 'Phone number' });
    expect(phone).toHaveDisplayValue('+46 70 123 45 67 · mobile');
    await user.selectOptions(phone, OTHER_CONTACT);

    expect(backend.getConversation).toHaveBeenLastCalledWith(OTHER_CONTACT);
    expect(backend.subscribe).toHaveBeenLastCalledWith(OTHER_CONTACT, expect.any(Function));
  });

  it('fetches again when the background reports a change to this conversation, and only this one', async () => {
    const { backend, emit } = fakeBackend();
    render(<Panel backend={backend} deal={deal} />);
    await screen.findByText('Hi, is the offer still valid?');
    expect(backend.getConversation).toHaveBeenCalledTimes(1);

    backend.getConversation.mockResolvedValueOnce(
      conversation({ messages: [message({ body: 'Hi, is the offer still valid?' }), message({ body: 'Any news?' })] }),
    );
    await emit({ type: 'conversation-changed', contact: CONTACT });
    expect(await screen.findByText('Any news?')).toBeInTheDocument();

    await emit({ type: 'conversation-changed', contact: OTHER_CONTACT });
    expect(backend.getConversation).toHaveBeenCalledTimes(2);
  });

  it('stops listening when it goes away', async () => {
    const { backend, listeners } = fakeBackend();
    const { unmount } = render(<Panel backend={backend} deal={deal} />);
    await screen.findByRole('log');
    unmount();
    expect(listeners.size).toBe(0);
  });

  it('sends the rep to the settings when Twilio is not set up yet', async () => {
    const user = userEvent.setup();
    const { backend } = fakeBackend(conversation({ configured: false }));
    render(<Panel backend={backend} deal={deal} />);

    await user.click(await screen.findByRole('button', { name: 'Open settings' }));
    expect(backend.openSettings).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('textbox', { name: 'Message' })).not.toBeInTheDocument();
  });

  it('explains a failed load and tries again on request', async () => {
    const user = userEvent.setup();
    const { backend } = fakeBackend();
    backend.getConversation.mockRejectedValueOnce(new BackgroundError('failed', 'Twilio did not answer in time.'));
    render(<Panel backend={backend} deal={deal} />);

    expect(await screen.findByText('Twilio did not answer in time.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('log')).toBeInTheDocument();
  });

  it('keeps the conversation on screen when a refresh fails', async () => {
    const { backend, emit } = fakeBackend();
    render(<Panel backend={backend} deal={deal} />);
    await screen.findByText('Hi, is the offer still valid?');

    backend.getConversation.mockRejectedValueOnce(new BackgroundError('failed', 'Twilio did not answer in time.'));
    await emit({ type: 'conversation-changed', contact: CONTACT });

    expect(await screen.findByRole('alert')).toHaveTextContent('Twilio did not answer in time.');
    expect(screen.getByText('Hi, is the offer still valid?')).toBeInTheDocument();
  });

  it('says when the background cannot check Twilio for new messages, until a check succeeds', async () => {
    const { backend, emit } = fakeBackend();
    render(<Panel backend={backend} deal={deal} />);
    await screen.findByText('Hi, is the offer still valid?');
    const status = { configured: true, lastMessagesSyncAt: null, lastTemplatesSyncAt: null, messagesError: null, templatesError: null };

    await emit({ type: 'sync-status', status: { ...status, messagesError: 'Twilio did not accept the saved account details.' } });
    expect(screen.getByRole('alert')).toHaveTextContent('New messages may be missing. Twilio did not accept the saved account details.');
    expect(screen.getByText('Hi, is the offer still valid?')).toBeInTheDocument();

    await emit({ type: 'sync-status', status });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('opens the settings from the header', async () => {
    const user = userEvent.setup();
    const { backend } = fakeBackend();
    render(<Panel backend={backend} deal={deal} />);
    await user.click(screen.getByRole('button', { name: 'Dealchat settings' }));
    expect(backend.openSettings).toHaveBeenCalledTimes(1);
  });
});
