// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BackgroundError } from '@/utils/messaging/client';
import type { TemplateView } from '@/utils/messaging/views';
import { Panel } from '@/components/panel/Panel';
import { A_REQUEST_ID, CONTACT, HOUR, conversation, deal, deferred, fakeBackend, unanswered } from '@/tests/support/panel';
import { template } from '@/tests/support/templates';
import { UNANSWERED_SEND } from '@/components/panel/composer/useSendOnce';

const welcome = template({
  friendlyName: 'welcome_customer',
  body: 'Hi {{1}}, thanks for your interest in *{{2}}*. {{3}} will call you.',
  variables: ['1', '2', '3'],
  sampleValues: { '1': 'John', '2': 'deal title', '3': 'agent' },
});
const malmo = template({ friendlyName: 'Malmö office visit', body: 'See you at our office, {{1}}!' });
const jurgen = template({ friendlyName: 'Follow-up Jürgen', body: 'Following up on our call.', variables: [], sampleValues: {} });
const munoz = template({ friendlyName: 'Invoice reminder', body: 'Dear Sr. Muñoz, a reminder about invoice {{1}}.', sampleValues: { '1': 'order' } });
const pending = template({ friendlyName: 'Spring campaign', approvalStatus: 'pending' });
const rejected = template({
  friendlyName: 'Big discount',
  approvalStatus: 'rejected',
  rejectionReason: 'Promotional content in a utility template.',
});

const closed = conversation({ window: { open: false, closesAt: Date.now() - HOUR, reason: 'expired' } });

async function openPicker(templates: TemplateView[] = [welcome, malmo, jurgen, munoz, pending, rejected], view = closed) {
  const user = userEvent.setup();
  const { backend, emit } = fakeBackend(view, templates);
  render(<Panel backend={backend} deal={deal} locale="en-US" />);
  await user.click(await screen.findByRole('button', { name: 'Templates' }));
  const dialog = screen.getByRole('dialog', { name: 'Templates' });
  await within(dialog).findByRole('listbox');
  return { user, backend, emit, dialog };
}

/** The listed templates' names, in order (the phone switcher's options are not templates). */
const listedNames = () =>
  within(screen.getByRole('listbox')).getAllByRole('option').map((option) => option.querySelector('.dc-option__name')?.textContent);

describe('TemplatePicker', () => {
  it('sends a template filled from the deal in three interactions, then closes', async () => {
    const user = userEvent.setup();
    const { backend } = fakeBackend(closed, [welcome]);
    render(<Panel backend={backend} deal={deal} locale="en-US" />);

    await user.click(await screen.findByRole('button', { name: 'Templates' }));
    await user.click(await screen.findByRole('option', { name: 'welcome_customer' }));
    await user.click(screen.getByRole('button', { name: 'Send template' }));

    expect(backend.sendTemplate).toHaveBeenCalledWith(
      CONTACT,
      welcome.sid,
      { '1': 'Jürgen', '2': 'Solar panels for HQ', '3': 'Sara Lind' },
      A_REQUEST_ID,
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Templates' })).toHaveFocus();
  });

  it('names options by the template’s name alone and describes their state', async () => {
    await openPicker();
    const option = screen.getByRole('option', { name: 'Big discount' });
    expect(option).toHaveAccessibleDescription(expect.stringContaining('Rejected'));
    expect(option).toHaveAccessibleDescription(expect.stringContaining('Promotional content in a utility template.'));
    expect(option).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('option', { name: 'Spring campaign' })).toHaveAccessibleDescription(
      expect.stringContaining('Pending'),
    );
    expect(screen.getByRole('option', { name: 'welcome_customer' })).not.toHaveAttribute('aria-disabled');
  });

  it('lists approved templates first', async () => {
    await openPicker();
    expect(listedNames().slice(-2).sort()).toEqual(['Big discount', 'Spring campaign']);
  });

  it('does not let the rep pick a template WhatsApp has not approved', async () => {
    const { user, backend } = await openPicker();
    await user.click(screen.getByRole('option', { name: 'Spring campaign' }));
    expect(screen.queryByRole('button', { name: 'Send template' })).not.toBeInTheDocument();
    expect(backend.sendTemplate).not.toHaveBeenCalled();
  });

  it.each([
    ['malmo', 'Malmö office visit'],
    ['jurgen', 'Follow-up Jürgen'],
    ['munoz', 'Invoice reminder'],
    ['MALMÖ', 'Malmö office visit'],
    ['welcome customer', 'welcome_customer'],
  ])('finds templates ignoring accents and case: %s', async (query, expected) => {
    const { user } = await openPicker();
    await user.type(screen.getByRole('textbox', { name: 'Search templates' }), query);
    expect(listedNames()).toEqual([expected]);
  });

  it('says when nothing matches', async () => {
    const { user } = await openPicker();
    await user.type(screen.getByRole('textbox', { name: 'Search templates' }), 'zzz');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(screen.getByText('No templates match “zzz”.')).toBeInTheDocument();
  });

  it('moves with the arrow keys and picks with Enter', async () => {
    const { user } = await openPicker([welcome, malmo]);
    expect(screen.getByRole('textbox', { name: 'Search templates' })).toHaveFocus();

    await user.keyboard('{ArrowDown}');
    const listbox = screen.getByRole('listbox');
    expect(listbox).toHaveFocus();
    const active = () => listbox.getAttribute('aria-activedescendant');
    expect(active()).toBe(screen.getByRole('option', { name: 'Malmö office visit' }).id);

    await user.keyboard('{ArrowDown}');
    expect(active()).toBe(screen.getByRole('option', { name: 'welcome_customer' }).id);
    await user.keyboard('{Enter}');
    expect(screen.getByRole('heading', { name: 'welcome_customer' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '{{1}}' })).toHaveFocus();
  });

  it('pre-fills variables from the deal and previews the message', async () => {
    const { user, dialog } = await openPicker();
    await user.click(screen.getByRole('option', { name: 'welcome_customer' }));

    expect(screen.getByRole('textbox', { name: '{{1}}' })).toHaveValue('Jürgen');
    expect(screen.getByRole('textbox', { name: '{{1}}' })).toHaveAccessibleDescription('From the deal’s first name');
    expect(screen.getByRole('textbox', { name: '{{2}}' })).toHaveValue('Solar panels for HQ');
    expect(screen.getByRole('textbox', { name: '{{3}}' })).toHaveValue('Sara Lind');

    const preview = within(dialog).getByRole('figure');
    expect(preview).toHaveTextContent('Hi Jürgen, thanks for your interest in Solar panels for HQ. Sara Lind will call you.');
    expect(within(preview).getByText('Solar panels for HQ').closest('strong')).not.toBeNull();
    expect(within(preview).getByText('Jürgen').tagName).toBe('MARK');
  });

  it('uses the mapping the rep chose before', async () => {
    const user = userEvent.setup();
    const { backend } = fakeBackend(closed, [munoz]);
    backend.getVariableMappings.mockResolvedValue({ [munoz.sid]: { '1': 'deal.value' } });
    render(<Panel backend={backend} deal={deal} locale="en-US" />);
    await user.click(await screen.findByRole('button', { name: 'Templates' }));
    await user.click(await screen.findByRole('option', { name: 'Invoice reminder' }));
    expect(screen.getByRole('textbox', { name: '{{1}}' })).toHaveValue('€12,500');
  });

  it('saves a changed mapping and fills the value from the new field', async () => {
    const { user, backend } = await openPicker();
    await user.click(screen.getByRole('option', { name: 'welcome_customer' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Fill {{2}} from' }), 'Organization');

    expect(screen.getByRole('textbox', { name: '{{2}}' })).toHaveValue('Malmö Energi AB');
    expect(backend.saveVariableMapping).toHaveBeenCalledWith(welcome.sid, {
      '1': 'person.firstName',
      '2': 'organization.name',
      '3': 'owner.name',
    });
  });

  it('catches empty and overlong variables before sending', async () => {
    const { user, backend } = await openPicker();
    await user.click(screen.getByRole('option', { name: 'welcome_customer' }));
    const first = screen.getByRole('textbox', { name: '{{1}}' });
    const third = screen.getByRole('textbox', { name: '{{3}}' });
    await user.clear(first);
    await user.type(first, '   ');
    await user.clear(third);
    await user.click(third);
    await user.paste('x'.repeat(256));
    await user.click(screen.getByRole('button', { name: 'Send template' }));

    expect(backend.sendTemplate).not.toHaveBeenCalled();
    expect(first).toHaveFocus();
    expect(first).toHaveAttribute('aria-invalid', 'true');
    expect(first).toHaveAccessibleDescription(expect.stringContaining('Empty'));
    expect(third).toHaveAccessibleDescription(expect.stringContaining('Too long: 256 characters'));
    expect(screen.getByText('2 fields need attention before sending.')).toBeInTheDocument();

    await user.type(first, 'Jürgen');
    await user.clear(third);
    await user.type(third, 'Sara');
    await user.click(screen.getByRole('button', { name: 'Send template' }));
    expect(backend.sendTemplate).toHaveBeenCalledWith(CONTACT, welcome.sid, { '1': 'Jürgen', '2': 'Solar panels for HQ', '3': 'Sara' }, A_REQUEST_ID);
  });

  it('keeps the picker open and says why when sending fails', async () => {
    const { user, backend } = await openPicker();
    const sending = deferred();
    backend.sendTemplate.mockReturnValueOnce(sending.promise);
    await user.click(screen.getByRole('option', { name: 'Follow-up Jürgen' }));
    await user.click(screen.getByRole('button', { name: 'Send template' }));
    expect(screen.getByRole('button', { name: 'Sending…' })).toBeDisabled();

    sending.reject(new BackgroundError('failed', 'WhatsApp rejected this template (63040).'));
    expect(await screen.findByText('WhatsApp rejected this template (63040).')).toBeInTheDocument();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('asks once more with the same request id when the background does not answer, and a press of Send reuses it', async () => {
    const { user, backend } = await openPicker();
    backend.sendTemplate.mockRejectedValueOnce(unanswered()).mockRejectedValueOnce(unanswered());
    await user.click(screen.getByRole('option', { name: 'Follow-up Jürgen' }));
    await user.click(screen.getByRole('button', { name: 'Send template' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(UNANSWERED_SEND);
    expect(backend.sendTemplate).toHaveBeenCalledTimes(2);
    await user.click(screen.getByRole('button', { name: 'Send template' }));
    expect(backend.sendTemplate).toHaveBeenCalledTimes(3);
    const requestIds = backend.sendTemplate.mock.calls.map((call) => call[3]);
    expect(requestIds).toEqual([A_REQUEST_ID, requestIds[0], requestIds[0]]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('gives the same template with other values a request id of its own', async () => {
    const { user, backend } = await openPicker();
    backend.sendTemplate.mockRejectedValueOnce(new BackgroundError('failed', 'Dealchat could not record the message.'));
    await user.click(screen.getByRole('option', { name: 'Malmö office visit' }));
    const name = screen.getByRole('textbox', { name: '{{1}}' });
    await user.clear(name);
    await user.type(name, 'Jürgen');
    await user.click(screen.getByRole('button', { name: 'Send template' }));
    await screen.findByText('Dealchat could not record the message.');
    await user.type(name, ' Muñoz');
    await user.click(screen.getByRole('button', { name: 'Send template' }));

    const [first, edited] = backend.sendTemplate.mock.calls;
    expect(edited?.[2]).toEqual({ '1': 'Jürgen Muñoz' });
    expect(edited?.[3]).not.toBe(first?.[3]);
  });

  it('closes on Escape and gives focus back to the Templates button', async () => {
    const { user } = await openPicker();
    await user.click(screen.getByRole('option', { name: 'welcome_customer' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Templates' })).toHaveFocus();
  });

  it('goes back to the list from a template', async () => {
    const { user } = await openPicker();
    await user.click(screen.getByRole('option', { name: 'welcome_customer' }));
    await user.click(screen.getByRole('button', { name: 'All templates' }));
    expect(screen.getByRole('listbox')).toHaveFocus();
  });

  it('is available while the window is open too', async () => {
    const { dialog } = await openPicker([welcome], conversation());
    expect(dialog).toBeInTheDocument();
  });

  it('reloads the list when the templates change', async () => {
    const { backend, emit } = await openPicker([welcome]);
    backend.listTemplates.mockResolvedValueOnce([welcome, malmo]);
    await emit({ type: 'templates-changed' });
    expect(await screen.findByRole('option', { name: 'Malmö office visit' })).toBeInTheDocument();
  });
});
