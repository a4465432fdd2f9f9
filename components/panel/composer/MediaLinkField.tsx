import { useId } from 'react';

interface MediaLinkFieldProps {
  value: string;
  error: string | null;
  disabled: boolean;
  onChange: (value: string) => void;
  onBlur: () => void;
}

/** One public link to an image, video or document that WhatsApp fetches and sends along. */
export function MediaLinkField({ value, error, disabled, onChange, onBlur }: MediaLinkFieldProps) {
  const id = useId();
  return (
    <div className="dc-media">
      <label className="dc-label" htmlFor={id}>
        Media link (optional)
      </label>
      <input
        id={id}
        type="url"
        inputMode="url"
        className="dc-input"
        placeholder="https://example.com/brochure.pdf"
        autoComplete="off"
        spellCheck={false}
        value={value}
        readOnly={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
      />
      {error ? (
        <p id={`${id}-error`} className="dc-field-error">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="dc-hint">
          WhatsApp downloads it from this address: it must be public. Images up to 5 MB, other files up to 16 MB.
        </p>
      )}
    </div>
  );
}

/** Why the link cannot be sent, or null when it is empty or fine. */
export function mediaLinkError(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  try {
    const url = new URL(trimmed);
    if (url.protocol === 'https:' && url.hostname.includes('.')) return null;
  } catch {
    // Falls through to the same advice as a non-https link.
  }
  return 'Use a public link that starts with https://, such as https://example.com/photo.jpg.';
}
