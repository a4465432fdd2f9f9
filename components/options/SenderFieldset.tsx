import { Field } from '@/components/shared/Field';
import { countries } from './countries';
import { IDENTIFIER_INPUT, type FieldsetProps } from './fieldProps';

export function SenderFieldset({ values, errors, idFor, onChange, onBlur }: Omit<FieldsetProps, 'saved'>) {
  return (
    <fieldset className="card">
      <legend className="card__title">Sending</legend>

      <Field
        id={idFor('whatsappSender')}
        label="WhatsApp sender"
        hint="The number your messages come from, with its country code. Listed under Messaging → Senders → WhatsApp senders."
        error={errors.whatsappSender}
      >
        {(control) => (
          <input
            {...control}
            type="tel"
            autoComplete="off"
            inputMode="tel"
            className="input"
            placeholder="+14155238886"
            value={values.whatsappSender}
            onChange={(e) => onChange('whatsappSender', e.target.value)}
            onBlur={() => onBlur('whatsappSender')}
          />
        )}
      </Field>

      <Field
        id={idFor('messagingServiceSid')}
        label={
          <>
            Messaging Service SID <span className="field__optional">(optional)</span>
          </>
        }
        hint="Only if your WhatsApp sender belongs to a Messaging Service. Starts with MG."
        error={errors.messagingServiceSid}
      >
        {(control) => (
          <input
            {...control}
            {...IDENTIFIER_INPUT}
            className="input input--mono"
            placeholder="MG…"
            value={values.messagingServiceSid}
            onChange={(e) => onChange('messagingServiceSid', e.target.value)}
            onBlur={() => onBlur('messagingServiceSid')}
          />
        )}
      </Field>

      <Field
        id={idFor('defaultCountry')}
        label="Default country"
        hint="Assumed for contact numbers saved in the CRM without a country code."
        error={errors.defaultCountry}
      >
        {(control) => (
          <select
            {...control}
            className="input select"
            value={values.defaultCountry}
            onChange={(e) => onChange('defaultCountry', e.target.value)}
            onBlur={() => onBlur('defaultCountry')}
          >
            <option value="" disabled>
              Choose a country…
            </option>
            {countries().map((country) => (
              <option key={country.code} value={country.code}>
                {country.name} (+{country.callingCode})
              </option>
            ))}
          </select>
        )}
      </Field>
    </fieldset>
  );
}
