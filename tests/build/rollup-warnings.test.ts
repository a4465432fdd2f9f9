/**
 * wxt.config.ts silences one Rollup warning: zod's two comments that mention `@__PURE__` in prose.
 * Checked against what Rollup really reports for zod, so a zod or Rollup upgrade that changes the
 * warning shows here, and against a misplaced annotation of our own, which must still be reported.
 */
import { build, type Plugin, type Rollup } from 'vite';
import config from '../../wxt.config';

const ENTRY = 'virtual:rollup-warnings-entry';

/** A module that re-exports all of zod's core (so Rollup reads util.js and regexes.js), plus `code`. */
function entry(code: string): Plugin {
  return {
    name: 'rollup-warnings-entry',
    resolveId: (id) => (id === ENTRY ? ENTRY : undefined),
    load: (id) => (id === ENTRY ? `export * as zodCore from 'zod/v4/core';\n${code}` : undefined),
  };
}

/** Every warning Rollup raised while bundling, and the ones the project's filter let through. */
async function warningsBuilding(code: string): Promise<{ raised: Rollup.RollupLog[]; shown: Rollup.RollupLog[] }> {
  if (typeof config.vite !== 'function') throw new Error('wxt.config.ts has no Vite configuration.');
  const projectOnwarn = (await config.vite({ command: 'build', mode: 'production', browser: 'chrome', manifestVersion: 3 })).build?.rollupOptions?.onwarn;
  if (projectOnwarn === undefined) throw new Error('wxt.config.ts filters no Rollup warnings.');
  const raised: Rollup.RollupLog[] = [];
  const shown: Rollup.RollupLog[] = [];
  await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [entry(code)],
    build: {
      write: false,
      minify: false,
      rollupOptions: {
        input: ENTRY,
        onwarn(warning) {
          raised.push(warning);
          projectOnwarn(warning, (passed) => {
            const log = typeof passed === 'function' ? passed() : passed;
            shown.push(typeof log === 'string' ? { message: log } : log);
          });
        },
      },
    },
  });
  return { raised, shown };
}

const annotationWarnings = (logs: Rollup.RollupLog[]) => logs.filter((log) => log.code === 'INVALID_ANNOTATION');

it('hides the warnings about zod’s two comments that only talk about @__PURE__, and only those', async () => {
  const { raised, shown } = await warningsBuilding('');
  const zodProse = annotationWarnings(raised);
  expect(zodProse.map((log) => log.id?.replaceAll('\\', '/').split('/node_modules/')[1]).sort()).toEqual([
    'zod/v4/core/regexes.js',
    'zod/v4/core/util.js',
  ]);
  expect(shown).toEqual(raised.filter((log) => !zodProse.includes(log)));
});

it('still shows an annotation Rollup cannot use in any other file', async () => {
  const { shown } = await warningsBuilding('export const misplaced = /*@__PURE__*/ 1 + 1;');
  expect(annotationWarnings(shown)).toEqual([expect.objectContaining({ id: ENTRY })]);
});
