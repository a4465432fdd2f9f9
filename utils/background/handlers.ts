/** What the background answers to each request of the contract. */
import { CRM_API_ADAPTERS } from './crm-api';
import { checkTypedPhone } from './phones';
import { adapterForUrl } from '@/utils/crm/registry';
import type { ParsedRequest, RequestType, ResponseMap, SyncStatus, VariableMappings } from '@/utils/messaging/contract';
import { storedSettings, toSettingsView, validateSettings } from './credentials/settings';
import { testConnection } from './credentials/test-connection';
import { getContact, markRead, sessionTimestamps } from './store/contacts';
import { keyValueSlot } from './store/key-value';
import { listTemplates } from './store/templates';
import { enqueueSend, recordedSend, retrySend, SendIdTakenError, type NewSend } from './sync/outbox';
import { fillTemplate } from './twilio/templates';
import type { SendMessageContent } from './twilio/types';
import { evaluateWindow } from '@/utils/whatsapp/session-window';
import { buildConversation } from './conversation-view';
import { defaultCountryOf, resolveDealContext } from './resolve-deal-context';
import { fetchMessageMedia } from './media';
import type { Engine } from './engine';
import { RequestError } from './request-error';
import type { SenderKind } from './sender-policy';

/** Who asked, as established from the sender (never from the payload). */
export interface Origin {
  kind: SenderKind;
  url: string;
}

export type Handlers = {
  [T in RequestType]: (engine: Engine, payload: ParsedRequest<T>, origin: Origin) => Promise<ResponseMap[T]>;
};

export const variableMappings = keyValueSlot<VariableMappings>('templates/variable-mappings', () => ({}));

async function requireOpenWindow(engine: Engine, contact: string): Promise<void> {
  const window = evaluateWindow(sessionTimestamps(await getContact(engine.db, contact)), engine.twilioNow());
  if (!window.open) {
    throw new RequestError(
      'invalid',
      'The 24-hour window with this contact is closed, so WhatsApp only accepts an approved template. It opens again when they reply.',
    );
  }
}

async function requireConfigured(engine: Engine) {
  const environment = await engine.environment();
  if (!environment) {
    throw new RequestError('not-configured', 'Dealchat is not connected to Twilio yet. Open Dealchat’s settings to add your credentials.');
  }
  return environment;
}

/** A send as the page asked for it, named by the request id the page made for it. */
interface RequestedSend {
  requestId: string;
  contact: string;
  content: SendMessageContent;
}

/**
 * Records a send once `check` has let it through, and answers with its outbox id. A request made
 * again with the same id is answered with the send recorded the first time, unchecked: it passed
 * the checks then, and the outbox may already be sending it.
 */
async function send(engine: Engine, { requestId, contact, content }: RequestedSend, check: () => Promise<Pick<NewSend, 'displayBody' | 'templateName'>>) {
  try {
    const recorded = await recordedSend(engine.db, requestId, { contact, content });
    if (recorded) return { outboxId: recorded.id };
    const row = await enqueueSend(engine.db, { id: requestId, contact, content, ...(await check()) }, engine.now());
    engine.conversationChanged(contact);
    engine.kickOutbox();
    return { outboxId: row.id };
  } catch (error) {
    if (error instanceof SendIdTakenError) {
      throw new RequestError('invalid', 'This request’s id was already used for a different message, so it was not sent. Write the message again.');
    }
    throw error;
  }
}

export const handlers: Handlers = {
  async getSettings(engine) {
    return toSettingsView(await storedSettings.get(engine.db));
  },

  async saveSettings(engine, input) {
    const validation = validateSettings(input, await storedSettings.get(engine.db));
    if (!validation.ok) return validation;
    await storedSettings.set(engine.db, validation.settings);
    engine.settingsChanged();
    return { ok: true, settings: toSettingsView(validation.settings) };
  },

  async testConnection(engine, input) {
    const validation = validateSettings(input, await storedSettings.get(engine.db));
    if (!validation.ok) {
      return { ok: false, problem: 'invalid-input', message: 'Some fields need fixing before Dealchat can test them.', fieldErrors: validation.fieldErrors };
    }
    return testConnection(validation.settings, engine.clientFor(validation.settings));
  },

  async getConversation(engine, { contact }) {
    // Independent reads, side by side: a panel waits for this one on every open and every poll.
    const [environment, view] = await Promise.all([
      engine.environment(),
      buildConversation(engine.db, contact, { now: engine.now(), clockOffset: engine.clockOffset() }),
      markRead(engine.db, contact),
    ]);
    return { ...view, configured: environment !== null };
  },

  async sendText(engine, { requestId, to, body, mediaUrls }) {
    const content: SendMessageContent = body.trim() === '' ? { kind: 'media', mediaUrls } : { kind: 'text', body, mediaUrls };
    return send(engine, { requestId, contact: to, content }, async () => {
      await requireConfigured(engine);
      await requireOpenWindow(engine, to);
      return { displayBody: body, templateName: null };
    });
  },

  async sendTemplate(engine, { requestId, to, contentSid, variables }) {
    const contentVariables = Object.fromEntries(Object.entries(variables).map(([key, value]) => [key, value.trim()]));
    return send(engine, { requestId, contact: to, content: { kind: 'template', contentSid, contentVariables } }, async () => {
      await requireConfigured(engine);
      const template = await engine.db.templates.get(contentSid);
      if (!template) throw new RequestError('invalid', 'This template is no longer in your Twilio account. Sync templates and pick another.');
      if (template.approvalStatus !== 'approved') {
        throw new RequestError('invalid', `“${template.friendlyName}” is not approved by WhatsApp (status: ${template.approvalStatus}), so it cannot be sent.`);
      }
      const unknown = Object.keys(contentVariables).filter((key) => !template.variables.includes(key));
      if (unknown.length > 0) throw new RequestError('invalid', `The template has no variable ${unknown.map((key) => `{{${key}}}`).join(', ')}.`);
      const empty = template.variables.filter((key) => (contentVariables[key] ?? '') === '');
      if (empty.length > 0) {
        throw new RequestError('invalid', `Fill in ${empty.map((key) => `{{${key}}}`).join(', ')} before sending: WhatsApp rejects empty variables.`);
      }
      return { displayBody: fillTemplate(template.body, contentVariables), templateName: template.friendlyName };
    });
  },

  async retrySend(engine, { outboxId }) {
    await requireConfigured(engine);
    const original = await engine.db.outbox.get(outboxId);
    if (!original) throw new RequestError('invalid', 'That message is no longer in the outbox.');
    if (original.content.kind !== 'template') await requireOpenWindow(engine, original.contact);
    const row = await retrySend(engine.db, outboxId, engine.now());
    if (!row) throw new RequestError('invalid', 'Only a failed message can be retried, and only once.');
    engine.conversationChanged(row.contact);
    engine.kickOutbox();
    return { outboxId: row.id };
  },

  async getMedia(engine, { messageSid }) {
    const { client } = await requireConfigured(engine);
    // Only media of messages this extension has synced: the page may not browse the account.
    if (!(await engine.db.messages.get(messageSid))) throw new RequestError('invalid', 'That message is not in this conversation.');
    return fetchMessageMedia(client, messageSid);
  },

  async getDealContext(engine, { dealId, page }, origin) {
    const crm = adapterForUrl(origin.url);
    // The payload may not name another deal than the page the request came from.
    if (origin.kind !== 'crm-page' || !crm || crm.dealIdFromUrl(origin.url) !== dealId) {
      throw new RequestError('refused', 'Deal details can only be read from that deal’s own page.');
    }
    const settings = await storedSettings.get(engine.db);
    return resolveDealContext({ api: CRM_API_ADAPTERS[crm.id], pageUrl: origin.url, dealId, page, settings });
  },

  async checkPhone(engine, { number }) {
    return checkTypedPhone(number, defaultCountryOf(await storedSettings.get(engine.db)));
  },

  async getVariableMappings(engine) {
    return variableMappings.get(engine.db);
  },

  async saveVariableMapping(engine, { contentSid, mapping }) {
    const next = { ...(await variableMappings.get(engine.db)), [contentSid]: mapping };
    await variableMappings.set(engine.db, next);
    return next;
  },

  async openSettings(engine) {
    await engine.openSettingsPage();
    return null;
  },

  async listTemplates(engine) {
    return listTemplates(engine.db);
  },

  async syncNow(engine, { what }): Promise<SyncStatus> {
    await requireConfigured(engine);
    return engine.syncNow(what);
  },

  async getSyncStatus(engine) {
    return engine.syncStatus();
  },
};
