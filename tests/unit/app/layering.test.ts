import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

// The layering rules of eslint.config.js, run on code as a file of each layer would have it (docs/ARCHITECTURE.md,
// «1. Layers»): each rule fails on what it forbids and lets the allowed import through.
const eslint = new ESLint({ cwd: fileURLToPath(new URL('../../..', import.meta.url)) });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath });
  return r!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the import rules of the layers', () => {
  it('a feature may not import another feature, and may import its own folder and the layers below', async () => {
    expect(await problems('src/features/people/X.tsx', "import { a } from '../orders/OrderPage';\nexport const x = a;\n")).toHaveLength(1);
    expect(await problems('src/features/people/X.tsx', "import { a } from '../../features/orders/OrderPage';\nexport const x = a;\n")).toHaveLength(1);
    expect(await problems('src/features/people/X.tsx', "import { a } from './PersonPage';\nimport { b } from '../../domain/person';\nimport { c } from '../../data/hooks';\nimport { d } from '../../ui/fields';\nexport const x = [a, b, c, d];\n")).toEqual([]);
  });

  it('a feature reads through src/data: no dexie, dexie-react-hooks or storage/db in a feature', async () => {
    for (const spec of ['dexie-react-hooks', 'dexie', '../../storage/db']) {
      const found = await problems('src/features/people/X.tsx', `import { a } from '${spec}';\nexport const x = a;\n`);
      expect(found, spec).toHaveLength(1);
      expect(found[0]).toContain('src/data');
    }
    // src/data itself may query the database, and a feature may call a storage write.
    expect(await problems('src/data/x.ts', "import { useLiveQuery } from 'dexie-react-hooks';\nimport { getDb } from '../storage/db';\nexport const x = [useLiveQuery, getDb];\n")).toEqual([]);
    expect(await problems('src/features/people/X.tsx', "import { peopleRepo } from '../../storage/repositories';\nexport const x = peopleRepo;\n")).toEqual([]);
  });

  it('the domain imports nothing of ours, and no React or Dexie', async () => {
    for (const spec of ['react', 'dexie', '../storage/db', '../data/hooks', '../ui/fields', '../i18n/ru'])
      expect(await problems('src/domain/x.ts', `import { a } from '${spec}';\nexport const x = a;\n`), spec).toHaveLength(1);
  });
});
