/** The template list, and which deal field fills each template's variables (remembered per template). */
import { keyValueSlot } from '@/utils/background/store/key-value';
import { listTemplates } from '@/utils/background/store/templates';
import type { VariableMappings } from '@/utils/messaging/views';
import type { HandlerContext, HandlersOf } from './context';

type TemplatesContext = Pick<HandlerContext, 'db'>;

const variableMappings = keyValueSlot<VariableMappings>('templates/variable-mappings', () => ({}));

export const templateHandlers: HandlersOf<'listTemplates' | 'getVariableMappings' | 'saveVariableMapping', TemplatesContext> = {
  async listTemplates(context) {
    return listTemplates(context.db);
  },

  async getVariableMappings(context) {
    return variableMappings.get(context.db);
  },

  async saveVariableMapping(context, { contentSid, mapping }) {
    const next = { ...(await variableMappings.get(context.db)), [contentSid]: mapping };
    await variableMappings.set(context.db, next);
    return next;
  },
};
