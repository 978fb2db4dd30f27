import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeBundle } from '../../../src/storage/bundle/codec';
import { exportBundle } from '../../../src/storage/bundle/exportBundle';
import { applyImport } from '../../../src/storage/bundle/importBundle';
import { undoLastImport } from '../../../src/storage/bundle/undoImport';
import { serializeBundle } from '../../../src/domain/bundle/format';
import { damageBytes, isByteDamage, mutate, mutationArb } from '../domain/bundle/mutations';

const gz = async (data: string | Uint8Array): Promise<Uint8Array> =>
  new Uint8Array(await new Response(new Blob([data as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
import { closeAll, dump, dumpData, exchange, newDb, personFields, repos, seedSchool } from './bundleHelpers';

afterAll(closeAll);

describe('import of randomly damaged bundles', () => {
  it('never throws, and either refuses with nothing written or applies and undoes exactly', async () => {
    const a = await newDb();
    const b = await newDb();
    const { s1, s2 } = await seedSchool(a);
    await exchange(a, b);
    // Both sides move on, so that a good import has updates and a conflict to write.
    await repos(a).people.save(personFields({ lastName: 'Новиков' }), s1.id);
    await repos(b).people.save(personFields({ lastName: 'Старов' }), s1.id);
    await repos(a).people.save(personFields({ firstName: 'Павел' }), s2.id);
    await repos(a).people.remove(s2.id);
    const valid = serializeBundle(await exportBundle(a, { appVersion: '0.1.0' }));
    const outcomes = { refused: 0, applied: 0 };

    await fc.assert(
      fc.asyncProperty(mutationArb, fc.boolean(), async (m, gzip) => {
        // In a gzip file, byte damage hits the compressed bytes; other damage is done to the JSON inside.
        const bytes = !gzip ? await mutate(valid, m) : isByteDamage(m) ? damageBytes(await gz(valid), m) : await gz(await mutate(valid, m));
        const before = await dump(b);
        const data = await dumpData(b);
        const parsed = await decodeBundle(bytes);
        if (!parsed.ok) {
          outcomes.refused += 1;
          expect(await dump(b)).toEqual(before);
          return;
        }
        const applied = await applyImport(b, parsed.value);
        if (!applied.ok) {
          outcomes.refused += 1;
          expect(await dump(b)).toEqual(before);
          return;
        }
        outcomes.applied += 1;
        expect((await undoLastImport(b)).ok).toBe(true);
        expect(await dumpData(b)).toEqual(data);
      }),
      { numRuns: 1000 },
    );
    if (process.env.SHOW_FUZZ) console.log(outcomes);
    expect(outcomes.refused).toBeGreaterThan(150);
    expect(outcomes.applied).toBeGreaterThan(0);
  });
});
