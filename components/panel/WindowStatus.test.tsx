// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { act, render, screen } from '@testing-library/react';
import type { WindowView } from '@/utils/messaging/views';
import { Panel } from './Panel';
import { HOUR, MINUTE, conversation, deal, fakeBackend } from '@/tests/support/panel';

const START = new Date(2025, 2, 10, 9, 0, 0).getTime();

async function renderWith(window: WindowView) {
  const { backend } = fakeBackend(conversation({ window }));
  render(<Panel backend={backend} deal={deal} />);
  await act(() => vi.advanceTimersByTimeAsync(0));
  return screen.getByRole('status');
}

const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

describe('WindowStatus', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: START });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts down the open window live', async () => {
    const status = await renderWith({ open: true, closesAt: START + 13 * HOUR + 22 * MINUTE, reason: 'open' });
    expect(status).toHaveTextContent('Window open · 13 h 22 min left');

    await advance(59_999);
    expect(status).toHaveTextContent('13 h 22 min left');
    await advance(1);
    expect(status).toHaveTextContent('13 h 21 min left');
    await advance(21 * MINUTE);
    expect(status).toHaveTextContent('Window open · 13 h left');
  });

  it('warns in the last hour', async () => {
    const status = await renderWith({ open: true, closesAt: START + HOUR + MINUTE, reason: 'open' });
    expect(status).toHaveTextContent('1 h 1 min left');
    expect(status).not.toHaveClass('dc-window--warning');

    await advance(2 * MINUTE);
    expect(status).toHaveTextContent('Window open · closes in 59 min');
    expect(status).toHaveClass('dc-window--warning');
  });

  it('closes the moment the deadline passes, and the composer with it', async () => {
    const status = await renderWith({ open: true, closesAt: START + 90_000, reason: 'open' });
    expect(status).toHaveTextContent('closes in 2 min');
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeEnabled();

    await advance(89_999);
    expect(status).toHaveTextContent('closes in 1 min');
    await advance(1);
    expect(status).toHaveTextContent(
      'Window closed — the contact hasn’t written in 24 hours. Send an approved template.',
    );
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeDisabled();
  });

  it('reopens without a reload when a reply arrives', async () => {
    const { backend, emit } = fakeBackend(conversation({ window: { open: false, closesAt: START - HOUR, reason: 'expired' } }));
    render(<Panel backend={backend} deal={deal} />);
    await advance(0);
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeDisabled();

    backend.getConversation.mockResolvedValueOnce(conversation({ window: { open: true, closesAt: START + 24 * HOUR, reason: 'open' } }));
    await emit({ type: 'conversation-changed', contact: '+46701234567' });
    expect(screen.getByRole('status')).toHaveTextContent('Window open · 24 h left');
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeEnabled();
  });

  it.each([
    [{ open: false, closesAt: START - HOUR, reason: 'expired' } as const, 'Window closed — the contact hasn’t written in 24 hours. Send an approved template.'],
    [{ open: false, closesAt: START - HOUR, reason: 'closed-by-twilio' } as const, 'WhatsApp says the 24-hour window is closed. Send an approved template.'],
    [{ open: false, closesAt: null, reason: 'never-opened' } as const, 'No conversation yet — start with an approved template.'],
  ])('explains a closed window (%o)', async (window, text) => {
    const status = await renderWith(window);
    expect(status).toHaveTextContent(text);
    expect(status).toHaveClass('dc-window--closed');
  });
});
