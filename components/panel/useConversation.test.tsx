// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BackgroundError } from '@/utils/messaging/client';
import type { ConversationView } from '@/utils/messaging/views';
import { Panel } from './Panel';
import { CONTACT, OTHER_CONTACT, conversation, deal, deferred, fakeBackend, message } from '@/tests/support/panel';

const seenEarlier = conversation({ messages: [message({ body: 'Hi, is the offer still valid?' })] });
const fresh = conversation({ messages: [message({ body: 'Hi, is the offer still valid?' }), message({ body: 'Any news?' })] });

/** A backend that saw `CONTACT`'s conversation earlier on the page and is now asked for it again. */
function revisited() {
  const { backend, emit } = fakeBackend();
  backend.lastConversation.mockImplementation((contact) => (contact === CONTACT ? seenEarlier : null));
  const answer = deferred<ConversationView>();
  backend.getConversation.mockReturnValueOnce(answer.promise);
  return { backend, emit, answer };
}

describe('a conversation seen earlier on the page', () => {
  it('shows at once, ready to write in, while it is fetched again', () => {
    const { backend } = revisited();
    render(<Panel backend={backend} deal={deal} />);

    expect(screen.getByRole('log', { name: 'Conversation' })).toHaveTextContent('Hi, is the offer still valid?');
    expect(screen.queryByText('Loading conversation…')).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeEnabled();
    expect(backend.getConversation).toHaveBeenCalledWith(CONTACT);
  });

  it('gives way to the fresh copy, keeping what the rep started typing', async () => {
    const user = userEvent.setup();
    const { backend, answer } = revisited();
    render(<Panel backend={backend} deal={deal} />);
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'The quote is on its way');

    await act(async () => {
      answer.resolve(fresh);
      await answer.promise;
    });
    expect(screen.getByRole('log', { name: 'Conversation' })).toHaveTextContent('Any news?');
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveValue('The quote is on its way');
  });

  it('stays, with the failure said, when the fetch fails', async () => {
    const { backend, answer } = revisited();
    render(<Panel backend={backend} deal={deal} />);

    await act(async () => {
      answer.reject(new BackgroundError('unreachable', 'Dealchat’s background service did not answer.'));
      await answer.promise.catch(() => undefined);
    });
    expect(screen.getByRole('alert')).toHaveTextContent('Dealchat’s background service did not answer.');
    expect(screen.getByRole('log', { name: 'Conversation' })).toHaveTextContent('Hi, is the offer still valid?');
  });

  it('shows for its own number only', async () => {
    const user = userEvent.setup();
    const { backend, answer } = revisited();
    render(<Panel backend={backend} deal={deal} />);
    await act(async () => {
      answer.resolve(seenEarlier);
      await answer.promise;
    });
    backend.getConversation.mockReturnValueOnce(deferred<ConversationView>().promise);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Phone number' }), OTHER_CONTACT);
    expect(backend.lastConversation).toHaveBeenCalledWith(OTHER_CONTACT);
    expect(screen.queryByRole('log')).not.toBeInTheDocument();
    expect(screen.getByText('Loading conversation…')).toBeInTheDocument();
  });
});
