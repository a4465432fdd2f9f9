/**
 * `wxt/browser` in the deal panel's module (modules/lazy-deal-panel.ts points it here): the
 * webextension-polyfill instance of the content script that imports the module, instead of a second
 * copy of the polyfill. Both run in the content script's isolated world, whose global the loader
 * leaves it on before the import; the page's own scripts cannot see that global.
 */
import { LOADER_BROWSER_GLOBAL, type LoaderGlobal } from './deal-panel-module';

const shared = (globalThis as LoaderGlobal)[LOADER_BROWSER_GLOBAL];
if (shared === undefined) throw new Error('The deal panel module runs only when the CRM content script imports it.');

export const browser = shared;
