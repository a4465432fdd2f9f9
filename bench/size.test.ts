import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { contentScriptFiles, sizeOf } from './size';

const BUILD = new Map([
  ['content-scripts/crm.js', 'import(browser.runtime.getURL("/chunks/deal-panel-3f2a.js"));'],
  ['chunks/deal-panel-3f2a.js', 'import "./shared-91bc.js"; export const panel = 1;'],
  ['chunks/shared-91bc.js', 'export const shared = 1;'],
  ['chunks/options-77aa.js', 'import "./shared-91bc.js";'],
  ['background.js', 'self.addEventListener("message", () => {});'],
]);

describe('contentScriptFiles', () => {
  it('follows the chunks the manifest’s content scripts import, however deep, and nothing else', () => {
    const manifest = { content_scripts: [{ js: ['content-scripts/crm.js'] }], background: { service_worker: 'background.js' } };
    expect(contentScriptFiles(manifest, BUILD)).toEqual(['content-scripts/crm.js', 'chunks/deal-panel-3f2a.js', 'chunks/shared-91bc.js']);
  });

  it('counts a file that several content scripts load once', () => {
    const manifest = { content_scripts: [{ js: ['chunks/shared-91bc.js'] }, { js: ['chunks/shared-91bc.js', 'chunks/options-77aa.js'] }] };
    expect(contentScriptFiles(manifest, BUILD)).toEqual(['chunks/shared-91bc.js', 'chunks/options-77aa.js']);
  });

  it('refuses a manifest naming a file the build lacks', () => {
    expect(() => contentScriptFiles({ content_scripts: [{ js: ['content-scripts/gone.js'] }] }, BUILD)).toThrow('content-scripts/gone.js');
  });
});

describe('sizeOf', () => {
  it('adds up raw bytes and each file gzipped on its own', () => {
    const files = [new TextEncoder().encode('a'.repeat(5_000)), new TextEncoder().encode('const x = 1;')];
    const gzipped = files.map((file) => gzipSync(file, { level: 9 }).byteLength);
    expect(sizeOf(files)).toEqual({ rawBytes: 5_012, gzipBytes: (gzipped[0] ?? 0) + (gzipped[1] ?? 0) });
    expect(sizeOf(files).gzipBytes).toBeLessThan(200);
  });
});
