import { defineConfig } from 'wxt';
import { CRM_PAGE_ADAPTERS } from './utils/crm/registry';

// The manifest asks only for what the code uses: alarms for background polling, the Twilio
// hosts the background calls with the user's credentials, and the CRM (deal pages and its API).
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Explicit imports keep every module readable (and testable) without WXT's generated globals.
  imports: false,
  manifest: {
    name: 'Dealchat: WhatsApp in your CRM',
    description: 'WhatsApp your deal contacts from the CRM deal page, through your own Twilio account.',
    permissions: ['alarms'],
    host_permissions: [
      'https://api.twilio.com/*',
      'https://content.twilio.com/*',
      // The panel runs on these pages, and the background reads the CRM's API on the same hosts.
      ...CRM_PAGE_ADAPTERS.flatMap((adapter) => adapter.pagePatterns),
    ],
    // No other extension and no web page may message the background: without this key Chrome lets
    // any extension try, and only the absence of external listeners would turn it away.
    externally_connectable: { ids: [] },
  },
  // Load the build into Chrome yourself (see README); never launch a browser from the CLI.
  webExt: { disabled: true },
});
