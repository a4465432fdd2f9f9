import { useId, useState, type SubmitEvent } from 'react';
import { parsePhone } from './phone';

interface PhoneEntryProps {
  /** Numbers the CRM holds that could not be read, offered as a starting point. */
  unreadable: string[];
  defaultCountry: string;
  onChoose: (e164: string) => void;
}

/** When the deal has no number WhatsApp can use, the rep types one. */
export function PhoneEntry({ unreadable, defaultCountry, onChoose }: PhoneEntryProps) {
  const id = useId();
  const [value, setValue] = useState(unreadable[0] ?? '');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const e164 = parsePhone(value, defaultCountry);
    if (e164) onChoose(e164);
    else setError('That is not a phone number WhatsApp can use. Type it with the country code, like +44 7700 900123.');
  };

  return (
    <form className="dc-phone-entry" noValidate onSubmit={submit}>
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
            setValue(event.target.value);
            setError(null);
          }}
        />
        <button type="submit" className="dc-button dc-button--primary">
          Use number
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="dc-field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
