/**
 * How much JavaScript the content script brings into every CRM page, raw and gzipped: the files the
 * built manifest's content_scripts load, and every chunk they can import at runtime. The background
 * is reported beside it, without a target, for comparison.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, posix, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure, Measurement } from './figures';

const BUILD_DIR = resolve(import.meta.dirname, '../.output/chrome-mv3');
const KB = 1024;

export interface ExtensionManifest {
  content_scripts?: { js?: string[] }[];
  background?: { service_worker?: string };
}

/** Whether `source` names the build file at `path`, the way bundles do: by a path ending in its name, or by its name alone. */
function names(source: string, path: string): boolean {
  const file = posix.basename(path);
  return [`/${file}`, `"${file}`, `'${file}`, `\`${file}`].some((reference) => source.includes(reference));
}

/**
 * The JavaScript files content scripts run: the manifest's, then every build file one of them names
 * (a chunk it imports at runtime), followed until none is left. `buildFiles` maps each JS file's
 * path in the build, `/`-separated, to its text.
 */
export function contentScriptFiles(manifest: ExtensionManifest, buildFiles: ReadonlyMap<string, string>): string[] {
  const found = [...new Set((manifest.content_scripts ?? []).flatMap((script) => script.js ?? []))];
  for (let next = 0; next < found.length; next++) {
    const path = found[next] ?? '';
    const source = buildFiles.get(path);
    if (source === undefined) throw new Error(`The manifest's content script ${path} is not in the build.`);
    for (const other of buildFiles.keys()) if (!found.includes(other) && names(source, other)) found.push(other);
  }
  return found;
}

export interface FilesSize {
  rawBytes: number;
  /** Each file gzipped on its own (`gzip -9`), as each is loaded on its own. */
  gzipBytes: number;
}

export function sizeOf(contents: readonly Uint8Array[]): FilesSize {
  return {
    rawBytes: contents.reduce((sum, content) => sum + content.byteLength, 0),
    gzipBytes: contents.reduce((sum, content) => sum + gzipSync(content, { level: 9 }).byteLength, 0),
  };
}

async function jsFilesOfBuild(): Promise<Map<string, Buffer>> {
  const entries = await readdir(BUILD_DIR, { recursive: true, withFileTypes: true });
  const files = new Map<string, Buffer>();
  for (const entry of entries.filter((candidate) => candidate.isFile() && candidate.name.endsWith('.js'))) {
    const path = join(entry.parentPath, entry.name);
    files.set(relative(BUILD_DIR, path).split(sep).join('/'), await readFile(path));
  }
  return files;
}

function kilobytes(bytes: number): number {
  return bytes / KB;
}

function sizeFigures(id: string, label: string, size: FilesSize, detail: string, gzipTarget?: number): Figure[] {
  return [
    { id: `${id}.rawKB`, label: `${label}, raw`, value: kilobytes(size.rawBytes), unit: 'KB', detail },
    { id: `${id}.gzipKB`, label: `${label}, gzip`, value: kilobytes(size.gzipBytes), unit: 'KB', ...(gzipTarget !== undefined && { target: { max: gzipTarget } }), detail },
  ];
}

export const size: Measurement = {
  name: 'Bundle size',
  async run() {
    const manifest = JSON.parse(await readFile(join(BUILD_DIR, 'manifest.json'), 'utf8')) as ExtensionManifest;
    const files = await jsFilesOfBuild();
    const contentOf = (path: string) => {
      const content = files.get(path);
      if (content === undefined) throw new Error(`${path} is not in the build.`);
      return content;
    };
    const sources = new Map([...files].map(([path, content]) => [path, content.toString('utf8')]));
    const contentScripts = contentScriptFiles(manifest, sources);
    const perFile = contentScripts.map((path) => `${path} ${kilobytes(sizeOf([contentOf(path)]).gzipBytes).toFixed(1)}`).join(', ');
    const background = manifest.background?.service_worker;
    if (background === undefined) throw new Error('The built manifest declares no background service worker.');
    return [
      ...sizeFigures('contentScript', 'Content script JS', sizeOf(contentScripts.map(contentOf)), `gzip KB per file: ${perFile}`, 90),
      ...sizeFigures('background', 'Background JS', sizeOf([contentOf(background)]), `${background}, for comparison`),
    ];
  },
};
