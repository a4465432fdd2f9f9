import { useState } from 'react';
import { SettingsIcon, WhatsAppMark } from '@/components/shared/icons';
import type { DealContext } from '@/utils/messaging/views';
import type { PanelBackend } from './backend';
import { ContactHeader, type PhoneChoice } from './ContactHeader';
import { Conversation } from './Conversation';
import { PhoneEntry } from './PhoneEntry';
import type { TemplateRequests } from './templates/templateRequests';

export interface PanelProps {
  backend: PanelBackend;
  deal: DealContext;
  /** For dates, times and amounts; the browser's language when left out. */
  locale?: string;
  /** Templates to open in the picker when asked from elsewhere; none when left out. */
  requests?: TemplateRequests;
}

/** WhatsApp with the deal's contact, for the CRM's deal page. */
export function Panel({ backend, deal, locale, requests }: PanelProps) {
  // Keyed by deal, so a number chosen on one deal is never used on the next one the rep opens.
  const [picked, setPicked] = useState<{ dealId: string; phone: PhoneChoice } | null>(null);
  const phones = usablePhones(deal);
  const pick = picked?.dealId === deal.dealId ? picked.phone : null;
  const contact = pick ?? phones[0] ?? null;
  const name = contactName(deal);
  const choose = (phone: PhoneChoice) => setPicked({ dealId: deal.dealId, phone });

  return (
    <section className="dc-panel" role="region" aria-label="WhatsApp">
      <header className="dc-header">
        <WhatsAppMark className="dc-mark" />
        <h2 className="dc-header__title">WhatsApp</h2>
        <button
          type="button"
          className="dc-icon-button"
          aria-label="Dealchat settings"
          title="Dealchat settings"
          onClick={() => backend.openSettings()}
        >
          <SettingsIcon />
        </button>
      </header>
      <ContactHeader
        name={name}
        phones={phones}
        contact={contact}
        onChoose={choose}
        onClearTyped={phones.length === 0 && contact !== null ? () => setPicked(null) : null}
      />
      {contact === null ? (
        <PhoneEntry
          unreadable={deal.phones.filter((phone) => phone.e164 === null).map((phone) => phone.raw)}
          backend={backend}
          onChoose={choose}
        />
      ) : (
        <Conversation
          backend={backend}
          deal={deal}
          contact={contact.e164}
          contactName={name}
          locale={locale}
          requests={requests}
        />
      )}
    </section>
  );
}

// The CRM may list one number twice (as work and mobile); the first, best-ranked label wins.
function usablePhones(deal: DealContext): PhoneChoice[] {
  const seen = new Set<string>();
  return deal.phones.flatMap((phone) => {
    if (phone.e164 === null || seen.has(phone.e164)) return [];
    seen.add(phone.e164);
    return [{ e164: phone.e164, display: phone.display, label: phone.label }];
  });
}

function contactName(deal: DealContext): string {
  const person = deal.person;
  return (
    person?.name?.trim() ||
    [person?.firstName, person?.lastName].filter(Boolean).join(' ').trim() ||
    deal.organizationName?.trim() ||
    'This deal’s contact'
  );
}
