// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BackgroundError } from '@/utils/messaging/client';
import type { SettingsInput } from '@/utils/messaging/contract';
import type { ConnectionProblem, ConnectionTestResult, SaveSettingsResult, SettingsView } from '@/utils/messaging/views';
import type { OptionsBackend } from './backend';
import { OptionsPage } from './OptionsPage';

const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
const API_KEY_SID = `SK${'fedcba9876543210'.repeat(2)}`;
const SERVICE_SID = 'MG00112233445566778899aabbccddeeff';

const savedView: SettingsView = {
  configured: true,
  accountSid: ACCOUNT_SID,
  authMethod: 'apiKey',
  apiKeySid: API_KEY_SID,
  hasApiKeySecret: true,
  hasAuthToken: false,
  hasPipedriveToken: false,
  whatsappSender: '+14155238886',
  messagingServiceSid: '',
  defaultCountry: 'SE',
};

const emptyView: SettingsView = {
  configured: false,
  accountSid: '',
  authMethod: 'apiKey',
  apiKeySid: '',
  hasApiKeySecret: false,
  hasAuthToken: false,
  hasPipedriveToken: false,
  whatsappSender: '',
  messagingServiceSid: '',
  defaultCountry: '',
};

const connected: ConnectionTestResult = {
  ok: true,
  accountName: 'Acme Sales',
  accountType: 'Full',
  templateCount: 12,
  notes: ['2 templates are still waiting for WhatsApp approval.'],
};

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

function fakeBackend(view: SettingsView = savedView) {
  return {
    getSettings: vi.fn<OptionsBackend['getSettings']>().mockResolvedValue(view),
    saveSettings: vi
      .fn<OptionsBackend['saveSettings']>()
      .mockImplementation((input: SettingsInput) =>
        Promise.resolve({ ok: true, settings: viewAfterSaving(view, input) } satisfies SaveSettingsResult),
      ),
    testConnection: vi.fn<OptionsBackend['testConnection']>().mockResolvedValue(connected),
  };
}

/** What the background answers after a save: blank secrets keep the saved ones. */
function viewAfterSaving(view: SettingsView, input: SettingsInput): SettingsView {
  return {
    configured: true,
    accountSid: input.accountSid,
    authMethod: input.authMethod,
    apiKeySid: input.apiKeySid ?? '',
    hasApiKeySecret: view.hasApiKeySecret || (input.apiKeySecret ?? '') !== '',
    hasAuthToken: view.hasAuthToken || (input.authToken ?? '') !== '',
    hasPipedriveToken: view.hasPipedriveToken || (input.pipedriveApiToken ?? '') !== '',
    whatsappSender: input.whatsappSender,
    messagingServiceSid: input.messagingServiceSid ?? '',
    defaultCountry: input.defaultCountry,
  };
}

async function renderLoaded(backend: OptionsBackend = fakeBackend()) {
  const user = userEvent.setup();
  render(<OptionsPage backend={backend} />);
  await screen.findByRole('form', { name: 'Twilio settings' });
  return user;
}

const textbox = (name: string) => screen.getByRole('textbox', { name });
const saveButton = () => screen.getByRole('button', { name: 'Save' });
const testButton = () => screen.getByRole('button', { name: 'Test connection' });
const connectionStatus = () => screen.getByRole('status', { name: 'Connection test result' });
const saveStatus = () => screen.getByRole('status', { name: 'Save result' });

describe('loading', () => {
  it('shows progress while the settings load, then the form filled with them', async () => {
    const backend = fakeBackend();
    const pending = deferred<SettingsView>();
    backend.getSettings.mockReturnValue(pending.promise);
    render(<OptionsPage backend={backend} />);

    expect(screen.getByRole('status')).toHaveTextContent('Loading your settings…');
    expect(screen.queryByRole('form')).not.toBeInTheDocument();

    pending.resolve(savedView);
    await screen.findByRole('form', { name: 'Twilio settings' });
    expect(screen.queryByText('Loading your settings…')).not.toBeInTheDocument();
    expect(textbox('Account SID')).toHaveValue(ACCOUNT_SID);
    expect(screen.getByRole('radio', { name: 'API key (recommended)' })).toBeChecked();
    expect(textbox('API Key SID')).toHaveValue(API_KEY_SID);
    expect(textbox('WhatsApp sender')).toHaveValue('+14155238886');
    expect(textbox('Messaging Service SID (optional)')).toHaveValue('');
    expect(screen.getByRole('combobox', { name: 'Default country' })).toHaveValue('SE');
    expect(screen.queryByText('Unsaved changes')).not.toBeInTheDocument();
  });

  it('explains a failed load and loads again on "Try again"', async () => {
    const backend = fakeBackend();
    backend.getSettings.mockRejectedValueOnce(new BackgroundError('unreachable', 'The background did not answer.'));
    const user = userEvent.setup();
    render(<OptionsPage backend={backend} />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your settings could not be loaded');
    expect(alert).toHaveTextContent('The background did not answer.');

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByRole('form', { name: 'Twilio settings' });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(backend.getSettings).toHaveBeenCalledTimes(2);
  });

  it('guesses the default country from the browser language on first run', async () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('sv-SE');
    await renderLoaded(fakeBackend(emptyView));

    expect(screen.getByRole('combobox', { name: 'Default country' })).toHaveValue('SE');
    expect(screen.getByText('Dealchat is not connected yet')).toBeInTheDocument();
  });
});

describe('fields', () => {
  it('has password inputs for secrets that are never pre-filled and say when one is saved', async () => {
    await renderLoaded(fakeBackend({ ...savedView, hasAuthToken: true }));

    const secret = screen.getByLabelText('API Key Secret');
    expect(secret).toHaveAttribute('type', 'password');
    expect(secret).toHaveAttribute('autocomplete', 'off');
    expect(secret).toHaveValue('');
    expect(secret).toHaveAttribute('placeholder', 'Saved — leave empty to keep it');
    expect(secret).toHaveAccessibleDescription(expect.stringContaining('Leave this empty to keep it') as string);

    await userEvent.setup().click(screen.getByRole('radio', { name: 'Account Auth Token' }));
    const token = screen.getByLabelText('Auth Token');
    expect(token).toHaveAttribute('type', 'password');
    expect(token).toHaveAttribute('autocomplete', 'off');
    expect(token).toHaveValue('');
    expect(token).toHaveAttribute('placeholder', 'Saved — leave empty to keep it');
  });

  it('asks for a secret without a "saved" placeholder when none is saved', async () => {
    await renderLoaded(fakeBackend(emptyView));

    expect(screen.getByLabelText('API Key Secret')).not.toHaveAttribute('placeholder');
  });

  it('shows only the fields of the chosen sign-in method', async () => {
    const user = await renderLoaded();
    const group = screen.getByRole('group', { name: 'How to sign in to Twilio' });
    expect(within(group).getByRole('radio', { name: 'API key (recommended)' })).toHaveAccessibleDescription(
      expect.stringContaining('revoked') as string,
    );

    expect(screen.getByLabelText('API Key SID')).toBeInTheDocument();
    expect(screen.getByLabelText('API Key Secret')).toBeInTheDocument();
    expect(screen.queryByLabelText('Auth Token')).not.toBeInTheDocument();

    await user.click(within(group).getByRole('radio', { name: 'Account Auth Token' }));
    expect(screen.getByLabelText('Auth Token')).toBeInTheDocument();
    expect(screen.queryByLabelText('API Key SID')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('API Key Secret')).not.toBeInTheDocument();
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();

    await user.click(within(group).getByRole('radio', { name: 'API key (recommended)' }));
    expect(screen.getByLabelText('API Key SID')).toHaveValue(API_KEY_SID);
    expect(screen.queryByLabelText('Auth Token')).not.toBeInTheDocument();
    expect(screen.queryByText('Unsaved changes')).not.toBeInTheDocument();
  });

  it('lists countries by name with their codes as values', async () => {
    await renderLoaded();
    const options = within(screen.getByRole('combobox', { name: 'Default country' })).getAllByRole('option');
    const names = options.slice(1).map((o) => o.textContent);

    expect(options.length).toBeGreaterThan(200);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    expect(screen.getByRole('option', { name: 'Sweden (+46)' })).toHaveValue('SE');
  });
});

describe('validation', () => {
  it('flags an invalid Account SID next to it, focuses it and does not save', async () => {
    const backend = fakeBackend();
    const user = await renderLoaded(backend);
    const sid = textbox('Account SID');

    await user.clear(sid);
    await user.type(sid, 'AC123');
    await user.click(saveButton());

    expect(sid).toHaveFocus();
    expect(sid).toHaveAttribute('aria-invalid', 'true');
    expect(sid).toHaveAccessibleDescription(
      expect.stringContaining(
        'Account SIDs start with AC followed by 32 letters and digits — copy it from the Twilio Console.',
      ) as string,
    );
    expect(backend.saveSettings).not.toHaveBeenCalled();
  });

  it('focuses the first invalid field in page order and clears an error once the field is edited', async () => {
    const backend = fakeBackend();
    const user = await renderLoaded(backend);

    await user.clear(textbox('WhatsApp sender'));
    await user.type(textbox('Messaging Service SID (optional)'), 'MG1');
    await user.clear(textbox('API Key SID'));
    await user.click(saveButton());

    expect(textbox('API Key SID')).toHaveFocus();
    expect(textbox('API Key SID')).toHaveAccessibleDescription(expect.stringContaining('Enter the API Key SID') as string);
    expect(textbox('WhatsApp sender')).toHaveAccessibleDescription(
      expect.stringContaining('Enter the WhatsApp number you send from.') as string,
    );
    expect(textbox('Messaging Service SID (optional)')).toHaveAccessibleDescription(
      expect.stringContaining('Messaging Service SIDs start with MG') as string,
    );

    await user.type(textbox('API Key SID'), 'S');
    expect(textbox('API Key SID')).not.toHaveAttribute('aria-invalid');
    expect(backend.saveSettings).not.toHaveBeenCalled();
  });

  it('asks for a WhatsApp sender with its country code', async () => {
    const backend = fakeBackend();
    const user = await renderLoaded(backend);
    const sender = textbox('WhatsApp sender');

    await user.clear(sender);
    await user.type(sender, '070 123 45 67');
    await user.click(testButton());

    expect(sender).toHaveFocus();
    expect(sender).toHaveAccessibleDescription(
      expect.stringContaining('Include the country code, starting with +') as string,
    );
    expect(backend.testConnection).not.toHaveBeenCalled();
  });

  it('checks a filled-in field when leaving it, but not an empty one', async () => {
    const user = await renderLoaded(fakeBackend(emptyView));

    await user.click(textbox('Account SID'));
    await user.tab();
    expect(textbox('Account SID')).not.toHaveAttribute('aria-invalid');

    await user.type(textbox('WhatsApp sender'), '+46 70');
    await user.tab();
    expect(textbox('WhatsApp sender')).toHaveAttribute('aria-invalid', 'true');
    expect(textbox('WhatsApp sender')).toHaveAccessibleDescription(
      expect.stringContaining('This is not a complete phone number') as string,
    );
  });

  it('requires a secret only when none is saved', async () => {
    const backend = fakeBackend(emptyView);
    const user = await renderLoaded(backend);
    await user.type(textbox('Account SID'), ACCOUNT_SID);
    await user.type(textbox('API Key SID'), API_KEY_SID);
    await user.type(textbox('WhatsApp sender'), '+14155238886');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Default country' }), 'US');
    await user.click(saveButton());

    const secret = screen.getByLabelText('API Key Secret');
    expect(secret).toHaveFocus();
    expect(secret).toHaveAccessibleDescription(expect.stringContaining('Enter the API Key Secret') as string);
    expect(backend.saveSettings).not.toHaveBeenCalled();
  });
});

describe('saving', () => {
  it('sends exactly the settings input: saved secret left blank, sender normalised to E.164', async () => {
    const backend = fakeBackend();
    const user = await renderLoaded(backend);
    const sender = textbox('WhatsApp sender');

    await user.clear(sender);
    await user.type(sender, ' +46 70-123 45 67 ');
    await user.type(textbox('Messaging Service SID (optional)'), SERVICE_SID);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Default country' }), 'NO');
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    await user.click(saveButton());

    expect(backend.saveSettings).toHaveBeenCalledExactlyOnceWith({
      accountSid: ACCOUNT_SID,
      authMethod: 'apiKey',
      apiKeySid: API_KEY_SID,
      apiKeySecret: '',
      authToken: '',
      whatsappSender: '+46701234567',
      messagingServiceSid: SERVICE_SID,
      defaultCountry: 'NO',
      pipedriveApiToken: '',
    } satisfies Required<SettingsInput>);
    expect(await within(saveStatus()).findByText('Settings saved')).toBeInTheDocument();
    expect(screen.queryByText('Unsaved changes')).not.toBeInTheDocument();
    expect(textbox('WhatsApp sender')).toHaveValue('+46701234567');
  });

  it('sends a new secret and never the hidden method’s secret', async () => {
    const backend = fakeBackend();
    const user = await renderLoaded(backend);

    await user.click(screen.getByRole('radio', { name: 'Account Auth Token' }));
    await user.type(screen.getByLabelText('Auth Token'), 'abandoned-token');
    await user.click(screen.getByRole('radio', { name: 'API key (recommended)' }));
    await user.type(screen.getByLabelText('API Key Secret'), '  new-secret  ');
    await user.click(saveButton());

    expect(backend.saveSettings).toHaveBeenCalledWith(
      expect.objectContaining({ authMethod: 'apiKey', apiKeySecret: 'new-secret', authToken: '' }),
    );
    await within(saveStatus()).findByText('Settings saved');
    expect(screen.getByLabelText('API Key Secret')).toHaveValue('');
  });

  it('saves an optional Pipedrive API token as a secret, checking its format first', async () => {
    const backend = fakeBackend();
    const user = await renderLoaded(backend);
    const token = screen.getByLabelText(/Pipedrive API token/);
    expect(token).toHaveAttribute('type', 'password');

    await user.type(token, 'not-a-token');
    await user.click(saveButton());
    expect(await screen.findByText(/40 letters and digits/)).toBeInTheDocument();
    expect(backend.saveSettings).not.toHaveBeenCalled();

    await user.clear(token);
    await user.type(token, 'ab'.repeat(20));
    await user.click(saveButton());
    expect(backend.saveSettings).toHaveBeenCalledWith(expect.objectContaining({ pipedriveApiToken: 'ab'.repeat(20) }));
    await within(saveStatus()).findByText('Settings saved');
    expect(token).toHaveValue('');
    expect(token).toHaveAttribute('placeholder', 'Saved — leave empty to keep it');
  });

  it('hides "Settings saved" again once something changes', async () => {
    const user = await renderLoaded();
    await user.type(textbox('Messaging Service SID (optional)'), SERVICE_SID);
    await user.click(saveButton());
    await within(saveStatus()).findByText('Settings saved');

    await user.type(textbox('Messaging Service SID (optional)'), 'x');
    expect(saveStatus()).toBeEmptyDOMElement();
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
  });

  it('shows the background’s field errors next to their fields and focuses the first', async () => {
    const backend = fakeBackend();
    backend.saveSettings.mockResolvedValue({
      ok: false,
      fieldErrors: {
        whatsappSender: 'This number is not a WhatsApp sender on your account.',
        accountSid: 'Twilio does not know this Account SID.',
      },
    });
    const user = await renderLoaded(backend);
    await user.click(saveButton());

    expect(await screen.findByText('Twilio does not know this Account SID.')).toBeInTheDocument();
    expect(textbox('Account SID')).toHaveFocus();
    expect(textbox('Account SID')).toHaveAttribute('aria-invalid', 'true');
    expect(textbox('Account SID')).toHaveAccessibleDescription(
      expect.stringContaining('Twilio does not know this Account SID.') as string,
    );
    expect(textbox('WhatsApp sender')).toHaveAccessibleDescription(
      expect.stringContaining('This number is not a WhatsApp sender on your account.') as string,
    );
    expect(saveStatus()).toBeEmptyDOMElement();
  });

  it('explains a field error the page cannot show next to a field', async () => {
    const backend = fakeBackend();
    backend.saveSettings.mockResolvedValue({ ok: false, fieldErrors: { authToken: 'Auth Tokens are 32 characters.' } });
    const user = await renderLoaded(backend);
    await user.click(saveButton());

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your settings were not saved');
    expect(alert).toHaveTextContent('Auth Tokens are 32 characters.');
  });

  it('explains a failed save request', async () => {
    const backend = fakeBackend();
    backend.saveSettings.mockRejectedValue(new BackgroundError('failed', 'Settings storage is full.'));
    const user = await renderLoaded(backend);
    await user.click(saveButton());

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your settings were not saved');
    expect(alert).toHaveTextContent('Settings storage is full.');
    expect(saveButton()).toBeEnabled();
  });

  it('does not leak the text of an unexpected error', async () => {
    const backend = fakeBackend();
    backend.saveSettings.mockRejectedValue(new TypeError('x is undefined'));
    const user = await renderLoaded(backend);
    await user.click(saveButton());

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Something unexpected went wrong. Reload the page and try again.');
    expect(alert).not.toHaveTextContent('x is undefined');
  });

  it('shows progress while saving and cannot be sent twice', async () => {
    const backend = fakeBackend();
    const pending = deferred<SaveSettingsResult>();
    backend.saveSettings.mockReturnValue(pending.promise);
    const user = await renderLoaded(backend);
    await user.click(saveButton());

    const busy = screen.getByRole('button', { name: 'Saving…' });
    expect(busy).toBeDisabled();
    expect(busy).toHaveAttribute('aria-busy', 'true');
    await user.click(busy);
    expect(backend.saveSettings).toHaveBeenCalledTimes(1);

    pending.resolve({ ok: true, settings: savedView });
    expect(await within(saveStatus()).findByText('Settings saved')).toBeInTheDocument();
    expect(saveButton()).toBeEnabled();
  });
});

describe('testing the connection', () => {
  it('shows progress, then the account, its templates and notes in a status region', async () => {
    const backend = fakeBackend();
    const pending = deferred<ConnectionTestResult>();
    backend.testConnection.mockReturnValue(pending.promise);
    const user = await renderLoaded(backend);
    await user.click(testButton());

    const busy = screen.getByRole('button', { name: 'Testing…' });
    expect(busy).toBeDisabled();
    expect(busy).toHaveAttribute('aria-busy', 'true');
    expect(backend.saveSettings).not.toHaveBeenCalled();

    pending.resolve(connected);
    const status = connectionStatus();
    expect(await within(status).findByText('Connected to Acme Sales')).toBeInTheDocument();
    expect(status).toHaveTextContent('Full account. 12 message templates found.');
    expect(status).toHaveTextContent('2 templates are still waiting for WhatsApp approval.');
    expect(status).not.toHaveTextContent('not saved yet');
    expect(testButton()).toBeEnabled();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('tests the unsaved values in the form and says they still need saving', async () => {
    const backend = fakeBackend();
    backend.testConnection.mockResolvedValue({ ...connected, templateCount: 1, notes: [] });
    const user = await renderLoaded(backend);

    await user.click(screen.getByRole('radio', { name: 'Account Auth Token' }));
    await user.type(screen.getByLabelText('Auth Token'), '0123456789abcdef0123456789abcdef');
    await user.click(testButton());

    expect(backend.testConnection).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ authMethod: 'authToken', authToken: '0123456789abcdef0123456789abcdef', apiKeySecret: '' }),
    );
    const status = connectionStatus();
    expect(await within(status).findByText(/1 message template found\./)).toBeInTheDocument();
    expect(status).toHaveTextContent('These settings are not saved yet — select Save to start using them.');
  });

  it.each<[ConnectionProblem, string, string]>([
    ['invalid-input', 'Some details are not valid', 'The Account SID is not in the right format.'],
    ['credentials-rejected', 'Twilio did not accept these credentials', 'Twilio rejected the API key. Check it.'],
    ['network', 'Twilio could not be reached', 'No network connection. Check you are online.'],
    ['account-inactive', 'This Twilio account is not active', 'The account is suspended.'],
    ['twilio-error', 'Twilio reported a problem', 'Twilio answered with error 20500. Try again later.'],
  ])('shows a %s failure in an alert', async (problem, title, message) => {
    const backend = fakeBackend();
    backend.testConnection.mockResolvedValue({ ok: false, problem, message });
    const user = await renderLoaded(backend);
    await user.click(testButton());

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(title);
    expect(alert).toHaveTextContent(message);
    expect(connectionStatus()).toBeEmptyDOMElement();
  });

  it('marks the fields a failed test names', async () => {
    const backend = fakeBackend();
    backend.testConnection.mockResolvedValue({
      ok: false,
      problem: 'invalid-input',
      message: 'The API key does not belong to this account.',
      fieldErrors: { apiKeySid: 'This API key belongs to another account.' },
    });
    const user = await renderLoaded(backend);
    await user.click(testButton());

    await screen.findByRole('alert');
    expect(textbox('API Key SID')).toHaveAttribute('aria-invalid', 'true');
    expect(textbox('API Key SID')).toHaveAccessibleDescription(
      expect.stringContaining('This API key belongs to another account.') as string,
    );
  });

  it('explains a test request that failed, and replaces the result on the next try', async () => {
    const backend = fakeBackend();
    backend.testConnection.mockRejectedValueOnce(
      new BackgroundError('unreachable', 'Dealchat’s background service did not answer. Reload the page and try again.'),
    );
    const user = await renderLoaded(backend);
    await user.click(testButton());

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The connection could not be tested');
    expect(alert).toHaveTextContent('Dealchat’s background service did not answer.');

    await user.click(testButton());
    expect(await within(connectionStatus()).findByText('Connected to Acme Sales')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('keyboard', () => {
  async function tabTo(user: ReturnType<typeof userEvent.setup>, target: HTMLElement) {
    for (let presses = 0; presses < 30 && document.activeElement !== target; presses++) await user.tab();
    expect(target).toHaveFocus();
  }

  it('reaches Save with Tab and saves with Enter, and tests with Space', async () => {
    const backend = fakeBackend();
    const user = await renderLoaded(backend);

    await tabTo(user, saveButton());
    await user.keyboard('{Enter}');
    expect(backend.saveSettings).toHaveBeenCalledTimes(1);
    await within(saveStatus()).findByText('Settings saved');

    await user.tab();
    expect(testButton()).toHaveFocus();
    await user.keyboard(' ');
    expect(await within(connectionStatus()).findByText('Connected to Acme Sales')).toBeInTheDocument();
  });

  it('submits with Enter from a text field', async () => {
    const backend = fakeBackend();
    const user = await renderLoaded(backend);

    await user.click(textbox('WhatsApp sender'));
    await user.keyboard('{Enter}');
    expect(backend.saveSettings).toHaveBeenCalledTimes(1);
  });

  it('switches the sign-in method with the keyboard', async () => {
    const user = await renderLoaded();
    await tabTo(user, screen.getByRole('radio', { name: 'API key (recommended)' }));
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: 'Account Auth Token' })).toBeChecked();
    expect(screen.getByLabelText('Auth Token')).toBeInTheDocument();
  });
});
