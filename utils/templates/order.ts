import type { TemplateView } from '@/utils/messaging/views';
import { isSendable } from './status';

// Numeric, so "Offer 2" comes before "Offer 10"; base sensitivity, so case and accents do not split names apart.
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Sendable templates first, then by name. */
export function compareTemplates(a: TemplateView, b: TemplateView): number {
  return Number(isSendable(b)) - Number(isSendable(a)) || collator.compare(a.friendlyName, b.friendlyName);
}

/** A sorted copy; templates that compare equal keep the order they came in. */
export function sortTemplates(templates: readonly TemplateView[]): TemplateView[] {
  return [...templates].sort(compareTemplates);
}
