/**
 * Builds the deal panel as an ES module that the CRM content script imports only once a deal page
 * is on screen. The content script runs in every tab of the CRM all day; React and the panel are
 * needed on deal pages only, so every other page pays for a few kilobytes instead of the panel.
 *
 * WXT bundles each content script into one classic script and cannot split it yet
 * (wxt-dev/wxt#357), so the panel gets a second Vite build made from the content script's own
 * configuration: same plugins, aliases, `import.meta.env` and production mode.
 */
import { join, resolve } from 'node:path';
import { build, type Alias, type AliasOptions, type InlineConfig, type PluginOption } from 'vite';
import { defineWxtModule } from 'wxt/modules';
import { CONTENT_SCRIPT_NAME, DEAL_PANEL_MODULE_PATH, PANEL_STYLESHEET_PATH } from '../components/panel-host/deal-panel-module';
import { CRM_PAGE_ADAPTERS } from '../utils/crm/registry';

const PANEL_ENTRY = resolve(import.meta.dirname, '../components/panel-host/start-deal-panels.tsx');
/** The extension API the content script hands the module: it has the polyfill already. */
const LOADER_BROWSER = resolve(import.meta.dirname, '../components/panel-host/loader-browser.ts');

/** WXT's plugins that turn the entry into a classic script's return value: wrong for a module. */
const CLASSIC_SCRIPT_ONLY = new Set(['wxt:iife-footer', 'wxt:iife-anonymous']);

function withoutClassicScriptPlugins(plugins: PluginOption[] | undefined): PluginOption[] {
  return (plugins ?? []).flat(Infinity as 1).filter((plugin) => {
    const name = typeof plugin === 'object' && plugin !== null && 'name' in plugin ? plugin.name : undefined;
    return name === undefined || !CLASSIC_SCRIPT_ONLY.has(name);
  });
}

const isAliasList = (alias: AliasOptions): alias is readonly Alias[] => Array.isArray(alias);

/** Vite takes the first alias that matches, so this one goes before the polyfill's. */
function withLoaderBrowser(alias: AliasOptions = {}): Alias[] {
  const others = isAliasList(alias) ? alias : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
  return [{ find: 'wxt/browser', replacement: LOADER_BROWSER }, ...others];
}

export default defineWxtModule({
  name: 'lazy-deal-panel',
  setup(wxt) {
    let contentScriptConfig: InlineConfig | undefined;
    wxt.hooks.hook('vite:build:extendConfig', (entrypoints, config) => {
      if (entrypoints.some((entrypoint) => entrypoint.name === CONTENT_SCRIPT_NAME)) contentScriptConfig = config;
    });

    wxt.hooks.hook('build:done', async () => {
      if (contentScriptConfig === undefined) throw new Error(`The ${CONTENT_SCRIPT_NAME} content script was not built, so neither can its panel be.`);
      await build({
        ...contentScriptConfig,
        plugins: withoutClassicScriptPlugins(contentScriptConfig.plugins),
        resolve: { ...contentScriptConfig.resolve, alias: withLoaderBrowser(contentScriptConfig.resolve?.alias) },
        build: {
          ...contentScriptConfig.build,
          outDir: wxt.config.outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          // Not Vite's library mode, which leaves an ES module's whitespace unminified.
          lib: false,
          minify: true,
          rollupOptions: {
            // The content script's own options, such as wxt.config.ts's warning filter.
            ...contentScriptConfig.build?.rollupOptions,
            input: PANEL_ENTRY,
            preserveEntrySignatures: 'strict',
            // One file: its imports would have to be web-accessible one by one.
            output: { format: 'es', entryFileNames: DEAL_PANEL_MODULE_PATH, inlineDynamicImports: true },
          },
        },
      });
      wxt.logger.success(`Built ${join(wxt.config.outDir, DEAL_PANEL_MODULE_PATH)}`);
    });

    // The content script imports it by URL, so CRM pages must be allowed to load it; a per-session
    // URL keeps other sites from probing for the extension.
    wxt.hooks.hook('build:manifestGenerated', (_, manifest) => {
      manifest.web_accessible_resources = [
        ...(manifest.web_accessible_resources ?? []),
        { resources: [DEAL_PANEL_MODULE_PATH], matches: CRM_PAGE_ADAPTERS.flatMap((adapter) => [...adapter.pagePatterns]), use_dynamic_url: true },
      ] as typeof manifest.web_accessible_resources;
    });

    wxt.hooks.hook('prepare:publicPaths', (_, paths) => {
      paths.push(DEAL_PANEL_MODULE_PATH, PANEL_STYLESHEET_PATH);
    });
  },
});
