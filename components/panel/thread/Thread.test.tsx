// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MessageView } from '@/utils/messaging/views';
import { BackgroundError } from '@/utils/messaging/client';
import { Panel } from '@/components/panel/Panel';
import { HOUR, conversation, deal, fakeBackend, message } from '@/tests/support/panel';
import { Thread } from './Thread';

const NOW = new Date(2025, 2, 10, 15, 0).getTime();

function renderThread(messages: MessageView[], onRetry = vi.fn(() => Promise.resolve())) {
  const loadMedia = vi.fn(() => Promise.resolve([]));
  const view = render(
    <Thread messages={messages} contactName="Jürgen" now={NOW} locale="en-GB" onRetry={onRetry} loadMedia={loadMedia} />,
  );
  return { ...view, log: screen.getByRole('log', { name: 'Conversation' }), onRetry, loadMedia };
}

describe('Thread', () => {
  it('is a polite log, oldest message first, with day separators', () => {
    const { log } = renderThread([
      message({ body: 'third', at: NOW - HOUR }),
      message({ body: 'first', at: NOW - 49 * HOUR }),
      message({ body: 'second', at: NOW - 24 * HOUR, direction: 'outbound', state: 'read' }),
    ]);
    expect(log).toHaveAttribute('aria-live', 'polite');
    const text = log.textContent;
    const order = ['first', 'Yesterday', 'second', 'Today', 'third'].map((part) => text.indexOf(part));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('puts inbound messages on the left and outbound ones on the right', () => {
    const { container } = renderThread([
      message({ body: 'from them' }),
      message({ body: 'from us', direction: 'outbound', state: 'sent' }),
    ]);
    expect(screen.getByText('from them').closest('.dc-message')).toHaveClass('dc-message--inbound');
    expect(screen.getByText('from us').closest('.dc-message')).toHaveClass('dc-message--outbound');
    expect(container.querySelectorAll('.dc-message')).toHaveLength(2);
  });

  it.each([
    ['pending', 'Sending'],
    ['sent', 'Sent'],
    ['delivered', 'Delivered'],
    ['read', 'Read'],
    ['failed', 'Not delivered'],
  ] as const)('says in words that an outbound message is %s', (state, label) => {
    renderThread([message({ body: 'x', direction: 'outbound', state })]);
    expect(within(screen.getByText('x').closest('.dc-message') as HTMLElement).getByTitle(label)).toHaveTextContent(label);
  });

  it('shows no delivery state on inbound messages', () => {
    renderThread([message({ body: 'x' })]);
    expect(screen.queryByTitle('Delivered')).not.toBeInTheDocument();
    expect(screen.queryByTitle('Sent')).not.toBeInTheDocument();
  });

  it('explains a failed message and retries it', async () => {
    const user = userEvent.setup();
    const failed = message({
      body: 'Did you get the quote?',
      direction: 'outbound',
      state: 'failed',
      outboxId: 'outbox-7',
      retryable: true,
      error: { code: 63024, summary: 'This number is not on WhatsApp.', action: 'Check the number with the contact.' },
    });
    const { onRetry } = renderThread([failed]);
    expect(screen.getByText('This number is not on WhatsApp.')).toBeInTheDocument();
    expect(screen.getByText('Check the number with the contact.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledWith('outbox-7');
  });

  it('offers no retry for a failure it cannot retry', () => {
    renderThread([message({ direction: 'outbound', state: 'failed', retryable: false, error: null })]);
    expect(screen.getByText('This message was not delivered.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it('tags template messages with the template’s name', () => {
    renderThread([message({ direction: 'outbound', state: 'delivered', templateName: 'order_update', body: 'Your order…' })]);
    expect(screen.getByText('Template: order_update')).toBeInTheDocument();
  });

  it('renders WhatsApp formatting', () => {
    const { log } = renderThread([message({ body: 'a *bold* _it_ ~gone~ ```code```' })]);
    expect(within(log).getByText('bold').tagName).toBe('STRONG');
    expect(within(log).getByText('it').tagName).toBe('EM');
    expect(within(log).getByText('gone').tagName).toBe('S');
    expect(within(log).getByText('code').tagName).toBe('CODE');
  });

  it('shows hostile bodies as text and links only web addresses', () => {
    const bodies = [
      '<img src=x onerror=alert(1)>',
      '<script>alert(1)</script>',
      'javascript:alert(1)',
      '[click](javascript:alert(1))',
      'Pay at https://bank.example\u202Egnp.exe now',
      '<a href="javascript:alert(1)">x</a>',
    ];
    const { log } = renderThread(bodies.map((body) => message({ body })));
    expect(log.querySelector('img, script, iframe, object, embed')).toBeNull();
    for (const body of bodies.slice(0, 4)) expect(log).toHaveTextContent(body);

    const links = within(log).getAllByRole('link');
    expect(links).toHaveLength(1);
    expect(links[0]).toHaveAttribute('href', 'https://bank.example/');
    expect(links[0]).toHaveAttribute('target', '_blank');
    expect(links[0]).toHaveAttribute('rel', 'noopener noreferrer');
    // The override stays in the text but cannot reach past its own bubble.
    expect(screen.getByText(/gnp\.exe/u).closest('[dir="auto"]')).not.toBeNull();
  });

  it('shows a friendly empty state', () => {
    const { log } = renderThread([]);
    expect(log).toHaveTextContent('No messages with Jürgen yet');
  });

  it('fetches an attachment only when the rep asks', async () => {
    const user = userEvent.setup();
    const withPhoto = message({ sid: `MM${'a'.repeat(32)}`, body: '', mediaCount: 1 });
    const { loadMedia } = renderThread([withPhoto]);
    expect(loadMedia).not.toHaveBeenCalled();

    loadMedia.mockResolvedValueOnce([{ sid: 'ME1', contentType: 'image/png', dataUrl: 'data:image/png;base64,AAAA' }] as never);
    await user.click(screen.getByRole('button', { name: 'Show attachment' }));
    expect(loadMedia).toHaveBeenCalledWith(withPhoto.sid);
    expect(await screen.findByRole('img', { name: 'Photo' })).toHaveAttribute('src', 'data:image/png;base64,AAAA');
  });

  it('does not put a non-image file into an image, whatever its data says', async () => {
    const user = userEvent.setup();
    const { loadMedia } = renderThread([message({ sid: `MM${'b'.repeat(32)}`, mediaCount: 1 })]);
    loadMedia.mockResolvedValueOnce([{ sid: 'ME2', contentType: 'image/svg+xml', dataUrl: 'data:image/svg+xml;base64,PHN2Zz4=' }] as never);
    await user.click(screen.getByRole('button', { name: 'Show attachment' }));
    expect(await screen.findByRole('link', { name: 'Download photo' })).toHaveAttribute('download');
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('scrolls to the newest message unless the rep scrolled up', () => {
    const first = [message({ body: 'one' })];
    const { log, rerender } = renderThread(first);
    Object.defineProperty(log, 'scrollHeight', { configurable: true, value: 1000 });
    Object.defineProperty(log, 'clientHeight', { configurable: true, value: 300 });
    const props = { contactName: 'Jürgen', now: NOW, locale: 'en-GB', onRetry: vi.fn(), loadMedia: vi.fn() };

    rerender(<Thread {...props} messages={[...first, message({ body: 'two' })]} />);
    expect(log.scrollTop).toBe(1000);

    log.scrollTop = 100;
    log.dispatchEvent(new Event('scroll'));
    rerender(<Thread {...props} messages={[...first, message({ body: 'three' })]} />);
    expect(log.scrollTop).toBe(100);
  });
});

describe('Retry in the panel', () => {
  it('asks the background to send again and shows why when it cannot', async () => {
    const user = userEvent.setup();
    const failed = message({ direction: 'outbound', state: 'failed', outboxId: 'outbox-9', retryable: true, at: Date.now() - HOUR });
    const { backend } = fakeBackend(conversation({ messages: [failed] }));
    backend.retrySend.mockRejectedValueOnce(new BackgroundError('failed', 'Twilio is unreachable right now.'));
    render(<Panel backend={backend} deal={deal} />);

    await user.click(await screen.findByRole('button', { name: 'Retry' }));
    expect(backend.retrySend).toHaveBeenCalledWith('outbox-9');
    expect(await screen.findByRole('alert')).toHaveTextContent('Twilio is unreachable right now.');

    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(backend.retrySend).toHaveBeenCalledTimes(2);
    expect(backend.getConversation).toHaveBeenCalledTimes(2);
  });
});
