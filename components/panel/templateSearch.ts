import type { TemplateView } from '@/utils/messaging/contract';

/** Only templates WhatsApp approved can be sent; the rest are listed so reps see why they are missing. */
export function isSendable(template: TemplateView): boolean {
  return template.approvalStatus === 'approved';
}

/**
 * Templates whose name or text contains every word of the query, sendable ones first. Matching
 * ignores case and accents ("malmo" finds "Malmö") and reads `order_update` as "order update".
 */
export function searchTemplates(templates: readonly TemplateView[], query: string): TemplateView[] {
  const words = fold(query).split(' ').filter(Boolean);
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  return templates
    .filter((template) => {
      const haystack = fold(`${template.friendlyName} ${template.body}`);
      return words.every((word) => haystack.includes(word));
    })
    .sort(
      (a, b) => Number(isSendable(b)) - Number(isSendable(a)) || collator.compare(a.friendlyName, b.friendlyName),
    );
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_-]+/gu, ' ');
}
