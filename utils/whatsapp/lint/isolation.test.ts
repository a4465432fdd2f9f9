/**
 * Where the linter's weight may go. The rules import no dictionary, detector or Node module, so any page can
 * lint without them; and nothing the CRM tab loads (content script, panel module) reaches the linter at all.
 * Read from the sources' static imports (type-only imports are erased by the build and do not count).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const HEAVY_PACKAGE = /^(?:nspell|eld|dictionary-[a-z-]+)(?:\/|$)|^node:/u;
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gmu;

/** Every source file and package reached from `entry` through imports that survive the build. */
function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [resolve(ROOT, entry)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? '';
      // WXT's aliases for the project root (.wxt/tsconfig.json).
      const rooted = /^(?:@@|~~|@|~)\//u.exec(specifier);
      if (!specifier.startsWith('.') && rooted === null) {
        packages.add(specifier);
        continue;
      }
      const base = rooted === null ? resolve(dirname(file), specifier) : resolve(ROOT, specifier.slice(rooted[0].length));
      const target = ['', '.ts', '.tsx', '/index.ts'].map((ending) => base + ending).find((path) => existsSync(path) && /\.tsx?$/u.test(path));
      if (target !== undefined) pending.push(target);
    }
  }
  return { files, packages };
}

function inLint(files: Set<string>): string[] {
  return [...files].map((file) => relative(ROOT, file)).filter((file) => file.startsWith(join('utils', 'whatsapp', 'lint')));
}

describe('linter isolation', () => {
  it('keeps the rules free of dictionaries, the detector and Node modules', () => {
    const { files, packages } = reach('utils/whatsapp/lint/lint.ts');
    expect([...packages].filter((name) => HEAVY_PACKAGE.test(name))).toEqual([]);
    expect(inLint(files)).not.toContain('utils/whatsapp/lint/spelling.ts');
    expect(inLint(files)).toContain('utils/whatsapp/lint/body-rules.ts');
  });

  it('keeps the whole linter out of what CRM tabs load', () => {
    // The content script, and the panel module it imports on deal pages (modules/lazy-deal-panel.ts builds it).
    for (const entry of ['entrypoints/crm.content/index.ts', 'components/panel-host/start-deal-panels.tsx']) {
      const { files, packages } = reach(entry);
      expect(files.size).toBeGreaterThan(3);
      expect({ entry, lint: inLint(files), heavy: [...packages].filter((name) => HEAVY_PACKAGE.test(name) && !name.startsWith('node:')) }).toEqual({
        entry,
        lint: [],
        heavy: [],
      });
    }
  });

  it('finds the heavy packages where they are used', () => {
    expect([...reach('utils/whatsapp/lint/spelling.ts').packages]).toContain('nspell');
    expect([...reach('utils/whatsapp/lint/language-detector.ts').packages]).toContain('eld/extrasmall');
  });
});
