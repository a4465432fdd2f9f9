/** Sends through the outbox: recorded once under the page's request id, then sent in the background. */
import { RequestError } from '@/utils/background/request-error';
import { enqueueSend, recordedSend, retrySend, SendIdTakenError, type NewSend } from '@/utils/background/sync/outbox';
import { fillTemplate } from '@/utils/background/twilio/templates';
import type { SendMessageContent } from '@/utils/background/twilio/types';
import type { HandlerContext, HandlersOf } from './context';
import { requireConfigured, requireOpenWindow } from './preconditions';

type SendsContext = Pick<HandlerContext, 'db' | 'now' | 'twilioNow' | 'connection' | 'conversationChanged' | 'kickOutbox'>;

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
async function send(context: SendsContext, { requestId, contact, content }: RequestedSend, check: () => Promise<Pick<NewSend, 'displayBody' | 'templateName'>>) {
  try {
    const recorded = await recordedSend(context.db, requestId, { contact, content });
    if (recorded) return { outboxId: recorded.id };
    const row = await enqueueSend(context.db, { id: requestId, contact, content, ...(await check()) }, context.now());
    context.conversationChanged(contact);
    context.kickOutbox();
    return { outboxId: row.id };
  } catch (error) {
    if (error instanceof SendIdTakenError) {
      throw new RequestError('invalid', 'This request’s id was already used for a different message, so it was not sent. Write the message again.');
    }
    throw error;
  }
}

export const sendHandlers: HandlersOf<'sendText' | 'sendTemplate' | 'retrySend', SendsContext> = {
  async sendText(context, { requestId, to, body, mediaUrls }) {
    const content: SendMessageContent = body.trim() === '' ? { kind: 'media', mediaUrls } : { kind: 'text', body, mediaUrls };
    return send(context, { requestId, contact: to, content }, async () => {
      await requireConfigured(context);
      await requireOpenWindow(context, to);
      return { displayBody: body, templateName: null };
    });
  },

  async sendTemplate(context, { requestId, to, contentSid, variables }) {
    const contentVariables = Object.fromEntries(Object.entries(variables).map(([key, value]) => [key, value.trim()]));
    return send(context, { requestId, contact: to, content: { kind: 'template', contentSid, contentVariables } }, async () => {
      await requireConfigured(context);
      const template = await context.db.templates.get(contentSid);
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

  async retrySend(context, { outboxId }) {
    await requireConfigured(context);
    const original = await context.db.outbox.get(outboxId);
    if (!original) throw new RequestError('invalid', 'That message is no longer in the outbox.');
    if (original.content.kind !== 'template') await requireOpenWindow(context, original.contact);
    const row = await retrySend(context.db, outboxId, context.now());
    if (!row) throw new RequestError('invalid', 'Only a failed message can be retried, and only once.');
    context.conversationChanged(row.contact);
    context.kickOutbox();
    return { outboxId: row.id };
  },
};
