import { useId, type Ref } from 'react';
import { DEAL_FIELDS, type DealField } from '@/utils/messaging/constants';
import { DEAL_FIELD_LABELS } from './dealFieldLabels';

interface VariableFieldProps {
  variable: string;
  value: string;
  field: DealField;
  sample: string | undefined;
  error: string | undefined;
  autoFocus: boolean;
  inputRef: Ref<HTMLInputElement>;
  onChange: (value: string) => void;
  onFieldChange: (field: DealField) => void;
}

/** One placeholder: its value, and which deal field fills it. */
export function VariableField(props: VariableFieldProps) {
  const { variable, value, field, sample, error, autoFocus, inputRef, onChange, onFieldChange } = props;
  const id = useId();
  const label = `{{${variable}}}`;
  const hint = field === 'manual' ? 'Typed by you' : `From the deal’s ${DEAL_FIELD_LABELS[field].toLowerCase()}`;
  return (
    <div className="dc-variable">
      <div className="dc-variable__head">
        <label className="dc-variable__label" htmlFor={`${id}-value`}>
          {label}
        </label>
        <span className="dc-variable__source">
          <span aria-hidden="true">Fill from</span>
          <select
            className="dc-select"
            aria-label={`Fill ${label} from`}
            value={field}
            onChange={(event) => onFieldChange(event.target.value as DealField)}
          >
            {DEAL_FIELDS.map((option) => (
              <option key={option} value={option}>
                {DEAL_FIELD_LABELS[option]}
              </option>
            ))}
          </select>
        </span>
      </div>
      <input
        ref={inputRef}
        // Opened from the list on purpose; the first placeholder is the next thing to check.
        autoFocus={autoFocus}
        id={`${id}-value`}
        className="dc-input"
        value={value}
        placeholder={sample ? `e.g. ${sample}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={[error ? `${id}-error` : null, `${id}-hint`].filter(Boolean).join(' ')}
        onChange={(event) => onChange(event.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="dc-field-error">
          {error}
        </p>
      )}
      <span id={`${id}-hint`} className="dc-visually-hidden">
        {hint}
      </span>
    </div>
  );
}
