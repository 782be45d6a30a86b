/**
 * The layer rules of eslint.config.js bite: a wrong-way import in each layer is reported by
 * no-restricted-imports, and the right-way import next to it is not. Linted through ESLint's Node
 * API with the repository's own config, as `npm run lint` does, on code placed (virtually) in the
 * layer's folder.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The no-restricted-imports messages ESLint reports for `code` as if it were the file `path`. */
async function restricted(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const cases: Array<{ layer: string; path: string; wrong: string; right: string }> = [
  {
    layer: 'core (match/) → store/',
    path: 'src/match/layer-fixture.ts',
    wrong: "import { findActiveModel } from '../store/models.js';\nexport const f = findActiveModel;\n",
    right: "import { jaroWinkler } from './strings.js';\nexport const f = jaroWinkler;\n",
  },
  {
    layer: 'core (standardize/) → config',
    path: 'src/standardize/layer-fixture.ts',
    wrong: "import { loadConfig } from '../config.js';\nexport const f = loadConfig;\n",
    right: "import { cleanText } from './text.js';\nexport const f = cleanText;\n",
  },
  {
    layer: 'core (match/) → logger',
    path: 'src/match/train/layer-fixture.ts',
    wrong: "import { createLogger } from '../../logger.js';\nexport const f = createLogger;\n",
    right: "import { trainModel } from './index.js';\nexport const f = trainModel;\n",
  },
  {
    layer: 'api/ → store/',
    path: 'src/api/routes/health/layer-fixture.ts',
    wrong: "import { pingDatabase } from '../../../store/db.js';\nexport const f = pingDatabase;\n",
    right: "import { checkDatabase } from '../../../mdm/index.js';\nexport const f = checkDatabase;\n",
  },
  {
    layer: 'api/ → an mdm/ internal',
    path: 'src/api/routes/records/layer-fixture.ts',
    wrong: "import { upsertRecords } from '../../../mdm/ingest/ingest.js';\nexport const f = upsertRecords;\n",
    right: "import { upsertRecords } from '../../../mdm/index.js';\nexport const f = upsertRecords;\n",
  },
  {
    layer: 'api/ → the core',
    path: 'src/api/routes/match/layer-fixture.ts',
    wrong: "import { scorePair } from '../../../match/index.js';\nexport const f = scorePair;\n",
    right: "import { MatchCandidateSchema } from '../../schemas/match.js';\nexport const f = MatchCandidateSchema;\n",
  },
  {
    layer: 'jobs/processors/ → store/',
    path: 'src/jobs/processors/layer-fixture.ts',
    wrong: "import { resolveCustomer } from '../../store/customers.js';\nexport const f = resolveCustomer;\n",
    right: "import { mergeCustomers } from '../../mdm/index.js';\nexport const f = mergeCustomers;\n",
  },
  {
    layer: 'cli/ → an mdm/ internal',
    path: 'src/cli/layer-fixture.ts',
    wrong:
      "import { createSourceSystem } from '../mdm/admin/source-systems.js';\nexport const f = createSourceSystem;\n",
    right: "import { createSourceSystem } from '../mdm/index.js';\nexport const f = createSourceSystem;\n",
  },
  {
    layer: 'ui/web → api/schemas',
    path: 'src/ui/web/layer-fixture.ts',
    wrong:
      "import type { CustomerSchema } from '../../api/schemas/customers.js';\nexport type T = typeof CustomerSchema;\n",
    right: "import type { Customer } from '../../shared/api-types.js';\nexport type T = Customer;\n",
  },
];

describe('layer rules (eslint.config.js)', () => {
  it.each(cases)('$layer is refused; the right-way import passes', async ({ path, wrong, right }) => {
    expect(await restricted(path, wrong)).toHaveLength(1);
    expect(await restricted(path, right)).toEqual([]);
  });
});
