import { Field, FieldError } from '@/components/shared/Field';
import type { AuthMethod } from './form';
import { IDENTIFIER_INPUT, SECRET_INPUT, type FieldsetProps } from './fieldProps';

const SAVED_SECRET_PLACEHOLDER = 'Saved — leave empty to keep it';

const METHODS: readonly { value: AuthMethod; label: string; hint: string }[] = [
  {
    value: 'apiKey',
    label: 'API key (recommended)',
    hint: 'It can be revoked on its own, without changing the account’s main Auth Token.',
  },
  {
    value: 'authToken',
    label: 'Account Auth Token',
    hint: 'The account’s main credential. Changing it later breaks everything else that uses it.',
  },
];

export function CredentialsFieldset({ values, errors, saved, idFor, onChange, onBlur }: FieldsetProps) {
  return (
    <fieldset className="card">
      <legend className="card__title">Twilio account</legend>

      <Field
        id={idFor('accountSid')}
        label="Account SID"
        hint="On the Twilio Console home page, under Account Info. Starts with AC."
        error={errors.accountSid}
      >
        {(control) => (
          <input
            {...control}
            {...IDENTIFIER_INPUT}
            className="input input--mono"
            placeholder="AC…"
            value={values.accountSid}
            onChange={(e) => onChange('accountSid', e.target.value)}
            onBlur={() => onBlur('accountSid')}
          />
        )}
      </Field>

      <AuthMethodChoice
        idFor={idFor}
        value={values.authMethod}
        error={errors.authMethod}
        onChange={(method) => onChange('authMethod', method)}
      />

      {values.authMethod === 'apiKey' ? (
        <>
          <Field
            id={idFor('apiKeySid')}
            label="API Key SID"
            hint="Under Account → API keys & tokens. Starts with SK."
            error={errors.apiKeySid}
          >
            {(control) => (
              <input
                {...control}
                {...IDENTIFIER_INPUT}
                className="input input--mono"
                placeholder="SK…"
                value={values.apiKeySid}
                onChange={(e) => onChange('apiKeySid', e.target.value)}
                onBlur={() => onBlur('apiKeySid')}
              />
            )}
          </Field>
          <Field
            id={idFor('apiKeySecret')}
            label="API Key Secret"
            hint={
              saved.hasApiKeySecret
                ? 'A secret is saved. Leave this empty to keep it, or paste a new one to replace it.'
                : 'Twilio shows it only once, when the key is created. If you no longer have it, create a new key.'
            }
            error={errors.apiKeySecret}
          >
            {(control) => (
              <input
                {...control}
                {...SECRET_INPUT}
                className="input input--mono"
                placeholder={saved.hasApiKeySecret ? SAVED_SECRET_PLACEHOLDER : undefined}
                value={values.apiKeySecret}
                onChange={(e) => onChange('apiKeySecret', e.target.value)}
                onBlur={() => onBlur('apiKeySecret')}
              />
            )}
          </Field>
        </>
      ) : (
        <Field
          id={idFor('authToken')}
          label="Auth Token"
          hint={
            saved.hasAuthToken
              ? 'A token is saved. Leave this empty to keep it, or paste a new one to replace it.'
              : 'On the Twilio Console home page, below the Account SID.'
          }
          error={errors.authToken}
        >
          {(control) => (
            <input
              {...control}
              {...SECRET_INPUT}
              className="input input--mono"
              placeholder={saved.hasAuthToken ? SAVED_SECRET_PLACEHOLDER : undefined}
              value={values.authToken}
              onChange={(e) => onChange('authToken', e.target.value)}
              onBlur={() => onBlur('authToken')}
            />
          )}
        </Field>
      )}
    </fieldset>
  );
}

interface AuthMethodChoiceProps {
  idFor: FieldsetProps['idFor'];
  value: AuthMethod;
  error: string | undefined;
  onChange: (method: AuthMethod) => void;
}

function AuthMethodChoice({ idFor, value, error, onChange }: AuthMethodChoiceProps) {
  const groupId = idFor('authMethod');
  const errorId = `${groupId}-error`;
  return (
    <fieldset className="choice" aria-describedby={error ? errorId : undefined}>
      <legend className="field__label">How to sign in to Twilio</legend>
      <div className="choice__options">
        {METHODS.map((method) => {
          // The checked option carries the group's id: it is where focus goes when the choice is invalid.
          const id = method.value === value ? groupId : `${groupId}-${method.value}`;
          const hintId = `${groupId}-${method.value}-hint`;
          return (
            <div key={method.value} className="choice__option">
              <input
                type="radio"
                name={groupId}
                id={id}
                value={method.value}
                checked={method.value === value}
                aria-describedby={hintId}
                aria-invalid={error ? true : undefined}
                onChange={() => onChange(method.value)}
              />
              <span className="choice__text">
                <label className="choice__label" htmlFor={id}>
                  {method.label}
                </label>
                <span className="choice__hint" id={hintId}>
                  {method.hint}
                </span>
              </span>
            </div>
          );
        })}
      </div>
      {error && <FieldError id={errorId} message={error} />}
    </fieldset>
  );
}
