/**
 * Twilio traffic over a simulated hour (twilio-traffic.simulation.ts): how many requests the
 * background makes with no panel open, and how soon a contact's reply shows in an open panel.
 *
 * Why Vitest's Node API rather than importing the simulation here: the hour runs on Vitest's fake
 * timers (setTimeout, setInterval and Date on one clock that jumps from event to event), which
 * exist only inside a Vitest run, and the unit tests' own config gives the Engine and the panel's
 * code exactly what they run on in the unit tests: WxtVitest (`wxt/browser` becomes WXT's fake
 * browser, which carries the panel's requests to the background; the `@/` alias), fake-indexeddb
 * and the per-test reset. So the simulation runs as the only file of that config, in Vitest's
 * worker, and hands its figures back in the tests' meta: no second config to keep in step, no file
 * in between. (The fake browser's alarms never fire, hence tests/support/alarms.ts.)
 */
import { resolve } from 'node:path';
import { createVitest } from 'vitest/node';
import type { Figure, Measurement } from './figures';

declare module 'vitest' {
  interface TaskMeta {
    /** Set by a simulation that runs as a test, for the measurement that started it. */
    figures?: Figure[];
  }
}

const ROOT = resolve(import.meta.dirname, '..');
const SIMULATION = 'bench/twilio-traffic.simulation.ts';

/** Runs `file` under the unit tests' config and returns the figures its tests report. */
async function figuresOfSimulation(file: string): Promise<Figure[]> {
  const vitest = await createVitest('test', { root: ROOT, config: resolve(ROOT, 'vitest.config.ts'), include: [file], watch: false });
  try {
    const { testModules, unhandledErrors } = await vitest.start();
    const problems = unhandledErrors.map(String);
    const figures: Figure[] = [];
    for (const module of testModules) {
      problems.push(...module.errors().map((error) => error.message));
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state === 'failed') problems.push(...result.errors.map((error) => `${test.name}: ${error.message}`));
        figures.push(...(test.meta().figures ?? []));
      }
    }
    if (problems.length > 0) throw new Error(problems.join('; '));
    if (figures.length === 0) throw new Error(`${file} reported no figures.`);
    return figures;
  } finally {
    await vitest.close();
  }
}

export const twilioTraffic: Measurement = {
  name: 'Twilio traffic',
  run: () => figuresOfSimulation(SIMULATION),
};
