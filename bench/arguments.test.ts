import { describe, expect, it } from 'vitest';
import { benchUsage, parseBenchArguments } from './arguments';

const NAMES = ['Bundle size', 'Navigation to a deal', 'Template search', 'Twilio traffic'];
const parse = (...args: string[]) => parseBenchArguments(args, NAMES);

describe('parseBenchArguments', () => {
  it('builds and runs every measurement without options', () => {
    expect(parse()).toEqual({ action: 'run', build: true, measurements: NAMES });
  });

  it('measures the existing build with --no-build', () => {
    expect(parse('--no-build')).toEqual({ action: 'run', build: false, measurements: NAMES });
  });

  it('runs with --only the measurements whose name contains the word, in any case', () => {
    expect(parse('--only', 'SIZE')).toEqual({ action: 'run', build: true, measurements: ['Bundle size'] });
    expect(parse('--only=t', '--no-build')).toEqual({ action: 'run', build: false, measurements: ['Navigation to a deal', 'Template search', 'Twilio traffic'] });
    expect(parse('--only', 'template search')).toMatchObject({ measurements: ['Template search'] });
  });

  it('asks for help with --help or -h, whatever else is on the line', () => {
    expect(parse('--help')).toEqual({ action: 'help' });
    expect(parse('-h')).toEqual({ action: 'help' });
    expect(parse('--bogus', '--help')).toEqual({ action: 'help' });
  });

  it('refuses an unknown option, naming it', () => {
    expect(parse('--nobuild')).toEqual({ action: 'refuse', problem: 'Unknown option --nobuild.' });
    expect(parse('-x')).toEqual({ action: 'refuse', problem: 'Unknown option -x.' });
  });

  it('refuses a measurement name that matches none, and --only without a name', () => {
    expect(parse('--only', 'speed')).toEqual({ action: 'refuse', problem: 'No measurement\'s name contains "speed".' });
    expect(parse('--only')).toEqual({ action: 'refuse', problem: '--only needs a measurement name.' });
    expect(parse('--only', '--no-build')).toEqual({ action: 'refuse', problem: '--only needs a measurement name.' });
    expect(parse('--only=')).toEqual({ action: 'refuse', problem: '--only needs a measurement name.' });
  });

  it('refuses a stray argument and a value given to --no-build', () => {
    expect(parse('size')).toEqual({ action: 'refuse', problem: 'Unexpected argument "size": options start with --.' });
    expect(parse('--no-build=yes')).toEqual({ action: 'refuse', problem: '--no-build takes no value.' });
  });
});

describe('benchUsage', () => {
  it('lists every option and every measurement --only can pick', () => {
    const usage = benchUsage(NAMES);
    for (const option of ['--no-build', '--only <name>', '--help']) expect(usage).toContain(option);
    for (const name of NAMES) expect(usage).toMatch(new RegExp(`^ +${name}$`, 'm'));
  });
});
