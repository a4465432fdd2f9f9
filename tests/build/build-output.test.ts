/**
 * Checks the production build (made by `npm run build`, which `npm test` runs first): the manifest
 * asks only for what the code uses, no code of the Node-only `twilio` package is bundled, and the
 * content script carries none of the background's code.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const OUTPUT = join(import.meta.dirname, '../../.output/chrome-mv3');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

beforeAll(() => {
  if (!existsSync(join(OUTPUT, 'manifest.json'))) throw new Error('No build found: run `npm run build` first (npm test does).');
});

describe('manifest', () => {
  const manifest = () => JSON.parse(readFileSync(join(OUTPUT, 'manifest.json'), 'utf8')) as Record<string, unknown>;

  it('is Manifest V3 with a background service worker', () => {
    expect(manifest()).toMatchObject({ manifest_version: 3, background: { service_worker: 'background.js' } });
  });

  it('asks only for alarms and the Twilio and CRM hosts it calls', () => {
    expect(manifest().permissions).toEqual(['alarms']);
    expect(manifest().host_permissions).toEqual(['https://api.twilio.com/*', 'https://content.twilio.com/*', 'https://*.pipedrive.com/*']);
  });

  it('lets no web page or other extension message the background', () => {
    // No `matches`: no web page; empty `ids`: no extension, rather than Chrome's default of any.
    expect(manifest().externally_connectable).toEqual({ ids: [] });
  });

  it('exposes to CRM pages only the panel’s stylesheet and module, at per-session URLs', () => {
    // The content script loads both by URL; a dynamic URL keeps pages from fingerprinting the extension.
    expect(manifest().web_accessible_resources).toEqual([
      { resources: ['content-scripts/crm.css'], use_dynamic_url: true, matches: ['https://*.pipedrive.com/*'] },
      { resources: ['content-scripts/crm-panel.js'], use_dynamic_url: true, matches: ['https://*.pipedrive.com/*'] },
    ]);
  });

  it('has an icon at every size Chrome asks for', () => {
    const icons = manifest().icons as Record<string, string>;
    expect(Object.keys(icons)).toEqual(expect.arrayContaining(['16', '32', '48', '128']));
    for (const path of Object.values(icons)) expect(existsSync(join(OUTPUT, path))).toBe(true);
  });

  it('injects the panel on CRM pages only', () => {
    expect(manifest().content_scripts).toEqual([{ matches: ['https://*.pipedrive.com/*'], js: ['content-scripts/crm.js'] }]);
  });
});

describe('bundle', () => {
  it('contains no code of the twilio Node package or its HTTP stack', () => {
    const scripts = filesUnder(OUTPUT).filter((path) => path.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const path of scripts) {
      const code = readFileSync(path, 'utf8');
      for (const marker of ['twilio-node', 'axios', 'xmlbuilder', 'scmp', 'jsonwebtoken']) {
        expect(code.includes(marker), `${marker} found in ${path}`).toBe(false);
      }
    }
  });

  const contentScript = () => readFileSync(join(OUTPUT, 'content-scripts/crm.js'), 'utf8');
  const panelModule = () => readFileSync(join(OUTPUT, 'content-scripts/crm-panel.js'), 'utf8');

  // The content script is injected into every CRM tab: what only the background runs would weigh on each of them.
  it.each([
    ['zod (request validation)', '$ZodType'],
    ['libphonenumber-js (phone metadata)', 'country_calling_codes'],
    ['a CRM adapter’s API half', 'x-api-token'],
    ['the match-pattern parser (the page half tells its CRM’s deal pages)', 'Hostname cannot include a port'],
  ])('leaves %s out of the content script and the panel', (_, marker) => {
    expect(contentScript()).not.toContain(marker);
    expect(panelModule()).not.toContain(marker);
    expect(readFileSync(join(OUTPUT, 'background.js'), 'utf8')).toContain(marker);
  });

  it('keeps React and the panel out of the content script, in a minified module it imports on deal pages', () => {
    const reactMarker = 'react.transitional.element';
    expect(contentScript()).not.toContain(reactMarker);
    expect(contentScript()).toContain('content-scripts/crm-panel.js');
    const panel = panelModule();
    expect(panel).toContain(reactMarker);
    expect(panel).toMatch(/export\s*\{\s*\w+ as startDealPanels\s*\}/);
    // The classic script's footer (`crm;`) would throw in a module; minified code has few lines.
    expect(panel.trimEnd().endsWith('crm;')).toBe(false);
    expect(panel.split('\n').length).toBeLessThan(50);
  });

  it('has the panel module use the content script’s webextension-polyfill rather than bring a second copy', () => {
    const polyfillMarker = 'mozWebExtensionPolyfillReject';
    expect(contentScript()).toContain(polyfillMarker);
    expect(panelModule()).not.toContain(polyfillMarker);
    expect(panelModule()).toContain('dealchatLoaderBrowser');
  });

  it('mounts the panel without WXT’s shadow-root UI helpers, which bring auto-mounting it does not use', () => {
    expect(panelModule()).not.toContain('wxt-shadow-root-document-styles');
    expect(panelModule()).toContain('dealchat-panel');
  });
});
