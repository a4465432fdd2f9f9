/**
 * The project's own ESLint config (eslint.config.js) on small modules, linted as if they sat at the
 * paths named here (folders that do not exist): a page may import nothing from a `background` folder (wherever it is and however
 * the path is written), and values of the zod contract only from the background.
 */
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import tseslint from 'typescript-eslint';

const ROOT = resolve(import.meta.dirname, '../..');
// The project's config with its type-aware rules left out: the rules under test read import paths
// only, and the fixtures' made-up paths have no place in the TypeScript project.
const eslint = new ESLint({ cwd: ROOT, overrideConfig: [tseslint.configs.disableTypeChecked, { languageOptions: { parserOptions: { projectService: false } } }] });

async function problems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return (result?.messages ?? []).map((message) => `${message.ruleId ?? 'parser'}: ${message.message}`);
}

const RESTRICTED = expect.stringMatching(/^@typescript-eslint\/no-restricted-imports: /) as string;
const BACKGROUND_ONLY = expect.stringContaining('Code in a `background` folder runs in the service worker only') as string;

describe('a module that may run in a page', () => {
  it('may not import the store', async () => {
    const code = "import { openDatabase } from '@/utils/background/store/db';\n\nexport const database = openDatabase;\n";
    expect(await problems('components/lint-fixture/ImportsTheStore.tsx', code)).toEqual([BACKGROUND_ONLY]);
  });

  it.each([
    ['a CRM’s API half, next door', 'utils/crm/lint-fixture/page.ts', "import { pipedriveApi } from './background/api';\n\nexport const api = pipedriveApi;\n"],
    ['credentials, from an entrypoint', 'entrypoints/lint-fixture/main.tsx', "import { storedSettings } from '@/utils/background/credentials/settings';\n\nexport const settings = storedSettings;\n"],
    ['a type from the background either', 'utils/lint-fixture/shared.ts', "import type { DealchatDb } from '@/utils/background/store/db';\n\nexport type Database = DealchatDb;\n"],
    ['the background from the build’s modules', 'modules/lint-fixture/build.ts', "import { Engine } from '../../utils/background/engine';\n\nexport const engine = Engine;\n"],
  ])('may not import %s', async (_, path, code) => {
    expect(await problems(path, code)).toEqual([BACKGROUND_ONLY]);
  });

  it('takes only types from the zod contract', async () => {
    const values = "import { parseRequest } from '@/utils/messaging/contract';\n\nexport const parse = parseRequest;\n";
    expect(await problems('components/lint-fixture/ParsesRequests.tsx', values)).toEqual([expect.stringContaining('only types from the contract') as string]);
    const types = "import type { RequestType } from '@/utils/messaging/contract';\n\nexport const asked: RequestType = 'getSettings';\n";
    expect(await problems('components/lint-fixture/NamesRequests.tsx', types)).toEqual([]);
  });

  it('is clean when it imports shared code', async () => {
    const code = [
      "import { MAX_BODY_LENGTH } from '@/utils/messaging/constants';",
      "import type { ConversationView } from '@/utils/messaging/views';",
      "import { evaluateWindow } from '@/utils/whatsapp/session-window';",
      '',
      'export const shared = { MAX_BODY_LENGTH, evaluateWindow };',
      'export type Shown = ConversationView;',
      '',
    ].join('\n');
    expect(await problems('components/lint-fixture/Clean.tsx', code)).toEqual([]);
  });
});

describe('the background', () => {
  it('imports its own folders freely', async () => {
    const code = "import { openDatabase } from '@/utils/background/store/db';\nimport { parseRequest } from '@/utils/messaging/contract';\n\nexport const parts = [openDatabase, parseRequest];\n";
    expect(await problems('utils/background/lint-fixture/part.ts', code)).toEqual([]);
  });
});

describe('extension source', () => {
  it('imports outside its own folder with @/, never ../', async () => {
    const code = "import { MAX_BODY_LENGTH } from '../../utils/messaging/constants';\n\nexport const limit = MAX_BODY_LENGTH;\n";
    expect(await problems('components/lint-fixture/Relative.tsx', code)).toEqual([expect.stringContaining('not ../') as string]);
    expect(await problems('utils/background/lint-fixture/relative.ts', code)).toEqual([RESTRICTED]);
  });
});
