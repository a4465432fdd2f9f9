import type { browser } from 'wxt/browser';

/** Where the build puts the deal panel's module (see modules/lazy-deal-panel.ts), relative to the extension's root. */
export const DEAL_PANEL_MODULE_PATH = 'content-scripts/crm-panel.js';

/** The content script that loads it: entrypoints/crm.content. */
export const CONTENT_SCRIPT_NAME = 'crm';

/** The content script's styles, which WXT emits as a file for the panel's shadow root (cssInjectionMode 'ui'). */
export const PANEL_STYLESHEET_PATH = `content-scripts/${CONTENT_SCRIPT_NAME}.css` as const;

/** The element that holds the panel's shadow root on the CRM's page. */
export const PANEL_HOST_NAME = 'dealchat-panel';

/** Where the content script leaves its extension API for the panel module: see loader-browser.ts. */
export const LOADER_BROWSER_GLOBAL = 'dealchatLoaderBrowser';

export type LoaderGlobal = typeof globalThis & { [LOADER_BROWSER_GLOBAL]?: typeof browser };
