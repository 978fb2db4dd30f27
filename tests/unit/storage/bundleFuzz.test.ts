import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { unzipSync, zipSync } from 'fflate';
import { decodeBundle, encodeBundle } from '../../../src/storage/bundle/codec';
import { collectAttachments } from '../../../src/storage/bundle/attachments';
import { addMaterial } from '../../../src/storage/yearWork';
import { exportBundle } from '../../../src/storage/bundle/exportBundle';
import { applyImport } from '../../../src/storage/bundle/importBundle';
import { undoLastImport } from '../../../src/storage/bundle/undoImport';
import { serializeBundle, type ParsedBundle } from '../../../src/domain/bundle/format';
import type { NastavnikDb } from '../../../src/storage/db';
import { damageBytes, isByteDamage, mutate, mutationArb } from '../domain/bundle/mutations';

const gz = async (data: string | Uint8Array): Promise<Uint8Array> =>
  new Uint8Array(await new Response(new Blob([data as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
import { closeAll, dump, dumpData, exchange, newDb, personFields, repos, seedSchool } from './bundleHelpers';

afterAll(closeAll);

/**
 * Offers `bytes` to `b`: either the file is refused (at the gate or at the apply) and `b` is exactly as before, or it
 * is applied, and undoing it restores every record exactly.
 */
async function importOrRefuse(b: NastavnikDb, bytes: Uint8Array, inspect?: (p: ParsedBundle) => void): Promise<'refused' | 'applied'> {
  const before = await dump(b);
  const data = await dumpData(b);
  const parsed = await decodeBundle(bytes);
  if (parsed.ok) {
    inspect?.(parsed.value);
    const applied = await applyImport(b, parsed.value);
    if (applied.ok) {
      const { new: added, updated, conflict } = applied.value.total;
      if (added + updated + conflict + applied.value.files.count === 0) {
        // An import that changed nothing wrote nothing, and is not what «Отменить последний импорт» undoes: that stays
        // the last import that changed something (here b's first exchange, which b has edited since).
        expect(await dumpData(b)).toEqual(data);
        return 'applied';
      }
      const undone = await undoLastImport(b);
      expect(undone.ok).toBe(true);
      expect(await dumpData(b)).toEqual(data);
      return 'applied';
    }
  }
  expect(await dump(b)).toEqual(before);
  return 'refused';
}

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
        outcomes[await importOrRefuse(b, bytes)] += 1;
      }),
      { numRuns: 1000, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED), path: process.env.FUZZ_PATH, endOnFailure: true } : {}) },
    );
    if (process.env.SHOW_FUZZ) console.log(outcomes);
    expect(outcomes.refused).toBeGreaterThan(150);
    expect(outcomes.applied).toBeGreaterThan(0);
  });
});

describe('import of randomly damaged archives with files of materials', () => {
  it('never throws, never stores a damaged file, and either refuses with nothing written or applies and undoes exactly', async () => {
    const a = await newDb();
    const b = await newDb();
    await seedSchool(a);
    await exchange(a, b);
    const memo = new TextEncoder().encode('%PDF-1.4 Памятка наставника: как провести встречу-знакомство. %%EOF');
    const m = await addMaterial(
      { title: 'Памятка', description: '', audience: 'mentor', formIds: [], fileName: 'Памятка.pdf', mimeType: 'application/pdf', size: memo.byteLength, roadmapTaskId: '' },
      new Blob([memo]),
      a,
    );
    const bundle = await exportBundle(a, { appVersion: '0.1.0' });
    const valid = await encodeBundle(bundle, { files: await collectAttachments(a, bundle) });
    const entries = unzipSync(valid);
    const outcomes = { refused: 0, applied: 0 };

    await fc.assert(
      fc.asyncProperty(mutationArb, fc.constantFrom('archive', 'bundle', 'list', 'file'), async (mu, target) => {
        // Damage the archive's bytes, or one entry inside an otherwise well-formed archive.
        let bytes: Uint8Array;
        if (target === 'archive') bytes = damageBytes(valid, { ...mu, kind: mu.kind === 'truncate' ? 'truncate' : 'flipBytes' });
        else {
          const name = target === 'bundle' ? 'bundle.json' : target === 'list' ? 'files.json' : `files/${m.id}`;
          const damaged =
            target === 'bundle' && !isByteDamage(mu) ? await mutate(new TextDecoder().decode(entries[name]), mu) : damageBytes(entries[name]!, { ...mu, kind: isByteDamage(mu) ? mu.kind : 'flipBytes' });
          bytes = zipSync({ ...entries, [name]: damaged });
        }
        // Whatever got through carries the file exactly as it was, and undo takes it away again.
        outcomes[await importOrRefuse(b, bytes, (p) => p.attachments.forEach((f) => expect(f.bytes).toEqual(memo)))] += 1;
        expect(await b.files.count()).toBe(0);
      }),
      { numRuns: 1000, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED), path: process.env.FUZZ_PATH, endOnFailure: true } : {}) },
    );
    if (process.env.SHOW_FUZZ) console.log(outcomes);
    expect(outcomes.refused).toBeGreaterThan(300);
    expect(outcomes.applied).toBeGreaterThan(0);
  });
});
