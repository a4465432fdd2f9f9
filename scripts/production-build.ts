import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** `npm run build`, from a script: what the demo and the benchmark run against. */
export function buildExtension(): void {
  // vite-node runs scripts with NODE_ENV=development, which would make React's JSX in the build
  // the development kind: the build gets the environment `npm run build` would.
  const environment = { ...process.env };
  delete environment.NODE_ENV;
  execFileSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: ROOT, stdio: 'inherit', env: environment });
}
