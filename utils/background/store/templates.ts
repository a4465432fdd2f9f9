import type { DealchatDb, TemplateRow } from './db';

/** Replaces the stored templates with Twilio's current list; returns whether anything changed. */
export async function replaceTemplates(db: DealchatDb, templates: readonly TemplateRow[]): Promise<boolean> {
  return db.transaction('rw', db.templates, async () => {
    const existing = await db.templates.toArray();
    const bySid = new Map(existing.map((row) => [row.sid, JSON.stringify(row)]));
    const incomingSids = new Set(templates.map((row) => row.sid));
    const removed = existing.filter((row) => !incomingSids.has(row.sid)).map((row) => row.sid);
    const changed = templates.filter((row) => bySid.get(row.sid) !== JSON.stringify(row));
    if (removed.length === 0 && changed.length === 0) return false;
    await db.templates.bulkDelete(removed);
    await db.templates.bulkPut([...changed]);
    return true;
  });
}

export function listTemplates(db: DealchatDb): Promise<TemplateRow[]> {
  return db.templates.orderBy('friendlyName').toArray();
}
