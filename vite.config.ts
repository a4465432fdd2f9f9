/**
 * For what runs the extension's modules outside WXT's build and unit tests: `vite-node` reads this
 * file (`npm run demo`, `npm run bench`), and so do the end-to-end tests' config and the benchmark's
 * store page. Extension source imports across folders through WXT's `@/` alias (see eslint.config.js),
 * which is the project's root.
 */
import { defineConfig } from 'vite';

export const EXTENSION_SOURCE_ALIAS = { '@': import.meta.dirname };

export default defineConfig({ resolve: { alias: EXTENSION_SOURCE_ALIAS } });
