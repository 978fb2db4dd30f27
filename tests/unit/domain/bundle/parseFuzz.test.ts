import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBundle } from '../../../../src/domain/bundle/parse';
import { serializeBundle } from '../../../../src/domain/bundle/format';
import { bundleErrorMessage } from '../../../../src/domain/bundle/errors';
import { mergeTable, toRecordStates } from '../../../../src/domain/merge';
import { SYNCED_TABLES } from '../../../../src/domain/syncedTables';
import { mutate, mutationArb } from './mutations';
import { sampleBundle } from './sampleData';

describe('parseBundle under random damage', () => {
  it('never throws; refuses with a message, or returns a bundle the merge can take', async () => {
    const valid = serializeBundle(await sampleBundle());
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(mutationArb, async (m) => {
        const r = await parseBundle(await mutate(valid, m));
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        if (!r.ok) {
          seen.set(r.error.kind, (seen.get(r.error.kind) ?? 0) + 1);
          expect(bundleErrorMessage(r.error)).toMatch(/[А-Яа-я]/);
          // our own bug would show as an internal error: fuzzing must find none
          expect(r.error.kind === 'notABundle' && r.error.detail.startsWith('внутренняя')).toBe(false);
          return;
        }
        seen.set('ok', (seen.get('ok') ?? 0) + 1);
        for (const t of SYNCED_TABLES) {
          const list = r.value.tables[t] ?? [];
          const kept = r.value.conflicts.filter((c) => c.table === t);
          expect(() => mergeTable(new Map(), toRecordStates(list, kept).values())).not.toThrow();
        }
      }),
      { numRuns: 1000 },
    );
    if (process.env.SHOW_FUZZ) console.log(seen);
    // the damage reached the deep checks, not only the checksum
    for (const kind of ['checksumMismatch', 'invalidRecords', 'forbiddenKeys', 'duplicateIds', 'notJson']) expect(seen.get(kind) ?? 0, kind).toBeGreaterThan(0);
  });
});
