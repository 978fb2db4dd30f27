import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eraseKeptValue, eraseRecord, erasureScopes, type ErasureScope } from '../../../src/domain/erasure';
import { mergeTable, sameRecordState, type KeptValue, type RecordState, type VersionedRecord } from '../../../src/domain/merge';
import { historyArb, World } from './mergeSimulation';

/**
 * The claim that lets an erasure travel in any order (docs/ERASURE.md, section 2): erasing replaces values in place
 * and keeps their write stamps, so erasing two replicas and merging them gives what merging and then erasing gives,
 * and erasing twice is erasing once. Checked on the merge properties' own random histories (3–4 devices editing,
 * clearing, deleting, restoring, resolving and exchanging), read as rows of the people table: the simulation's
 * fields `a`, `b`, `status`, `reason` become her notes, phone (personal), class and category (kept).
 */
type Table = ReadonlyMap<string, RecordState>;

const RENAME: Record<string, string> = { a: 'notes', b: 'phone', status: 'classLabel', reason: 'category' };
const rename = (k: string) => RENAME[k] ?? k;

function asPeople(s: RecordState): RecordState {
  const r: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s.record)) r[rename(k)] = v;
  if (s.record.fieldWrites) r.fieldWrites = Object.fromEntries(Object.entries(s.record.fieldWrites).map(([k, v]) => [rename(k), v]));
  return { record: r as VersionedRecord, kept: s.kept.map((k) => ({ ...k, field: rename(k.field) })) };
}

function erase(scopes: readonly ErasureScope[], s: RecordState): RecordState {
  const e = eraseRecord(scopes, 'people', s.record);
  const record = e.kind === 'anonymised' ? (e.record as VersionedRecord) : s.record;
  const kept = s.kept.map((k) => {
    const x = eraseKeptValue(scopes, 'people', s.record, k);
    return x === 'unchanged' || x === 'remove' ? k : (x as KeptValue);
  });
  return { record, kept };
}

const eraseTable = (scopes: readonly ErasureScope[], t: Table): Table => new Map([...t].map(([id, s]) => [id, erase(scopes, asPeople(s))]));
const merge = (a: Table, b: Table): Table => mergeTable(a, b.values()).states;

function sameTable(a: Table, b: Table): boolean {
  if (a.size !== b.size) return false;
  for (const [id, s] of a) {
    const o = b.get(id);
    if (!o || !sameRecordState(s, o)) return false;
  }
  return true;
}

describe('erasure and the merge', () => {
  it('commute: erase(merge(x, y)) = merge(erase(x), erase(y)), and erasing twice is erasing once', () => {
    fc.assert(
      fc.property(fc.record({ h: historyArb(4), i: fc.nat(), j: fc.nat(), who: fc.nat() }), ({ h, i, j, who }) => {
        const w = new World(h.devices).run(h.ops);
        if (!w.snapshots.length) return;
        const x = w.snapshots[i % w.snapshots.length]!;
        const y = w.snapshots[j % w.snapshots.length]!;
        const ids = [...new Set([...x.keys(), ...y.keys()])].sort();
        if (!ids.length) return;
        // erase one of the records (its id is the person's), the others stay as they are
        const scopes = erasureScopes([{ personId: ids[who % ids.length]!, erasedOn: '2026-12-02', mentorshipIds: [] }], []);
        const px = new Map([...x].map(([id, s]) => [id, asPeople(s)]));
        const py = new Map([...y].map(([id, s]) => [id, asPeople(s)]));
        const left = eraseTable(scopes, merge(px, py));
        const right = merge(eraseTable(scopes, x), eraseTable(scopes, y));
        expect(sameTable(left, right)).toBe(true);
        expect(sameTable(eraseTable(scopes, left), left)).toBe(true);
        for (const s of left.values()) if (s.record.id === ids[who % ids.length]) expect(s.kept.every((k) => k.field !== 'notes' || !('value' in k) || k.value === '')).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
