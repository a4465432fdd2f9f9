// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BackgroundError } from '@/utils/messaging/client';
import type { ConversationView } from '@/utils/messaging/views';
import { Panel } from '@/components/panel/Panel';
import { A_REQUEST_ID, CONTACT, HOUR, conversation, deal, deferred, fakeBackend, unanswered } from '@/tests/support/panel';
import { UNANSWERED_SEND } from './useSendOnce';

async function renderPanel(view: ConversationView = conversation()) {
  const user = userEvent.setup();
  const { backend } = fakeBackend(view);
  render(<Panel backend={backend} deal={deal} />);
  const textbox = await screen.findByRole('textbox', { name: 'Message' });
  return { user, backend, textbox, send: () => screen.getByRole('button', { name: /^Send/u }) };
}

describe('Composer', () => {
  it('sends the trimmed text and clears on success', async () => {
    const { user, backend, textbox, send } = await renderPanel();
    await user.type(textbox, '  Thanks, Jürgen!  ');
    await user.click(send());

    expect(backend.sendText).toHaveBeenCalledWith(CONTACT, 'Thanks, Jürgen!', [], A_REQUEST_ID);
    expect(textbox).toHaveValue('');
    expect(backend.getConversation).toHaveBeenCalledTimes(2);
  });

  it('sends on Enter and starts a new line on Shift+Enter', async () => {
    const { user, backend, textbox } = await renderPanel();
    await user.type(textbox, 'Line one{Shift>}{Enter}{/Shift}Line two');
    expect(textbox).toHaveValue('Line one\nLine two');
    expect(backend.sendText).not.toHaveBeenCalled();

    await user.keyboard('{Enter}');
    expect(backend.sendText).toHaveBeenCalledWith(CONTACT, 'Line one\nLine two', [], A_REQUEST_ID);
  });

  it('is busy while sending, then keeps the text and shows why when it fails', async () => {
    const { user, backend, textbox } = await renderPanel();
    const pending = deferred();
    backend.sendText.mockReturnValueOnce(pending.promise);
    await user.type(textbox, 'Are you free on Monday?{Enter}');

    const busy = screen.getByRole('button', { name: 'Sending…' });
    expect(busy).toBeDisabled();
    expect(busy).toHaveAttribute('aria-busy', 'true');

    pending.reject(new BackgroundError('failed', 'Twilio refused the message: the sender is not set up for WhatsApp.'));
    expect(await screen.findByRole('alert')).toHaveTextContent('the sender is not set up for WhatsApp');
    expect(textbox).toHaveValue('Are you free on Monday?');
    expect(screen.getByRole('button', { name: 'Send' })).toBeEnabled();
  });

  it('asks once more with the same request id when the background does not answer, and clears once it does', async () => {
    const { user, backend, textbox } = await renderPanel();
    backend.sendText.mockRejectedValueOnce(unanswered());
    await user.type(textbox, 'See you at 3.{Enter}');

    expect(backend.sendText).toHaveBeenCalledTimes(2);
    const [first, again] = backend.sendText.mock.calls;
    expect(again).toEqual(first);
    expect(first?.[3]).toEqual(A_REQUEST_ID);
    expect(textbox).toHaveValue('');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps the draft after two unanswered requests, and a press of Send reuses its request id', async () => {
    const { user, backend, textbox, send } = await renderPanel();
    backend.sendText.mockRejectedValueOnce(unanswered()).mockRejectedValueOnce(unanswered());
    await user.type(textbox, 'See you at 3.{Enter}');

    expect(await screen.findByRole('alert')).toHaveTextContent(UNANSWERED_SEND);
    expect(textbox).toHaveValue('See you at 3.');
    await user.click(send());
    expect(backend.sendText).toHaveBeenCalledTimes(3);
    expect(new Set(backend.sendText.mock.calls.map((call) => call[3])).size).toBe(1);
    expect(textbox).toHaveValue('');
  });

  it('gives an edited draft, and the next message, request ids of their own', async () => {
    const { user, backend, textbox, send } = await renderPanel();
    backend.sendText.mockRejectedValueOnce(new BackgroundError('failed', 'Dealchat could not record the message.'));
    await user.type(textbox, 'See you at 3.{Enter}');
    await screen.findByRole('alert');
    await user.click(send());
    await user.type(textbox, 'See you at 3.');
    await user.click(send());
    backend.sendText.mockRejectedValueOnce(new BackgroundError('failed', 'Dealchat could not record the message.'));
    await user.type(textbox, 'See you at 4.{Enter}');
    await user.clear(textbox);
    await user.type(textbox, 'See you at 5.{Enter}');

    const { calls } = backend.sendText.mock;
    expect(calls.map((call) => call[1])).toEqual(['See you at 3.', 'See you at 3.', 'See you at 3.', 'See you at 4.', 'See you at 5.']);
    const [first, pressedAgain, typedAgain, beforeEdit, afterEdit] = calls.map((call) => call[3]);
    expect(pressedAgain).toBe(first);
    expect(new Set([first, typedAgain, beforeEdit, afterEdit]).size).toBe(4);
  });

  it('does not send an empty message', async () => {
    const { user, backend, textbox, send } = await renderPanel();
    await user.type(textbox, '   {Enter}');
    expect(send()).toBeDisabled();
    expect(backend.sendText).not.toHaveBeenCalled();
  });

  it('counts characters and blocks messages over the limit', async () => {
    const { user, backend, textbox, send } = await renderPanel();
    await user.type(textbox, 'Hello there!');
    expect(screen.getByText('12 / 1600')).toBeInTheDocument();

    await user.clear(textbox);
    await user.click(textbox);
    await user.paste('x'.repeat(1550));
    expect(screen.getByText('At most 50 characters left.')).toBeInTheDocument();

    await user.paste('y'.repeat(53));
    expect(screen.getByText('1603 / 1600')).toHaveClass('dc-counter--over');
    expect(screen.getByRole('alert')).toHaveTextContent('Too long by 3 characters');
    expect(textbox).toHaveAttribute('aria-invalid', 'true');
    expect(send()).toBeDisabled();
    await user.keyboard('{Enter}');
    expect(backend.sendText).not.toHaveBeenCalled();
  });

  it('sends a media link only when it is https', async () => {
    const { user, backend, textbox, send } = await renderPanel();
    await user.click(screen.getByRole('button', { name: 'Add a media link' }));
    const link = screen.getByRole('textbox', { name: 'Media link (optional)' });

    await user.type(link, 'http://example.com/brochure.pdf');
    await user.type(textbox, 'Brochure attached');
    await user.click(send());
    expect(screen.getByText(/starts with https:\/\//u)).toBeInTheDocument();
    expect(backend.sendText).not.toHaveBeenCalled();

    await user.clear(link);
    await user.type(link, 'https://example.com/brochure.pdf');
    await user.click(send());
    expect(backend.sendText).toHaveBeenCalledWith(CONTACT, 'Brochure attached', ['https://example.com/brochure.pdf'], A_REQUEST_ID);
  });

  it('is disabled while the window is closed and offers templates instead', async () => {
    const closed = conversation({ window: { open: false, closesAt: Date.now() - HOUR, reason: 'expired' } });
    const { user, textbox, send } = await renderPanel(closed);

    expect(textbox).toBeDisabled();
    expect(send()).toBeDisabled();
    expect(screen.getByText(/Free-form messages are off until Jürgen Muñoz writes again/u)).toBeInTheDocument();
    expect(textbox).toHaveAccessibleDescription(expect.stringContaining('Send an approved template instead.'));

    await user.click(screen.getByRole('button', { name: 'Templates' }));
    expect(screen.getByRole('dialog', { name: 'Templates' })).toBeInTheDocument();
  });

  it('does not wait for a reply "again" from a contact who never wrote', async () => {
    const { textbox } = await renderPanel(conversation({ messages: [], window: { open: false, closesAt: null, reason: 'never-opened' } }));
    expect(textbox).toHaveAccessibleDescription(
      'Free-form messages open once Jürgen Muñoz writes to you. Start with an approved template.',
    );
  });
});
