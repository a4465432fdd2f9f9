/**
 * `npm run bench`: builds the extension as it ships, measures it (in headless Chromium where the
 * figure is a browser's), prints a table and writes the same figures as JSON to bench-results/,
 * next to the previous run's for comparison.
 *
 *   npm run bench                  everything
 *   npm run bench -- --no-build    measure the build already in .output
 *   npm run bench -- --only size   only the measurements whose name contains "size"
 *   npm run bench -- --help        the options and the measurements' names
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { buildExtension } from '../scripts/production-build';
import { benchUsage, parseBenchArguments } from './arguments';
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

async function measure(build: boolean, names: readonly string[]): Promise<void> {
  if (build) buildExtension();
  const selected = MEASUREMENTS.filter((measurement) => names.includes(measurement.name));

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

const measurementNames = MEASUREMENTS.map((measurement) => measurement.name);
const command = parseBenchArguments(process.argv.slice(2), measurementNames);
if (command.action === 'help') {
  process.stdout.write(benchUsage(measurementNames));
} else if (command.action === 'refuse') {
  process.stderr.write(`${command.problem}\n\n${benchUsage(measurementNames)}`);
  process.exitCode = 2;
} else {
  await measure(command.build, command.measurements);
}
