import { useId, useRef, useState, type SubmitEvent } from 'react';
import { backgroundErrorMessage } from '@/components/shared/backgroundErrorMessage';
import { BusyButton } from '@/components/shared/BusyButton';
import type { PhoneCheck } from '@/utils/messaging/views';
import type { PanelBackend } from './backend';
import type { PhoneChoice } from './ContactHeader';

interface PhoneEntryProps {
  /** Numbers the CRM holds that could not be read, offered as a starting point. */
  unreadable: string[];
  backend: Pick<PanelBackend, 'checkPhone'>;
  onChoose: (phone: PhoneChoice) => void;
}

/** When the deal has no number WhatsApp can use, the rep types one; the background reads it. */
export function PhoneEntry({ unreadable, backend, onChoose }: PhoneEntryProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(unreadable[0] ?? '');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  // Counts the rep's edits: an answer about text they have changed since is dropped.
  const edits = useRef(0);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const asked = edits.current;
    setChecking(true);
    setError(null);
    const answer = await backend
      .checkPhone(value)
      .catch((reason: unknown): PhoneCheck => ({ ok: false, message: backgroundErrorMessage(reason, 'The number could not be checked. Try again.') }));
    if (asked !== edits.current) return;
    setChecking(false);
    if (answer.ok) {
      onChoose({ e164: answer.e164, display: answer.display, label: null });
    } else {
      setError(answer.message);
      // Back where the number can be corrected, also when the button (now disabled) had the focus.
      input.current?.focus();
    }
  };

  return (
    <form className="dc-phone-entry" noValidate onSubmit={(event) => void submit(event)}>
      <p className="dc-empty__title">No WhatsApp number on this deal</p>
      <p className="dc-empty__text">
        {unreadable.length > 0
          ? `The contact’s number (${unreadable.join(', ')}) could not be read. Correct it below to start a conversation.`
          : 'Add a phone number to the contact in the CRM, or type one here to start a conversation.'}
      </p>
      <label className="dc-label" htmlFor={id}>
        Phone number
      </label>
      <div className="dc-phone-entry__row">
        <input
          ref={input}
          id={id}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          className="dc-input"
          placeholder="+44 7700 900123"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => {
            edits.current += 1;
            setValue(event.target.value);
            setError(null);
            setChecking(false);
          }}
        />
        {/* Disabled while checking, which also keeps Enter in the field from sending the number twice. */}
        <BusyButton type="submit" className="dc-button dc-button--primary" busy={checking} busyLabel="Checking…">
          Use number
        </BusyButton>
      </div>
      {error && (
        <p id={`${id}-error`} className="dc-field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
