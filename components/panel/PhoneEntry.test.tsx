// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BackgroundError } from '@/utils/messaging/client';
import type { PhoneCheck } from '@/utils/messaging/views';
import { Panel } from './Panel';
import { CONTACT, deal, deferred, fakeBackend, UNREADABLE_PHONE } from '@/tests/support/panel';

const noNumber = { ...deal, phones: [{ raw: '12', e164: null, display: '12', label: 'work', primary: true }] };
const readable: PhoneCheck = { ok: true, e164: CONTACT, display: '+46 70 123 45 67' };

function renderEntry() {
  const user = userEvent.setup();
  const { backend } = fakeBackend();
  render(<Panel backend={backend} deal={noNumber} />);
  const input = screen.getByRole('textbox', { name: 'Phone number' });
  return { user, backend, input };
}

describe('typing a number when the deal has none WhatsApp can use', () => {
  it('starts from the CRM’s unreadable number, and explains the background’s refusal next to the field', async () => {
    const { user, backend, input } = renderEntry();
    expect(screen.getByText('No WhatsApp number on this deal')).toBeInTheDocument();
    expect(input).toHaveValue('12');

    await user.click(screen.getByRole('button', { name: 'Use number' }));
    expect(backend.checkPhone).toHaveBeenCalledWith('12');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(UNREADABLE_PHONE.message);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(alert.textContent);
    expect(input).toHaveFocus();
    expect(backend.getConversation).not.toHaveBeenCalled();

    await user.type(input, '3');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(input).not.toHaveAttribute('aria-invalid');
  });

  it('opens the conversation with the number the background read, shown as it formatted it, and goes back on request', async () => {
    const { user, backend, input } = renderEntry();
    backend.checkPhone.mockResolvedValueOnce(readable);

    await user.clear(input);
    await user.type(input, '070-123 45 67{Enter}');
    expect(backend.checkPhone).toHaveBeenCalledWith('070-123 45 67');
    expect(await screen.findByRole('log')).toBeInTheDocument();
    expect(backend.getConversation).toHaveBeenCalledWith(CONTACT);
    expect(screen.getByText('+46 70 123 45 67')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Change' }));
    expect(screen.getByRole('textbox', { name: 'Phone number' })).toBeInTheDocument();
  });

  it('shows the check in progress and cannot be sent twice meanwhile', async () => {
    const { user, backend, input } = renderEntry();
    const answer = deferred<PhoneCheck>();
    backend.checkPhone.mockReturnValueOnce(answer.promise);

    await user.clear(input);
    await user.type(input, '070-123 45 67{Enter}');
    const busy = screen.getByRole('button', { name: 'Checking…' });
    expect(busy).toBeDisabled();
    expect(busy).toHaveAttribute('aria-busy', 'true');
    await user.type(input, '{Enter}');
    expect(backend.checkPhone).toHaveBeenCalledTimes(1);
    expect(backend.getConversation).not.toHaveBeenCalled();

    answer.resolve(readable);
    expect(await screen.findByRole('log')).toBeInTheDocument();
    expect(backend.getConversation).toHaveBeenCalledWith(CONTACT);
  });

  it('drops an answer about a number the rep has changed since', async () => {
    const { user, backend, input } = renderEntry();
    const answer = deferred<PhoneCheck>();
    backend.checkPhone.mockReturnValueOnce(answer.promise);

    await user.click(screen.getByRole('button', { name: 'Use number' }));
    await user.type(input, '4');
    // A macrotask: every step the answer takes to reach the component has run by then.
    await act(async () => {
      answer.resolve(readable);
      await new Promise((settled) => setTimeout(settled, 0));
    });

    expect(screen.getByRole('button', { name: 'Use number' })).toBeEnabled();
    expect(input).toHaveValue('124');
    expect(backend.getConversation).not.toHaveBeenCalled();
  });

  it('says so when the background cannot be asked', async () => {
    const { user, backend, input } = renderEntry();
    backend.checkPhone.mockRejectedValueOnce(new BackgroundError('unreachable', 'Dealchat’s background service did not answer.'));

    await user.click(screen.getByRole('button', { name: 'Use number' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Dealchat’s background service did not answer.');
    expect(input).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Use number' })).toBeEnabled();
  });
});
