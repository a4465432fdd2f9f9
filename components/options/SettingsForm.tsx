import { useEffect, useId, useState, type SubmitEvent } from 'react';
import { backgroundErrorMessage } from '@/components/shared/backgroundErrorMessage';
import { BusyButton } from '@/components/shared/BusyButton';
import { ErrorNotice, Notice } from '@/components/shared/Notice';
import type { SettingsField, SettingsInput } from '@/utils/messaging/contract';
import type { SettingsView } from '@/utils/messaging/views';
import {
  checkSettings,
  fieldError,
  firstInvalidField,
  hiddenFields,
  type FieldErrors,
} from '@/utils/settings/validation';
import type { OptionsBackend } from './backend';
import { ConnectionResult, type ConnectionTestState } from './ConnectionResult';
import { countryFromLanguage } from './countries';
import { CredentialsFieldset } from './CredentialsFieldset';
import { CrmFieldset } from './CrmFieldset';
import { sameValues, toSettingsInput, valuesFromView, type FormValues } from './form';
import { SenderFieldset } from './SenderFieldset';

type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved' }
  /** Problems the fields cannot show: the request failed, or the background named no visible field. */
  | { status: 'failed'; messages: string[] };

const UNEXPECTED = 'Something unexpected went wrong. Reload the page and try again.';

function withValue(values: FormValues, field: SettingsField, value: string): FormValues {
  if (field === 'authMethod') return { ...values, authMethod: value === 'authToken' ? 'authToken' : 'apiKey' };
  return { ...values, [field]: value };
}

interface SettingsFormProps {
  initial: SettingsView;
  backend: OptionsBackend;
}

export function SettingsForm({ initial, backend }: SettingsFormProps) {
  const idPrefix = useId();
  const idFor = (field: SettingsField) => `${idPrefix}-${field}`;

  const [fallbackCountry] = useState(() => countryFromLanguage(navigator.language));
  const [saved, setSaved] = useState(initial);
  const [baseline, setBaseline] = useState(() => valuesFromView(initial, fallbackCountry));
  const [values, setValues] = useState(baseline);
  const [errors, setErrors] = useState<FieldErrors>({});
  // A fresh object per request, so asking for the same field twice still moves focus.
  const [focusRequest, setFocusRequest] = useState<{ field: SettingsField } | null>(null);
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const [test, setTest] = useState<ConnectionTestState>({ status: 'idle' });

  const dirty = !sameValues(values, baseline);

  // Focus after the commit, so the error text is already linked when the field is announced.
  useEffect(() => {
    if (focusRequest) document.getElementById(`${idPrefix}-${focusRequest.field}`)?.focus();
  }, [focusRequest, idPrefix]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const handleChange = (field: SettingsField, value: string) => {
    setValues((current) => withValue(current, field, value));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  // Only a filled-in field is judged on leaving it: flagging empty ones would scold people just tabbing through.
  const handleBlur = (field: SettingsField) => {
    if (values[field].trim() === '') return;
    setErrors((current) => ({ ...current, [field]: fieldError(field, values, saved) }));
  };

  /** Shows errors by their fields and returns the messages of fields that are not on screen. */
  const showFieldErrors = (fieldErrors: FieldErrors, moveFocus: boolean): string[] => {
    const hidden = hiddenFields(values.authMethod);
    const placed: FieldErrors = {};
    const unplaced: string[] = [];
    for (const [field, message] of Object.entries(fieldErrors) as [SettingsField, string | undefined][]) {
      if (message === undefined) continue;
      if (hidden.has(field)) unplaced.push(message);
      else placed[field] = message;
    }
    setErrors((current) => ({ ...current, ...placed }));
    const first = firstInvalidField(placed);
    if (moveFocus && first) setFocusRequest({ field: first });
    return unplaced;
  };

  /** Validates the form; returns what to send, or null after pointing the user at the first problem. */
  const checkedInput = (): SettingsInput | null => {
    const found = checkSettings(values, saved);
    setErrors(found);
    const first = firstInvalidField(found);
    if (first === undefined) return toSettingsInput(values);
    setFocusRequest({ field: first });
    return null;
  };

  const submit = async (input: SettingsInput) => {
    setSave({ status: 'saving' });
    try {
      const result = await backend.saveSettings(input);
      if (result.ok) {
        const next = valuesFromView(result.settings, fallbackCountry);
        setSaved(result.settings);
        setBaseline(next);
        setValues(next);
        setErrors({});
        setSave({ status: 'saved' });
        return;
      }
      const unplaced = showFieldErrors(result.fieldErrors, true);
      const nothingShown = Object.keys(result.fieldErrors).length === unplaced.length;
      setSave(
        nothingShown
          ? { status: 'failed', messages: unplaced.length > 0 ? unplaced : ['Check the details and try again.'] }
          : { status: 'idle' },
      );
    } catch (error) {
      setSave({ status: 'failed', messages: [backgroundErrorMessage(error, UNEXPECTED)] });
    }
  };

  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = checkedInput();
    if (input) void submit(input);
  };

  const handleTest = async () => {
    const input = checkedInput();
    if (!input) return;
    setTest({ status: 'testing' });
    try {
      const result = await backend.testConnection(input);
      setTest({ status: 'done', result });
      if (!result.ok && result.fieldErrors) showFieldErrors(result.fieldErrors, false);
    } catch (error) {
      setTest({ status: 'failed', message: backgroundErrorMessage(error, UNEXPECTED) });
    }
  };

  const fieldsetProps = { values, errors, idFor, onChange: handleChange, onBlur: handleBlur };

  return (
    <form className="settings" noValidate onSubmit={handleSubmit} aria-label="Twilio settings">
      {!saved.configured && (
        <Notice tone="info" title="Dealchat is not connected yet">
          <p>Fill in the details below, select Test connection to check them, then Save.</p>
        </Notice>
      )}

      <CredentialsFieldset {...fieldsetProps} saved={saved} />
      <SenderFieldset {...fieldsetProps} />
      <CrmFieldset {...fieldsetProps} saved={saved} />

      <div className="actions">
        <BusyButton type="submit" className="button--primary" busy={save.status === 'saving'} busyLabel="Saving…">
          Save
        </BusyButton>
        <BusyButton
          type="button"
          className="button--secondary"
          busy={test.status === 'testing'}
          busyLabel="Testing…"
          onClick={() => void handleTest()}
        >
          Test connection
        </BusyButton>
        <div className="actions__state">
          {dirty && <span className="unsaved">Unsaved changes</span>}
          <span role="status" aria-label="Save result" className="live-region">
            {save.status === 'saved' && !dirty && <span className="saved">Settings saved</span>}
          </span>
        </div>
      </div>

      {save.status === 'failed' && (
        <ErrorNotice title="Your settings were not saved">
          {save.messages.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </ErrorNotice>
      )}
      <ConnectionResult state={test} unsaved={dirty} />
    </form>
  );
}
