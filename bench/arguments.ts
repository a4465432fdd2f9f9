/**
 * `npm run bench`'s command line: what to run, or why the command cannot run. Checked before the
 * build, so a mistyped option costs no build and no browser.
 */
import { parseArgs } from 'node:util';

export type BenchArguments =
  | { action: 'help' }
  | { action: 'run'; build: boolean; measurements: string[] }
  | { action: 'refuse'; problem: string };

/** What `npm run bench -- --help` prints, naming every measurement `--only` can pick. */
export function benchUsage(measurementNames: readonly string[]): string {
  return [
    'Usage: npm run bench [-- <options>]',
    '',
    'Builds the extension as it ships, measures it, prints a table and writes the figures to',
    'bench-results/ (latest.json and a timestamped copy), beside the previous run’s for comparison.',
    '',
    'Options:',
    '  --no-build       measure the build already in .output instead of building first',
    '  --only <name>    run only the measurements whose name contains <name>, in any case:',
    ...measurementNames.map((name) => `                     ${name}`),
    '  -h, --help       print this help',
    '',
    'Example: npm run bench -- --no-build --only "template search"',
    '',
  ].join('\n');
}

function refuse(problem: string): BenchArguments {
  return { action: 'refuse', problem };
}

/** `args` as after `npm run bench --`; `measurementNames` as `--only` may choose from them. */
export function parseBenchArguments(args: readonly string[], measurementNames: readonly string[]): BenchArguments {
  // Not strict: its errors suggest `--` tricks meant for programmers; these messages are for users.
  const { tokens } = parseArgs({
    args: [...args],
    options: { 'no-build': { type: 'boolean' }, only: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  if (tokens.some((token) => token.kind === 'option' && token.name === 'help')) return { action: 'help' };
  let build = true;
  let only: string | undefined;
  for (const token of tokens) {
    if (token.kind === 'positional') return refuse(`Unexpected argument "${token.value}": options start with --.`);
    if (token.kind === 'option-terminator') continue;
    if (token.name === 'no-build') {
      if (token.value !== undefined) return refuse(`${token.rawName} takes no value.`);
      build = false;
    } else if (token.name === 'only') {
      // Without a name, the parser takes the next option for one: `--only --no-build`.
      const named = token.value !== undefined && token.value !== '' && (token.inlineValue || !token.value.startsWith('-'));
      if (!named) return refuse(`${token.rawName} needs a measurement name.`);
      only = token.value;
    } else {
      return refuse(`Unknown option ${token.rawName}.`);
    }
  }
  const wanted = only?.toLowerCase();
  const measurements = measurementNames.filter((name) => wanted === undefined || name.toLowerCase().includes(wanted));
  if (measurements.length === 0) return refuse(`No measurement's name contains "${only ?? ''}".`);
  return { action: 'run', build, measurements };
}
