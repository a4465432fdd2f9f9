import { readFileSync } from 'node:fs';
import type { DealLayout } from './records';

/** The browser half of the fake web app, inlined into every page. */
const APP_SCRIPT = readFileSync(new URL('./app.js', import.meta.url), 'utf8');

interface PageContactDetail {
  value: string;
  label: string;
  primary: boolean;
}

/** What the web app gets about each deal: what Pipedrive's own page shows of it. */
export interface PageDealData {
  id: number;
  title: string;
  value: number;
  currency: string;
  status: string;
  owner: string | null;
  person: { id: number; name: string; phones: PageContactDetail[]; emails: PageContactDetail[] } | null;
  organization: { id: number; name: string } | null;
  notes: string[];
  layout: DealLayout;
}

export interface PageData {
  /** How long each view shows a spinner first, as Pipedrive's do while they load. */
  renderDelayMs: number;
  deals: PageDealData[];
}

/** `<` escaped so no value can close the script element it sits in. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function appShell(data: PageData): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Pipedrive</title>
<style>
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: #21232c; }
  .appHeader { display: flex; gap: 16px; padding: 8px 16px; background: #f5f5f7; border-bottom: 1px solid #e0e0e5; }
  .dealDetails__header { display: flex; gap: 12px; align-items: baseline; padding: 12px 16px; border-bottom: 1px solid #e0e0e5; }
  .dealDetails__body { display: flex; min-height: 80vh; }
  .dealDetailsSidebar, .dealDetailsColumn { width: 340px; padding: 12px 16px; border-right: 1px solid #e0e0e5; background: #fafafb; }
  .dealDetails__main { flex: 1; padding: 12px 16px; }
  .fieldList { list-style: none; padding: 0; }
</style>
</head>
<body>
<div id="root" class="pipedriveApp">
  <header class="appHeader" data-testid="app-header">
    <a href="/pipeline" data-spa>Deals</a>
    <a href="/deals/list" data-spa>List view</a>
  </header>
  <main id="app-main" class="appMain" data-testid="app-main"></main>
</div>
<script type="application/json" id="app-data">${scriptJson(data)}</script>
<script>${APP_SCRIPT}</script>
</body>
</html>
`;
}
