import { useRef, useState, type SubmitEvent } from 'react';
import { backgroundErrorMessage } from '@/components/shared/backgroundErrorMessage';
import { BusyButton } from '@/components/shared/BusyButton';
import { MAX_VARIABLE_LENGTH, type DealField } from '@/utils/messaging/constants';
import type { DealContext, TemplateView } from '@/utils/messaging/views';
import {
  dealFieldValue,
  emptyVariables,
  initialValues,
  overlongVariables,
  resolveMapping,
  type VariableMapping,
} from '@/utils/whatsapp/template-variables';
import { TemplatePreview } from './TemplatePreview';
import { VariableField } from './VariableField';

interface TemplateFormProps {
  template: TemplateView;
  deal: DealContext;
  remembered: VariableMapping | undefined;
  locale: string | undefined;
  onSaveMapping: (mapping: VariableMapping) => Promise<void>;
  onSend: (values: Record<string, string>) => Promise<void>;
}

/** Fills one template from the deal, shows what the contact will read, and sends it. */
export function TemplateForm({ template, deal, remembered, locale, onSaveMapping, onSend }: TemplateFormProps) {
  const [mapping, setMapping] = useState(() => resolveMapping(template, deal, remembered));
  const [values, setValues] = useState(() => initialValues(template, deal, mapping, locale));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const [mappingNote, setMappingNote] = useState<string | null>(null);
  const inputs = useRef(new Map<string, HTMLInputElement>());

  const changeValue = (variable: string, value: string) => {
    setValues((current) => ({ ...current, [variable]: value }));
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => key !== variable)));
  };

  const changeField = (variable: string, field: DealField) => {
    const next = { ...mapping, [variable]: field };
    setMapping(next);
    if (field === 'manual') inputs.current.get(variable)?.focus();
    else changeValue(variable, dealFieldValue(field, deal, locale));
    setMappingNote(null);
    onSaveMapping(next).catch(() => setMappingNote('This choice could not be saved for next time, but it applies now.'));
  };

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = problems(template, values);
    setErrors(found);
    const firstInvalid = template.variables.find((variable) => variable in found);
    if (firstInvalid !== undefined) {
      inputs.current.get(firstInvalid)?.focus();
      return;
    }
    setSending(true);
    setSendError(null);
    try {
      await onSend(Object.fromEntries(template.variables.map((variable) => [variable, (values[variable] ?? '').trim()])));
    } catch (error) {
      setSendError(backgroundErrorMessage(error, 'The template could not be sent. Check your connection and try again.'));
      setSending(false);
    }
  };

  const invalidCount = Object.keys(errors).length;

  return (
    <form className="dc-template-form" noValidate onSubmit={(event) => void submit(event)}>
      <TemplatePreview template={template} values={values} />
      {template.variables.length > 0 && (
        <fieldset className="dc-variables">
          <legend className="dc-label">Fill in</legend>
          {template.variables.map((variable, index) => (
            <VariableField
              key={variable}
              autoFocus={index === 0}
              variable={variable}
              value={values[variable] ?? ''}
              field={mapping[variable] ?? 'manual'}
              sample={template.sampleValues[variable]}
              error={errors[variable]}
              inputRef={(element) => {
                if (element) inputs.current.set(variable, element);
                else inputs.current.delete(variable);
              }}
              onChange={(value) => changeValue(variable, value)}
              onFieldChange={(field) => changeField(variable, field)}
            />
          ))}
          {mappingNote && <p className="dc-hint">{mappingNote}</p>}
        </fieldset>
      )}
      <div className="dc-template-form__footer" role="alert">
        {invalidCount > 0 && (
          <p className="dc-field-error">
            {invalidCount === 1 ? 'One field needs' : `${invalidCount} fields need`} attention before sending.
          </p>
        )}
        {sendError && <p className="dc-send-error">{sendError}</p>}
      </div>
      <div className="dc-template-form__actions">
        <BusyButton
          type="submit"
          // Without placeholders there is nothing to fill in: the next step is sending.
          autoFocus={template.variables.length === 0}
          busy={sending}
          busyLabel="Sending…"
          className="dc-button dc-button--primary dc-button--wide"
        >
          Send template
        </BusyButton>
      </div>
    </form>
  );
}

function problems(template: TemplateView, values: Record<string, string>): Record<string, string> {
  const found: Record<string, string> = {};
  for (const variable of emptyVariables(template, values)) {
    found[variable] = 'Empty: fill this in, or the message goes out with a gap.';
  }
  for (const variable of overlongVariables(template, values)) {
    const length = (values[variable] ?? '').trim().length;
    found[variable] = `Too long: ${length} characters, WhatsApp allows ${MAX_VARIABLE_LENGTH}.`;
  }
  return found;
}
