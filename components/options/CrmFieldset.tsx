import { Field } from '@/components/shared/Field';
import { SECRET_INPUT, type FieldsetProps } from './fieldProps';

const SAVED_TOKEN_PLACEHOLDER = 'Saved — leave empty to keep it';

/** CRM access: optional, because the panel can read what the deal page shows. */
export function CrmFieldset({ values, errors, saved, idFor, onChange, onBlur }: FieldsetProps) {
  return (
    <fieldset className="card">
      <legend className="card__title">CRM</legend>
      <Field
        id={idFor('pipedriveApiToken')}
        label={
          <>
            Pipedrive API token <span className="field__optional">(optional)</span>
          </>
        }
        hint={
          saved.hasPipedriveToken
            ? 'A token is saved. Leave this empty to keep it, or paste a new one to replace it.'
            : 'Lets Dealchat read the deal, person, organization and owner to fill template variables. In Pipedrive: Personal preferences → API. Without it, Dealchat reads what the deal page shows.'
        }
        error={errors.pipedriveApiToken}
      >
        {(control) => (
          <input
            {...control}
            {...SECRET_INPUT}
            className="input input--mono"
            placeholder={saved.hasPipedriveToken ? SAVED_TOKEN_PLACEHOLDER : undefined}
            value={values.pipedriveApiToken}
            onChange={(e) => onChange('pipedriveApiToken', e.target.value)}
            onBlur={() => onBlur('pipedriveApiToken')}
          />
        )}
      </Field>
    </fieldset>
  );
}
