/** Where the build puts the deal panel's module (see modules/lazy-deal-panel.ts), relative to the extension's root. */
export const DEAL_PANEL_MODULE_PATH = 'content-scripts/crm-panel.js';

/** The content script that loads it: entrypoints/crm.content. */
export const CONTENT_SCRIPT_NAME = 'crm';
