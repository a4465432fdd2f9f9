/**
 * `npm run bench`: builds the extension as it ships, measures it (in headless Chromium where the
 * figure is a browser's), prints a table and writes the same figures as JSON to bench-results/,
 * next to the previous run's for comparison.
 *
 *   npm run bench                  everything
 *   npm run bench -- --no-build    measure the build already in .output
 *   npm run bench -- --only size   only the measurements whose name contains "size"
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildExtension } from '../scripts/production-build';
import type { Figure } from './figures';
import { MEASUREMENTS } from './measurements';
import { formatTable, type BenchRun } from './report';

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS = join(ROOT, 'bench-results');
const LATEST = join(RESULTS, 'latest.json');
const CHROMIUM = '/usr/bin/chromium';

function gitVersion(): string {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty=+dirty'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function browserVersion(): string | null {
  if (!existsSync(CHROMIUM)) return null;
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

async function previousRun(): Promise<BenchRun | undefined> {
  if (!existsSync(LATEST)) return undefined;
  try {
    return JSON.parse(await readFile(LATEST, 'utf8')) as BenchRun;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'no-build': { type: 'boolean' }, only: { type: 'string' } } });
  if (values['no-build'] !== true) buildExtension();
  const only = values.only?.toLowerCase();
  const selected = MEASUREMENTS.filter((measurement) => only === undefined || measurement.name.toLowerCase().includes(only));
  if (selected.length === 0) throw new Error(`No measurement's name contains "${values.only ?? ''}".`);

  const figures: Figure[] = [];
  const failures: BenchRun['failures'] = [];
  for (const measurement of selected) {
    process.stdout.write(`Measuring ${measurement.name}…\n`);
    try {
      figures.push(...(await measurement.run()));
    } catch (error) {
      failures.push({ measurement: measurement.name, error: error instanceof Error ? error.message : String(error) });
    }
  }

  const cpu = cpus();
  const run: BenchRun = {
    measuredAt: new Date().toISOString(),
    version: gitVersion(),
    machine: { cpus: cpu.length, cpuModel: cpu[0]?.model ?? 'unknown', node: process.version, browser: browserVersion() },
    figures,
    failures,
  };
  const previous = await previousRun();
  process.stdout.write(`\n${formatTable(run, previous)}\n`);
  await mkdir(RESULTS, { recursive: true });
  const json = `${JSON.stringify(run, null, 2)}\n`;
  const file = join(RESULTS, `${run.measuredAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, json);
  await writeFile(LATEST, json);
  process.stdout.write(`\nFigures written to ${file} (and ${LATEST}).\n`);
  if (failures.length > 0) process.exitCode = 1;
}

await main();
