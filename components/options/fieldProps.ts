import type { SettingsField } from '@/utils/messaging/contract';
import type { SettingsView } from '@/utils/messaging/views';
import type { FieldErrors } from '@/utils/settings/validation';
import type { FormValues } from './form';

/** What every fieldset of the settings form needs from the form that owns the state. */
export interface FieldsetProps {
  values: FormValues;
  errors: FieldErrors;
  saved: SettingsView;
  /** The DOM id of a field's control, so the form can move focus to it. */
  idFor: (field: SettingsField) => string;
  onChange: (field: SettingsField, value: string) => void;
  onBlur: (field: SettingsField) => void;
}

/** Identifiers are pasted, not written: spell-checking and auto-capitalisation only get in the way. */
export const IDENTIFIER_INPUT = {
  type: 'text',
  autoComplete: 'off',
  autoCapitalize: 'off',
  autoCorrect: 'off',
  spellCheck: false,
} as const;

/** Secrets are never filled in by the page (it never has them) nor by the browser's password manager. */
export const SECRET_INPUT = {
  type: 'password',
  autoComplete: 'off',
  spellCheck: false,
} as const;
