import type { DealchatDb, TemplateRow } from '@/utils/background/store/db';
import { replaceTemplates } from '@/utils/background/store/templates';
import { parseContentAndApprovals } from '@/utils/background/twilio/templates';
import type { TwilioClient } from '@/utils/background/twilio/types';
import { syncState } from './sync-state';

const TEMPLATE_PAGE_SIZE = 500;

/** Reads every template with its WhatsApp approval; returns whether the stored set changed. */
export async function syncTemplates(db: DealchatDb, client: TwilioClient, now: number): Promise<boolean> {
  const templates: TemplateRow[] = [];
  for await (const page of client.listContentAndApprovals(TEMPLATE_PAGE_SIZE)) {
    for (const item of page) {
      const template = parseContentAndApprovals(item);
      if (template) templates.push(template);
    }
  }
  const changed = await replaceTemplates(db, templates);
  await syncState.update(db, (current) => ({ ...current, lastTemplatesSyncAt: now }));
  return changed;
}
