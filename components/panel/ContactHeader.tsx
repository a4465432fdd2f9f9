import { useId } from 'react';

export interface PhoneChoice {
  e164: string;
  /** Spaced the way people read numbers, as the background formatted it. */
  display: string;
  label: string | null;
}

interface ContactHeaderProps {
  name: string;
  phones: PhoneChoice[];
  /** The number in use, or null while the rep has yet to give one. */
  contact: PhoneChoice | null;
  /** Set when the number was typed by the rep, so they can go back and change it. */
  onClearTyped: (() => void) | null;
  onChoose: (phone: PhoneChoice) => void;
}

/** Who the conversation is with, and on which of their numbers. */
export function ContactHeader({ name, phones, contact, onClearTyped, onChoose }: ContactHeaderProps) {
  const id = useId();
  return (
    <div className="dc-contact">
      <span className="dc-avatar" aria-hidden="true">
        {initials(name)}
      </span>
      <div className="dc-contact__text">
        <p className="dc-contact__name">{name}</p>
        {phones.length > 1 && contact !== null ? (
          <>
            <label className="dc-visually-hidden" htmlFor={id}>
              Phone number
            </label>
            <select
              id={id}
              className="dc-select dc-contact__select"
              value={contact.e164}
              onChange={(event) => {
                const phone = phones.find((choice) => choice.e164 === event.target.value);
                if (phone) onChoose(phone);
              }}
            >
              {phones.map((phone) => (
                <option key={phone.e164} value={phone.e164}>
                  {phone.display}
                  {phone.label ? ` · ${phone.label}` : ''}
                </option>
              ))}
            </select>
          </>
        ) : (
          contact !== null && (
            <p className="dc-contact__number">
              {contact.display}
              {onClearTyped && (
                <button type="button" className="dc-link-button" onClick={onClearTyped}>
                  Change
                </button>
              )}
            </p>
          )
        )}
      </div>
    </div>
  );
}

function initials(name: string): string {
  const words = name.split(/\s+/u).filter(Boolean);
  const ends = words.length > 1 ? [words[0], words.at(-1)] : words;
  return ends.map((word) => firstGrapheme(word ?? '')).join('').toUpperCase() || '?';
}

// By grapheme, so "Émile" and names starting with an emoji keep their first character whole.
function firstGrapheme(word: string): string {
  for (const { segment } of new Intl.Segmenter().segment(word)) return segment;
  return '';
}
