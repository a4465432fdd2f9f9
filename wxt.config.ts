import type { Rollup } from 'vite';
import { defineConfig } from 'wxt';
import { CRM_PAGE_ADAPTERS } from './utils/crm/registry';

/**
 * Two comments in zod 4.6 (v4/core/util.js and regexes.js) explain in prose why the call below them
 * is wrapped in `@__PURE__`. Rollup takes any comment with that word for an annotation, warns on
 * every build that it cannot use one there, and drops the comment. Dropping a comment changes no
 * code, and the annotations on the calls themselves still apply (Rollup does not warn about them).
 * Only this warning about these two files is silenced; any other still shows.
 */
const ZOD_FILES_WITH_PROSE_ABOUT_PURE = /[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/](util|regexes)\.js$/;
const isZodProseAboutPure = (log: Rollup.RollupLog) =>
  log.code === 'INVALID_ANNOTATION' && ZOD_FILES_WITH_PROSE_ABOUT_PURE.test(log.id ?? '') && log.message.includes('`@__PURE__`');

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
  vite: () => ({
    build: {
      rollupOptions: {
        onwarn(warning, warn) {
          if (!isZodProseAboutPure(warning)) warn(warning);
        },
      },
    },
  }),
  // Load the build into Chrome yourself (see README); never launch a browser from the CLI.
  webExt: { disabled: true },
});
