import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, canonicalJsonPieces, sameJson, sha256Hex, sha256HexOfPieces } from '../../../src/domain/canonicalJson';

describe('canonical JSON', () => {
  it('sorts keys at every level and drops what JSON drops', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: undefined }, g: () => 1 })).toBe('{"a":{"d":[3,{"e":2,"f":1}]},"b":1}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson('я')).toBe('"я"');
  });
  it('keeps a "__proto__" member as data, without touching any prototype', () => {
    const o = JSON.parse('{"__proto__":{"x":1},"a":1}') as object;
    expect(canonicalJson(o)).toBe('{"__proto__":{"x":1},"a":1}');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
  it('equal data gives equal text whatever the key order; sameJson agrees', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const shuffled = JSON.parse(JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).reverse()) : x))) as unknown;
        expect(canonicalJson(shuffled)).toBe(canonicalJson(v));
        expect(sameJson(shuffled, JSON.parse(JSON.stringify(v)))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
  it('SHA-256 in hex', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('canonical JSON in pieces, and its checksum without the whole text', () => {
  const json = fc.jsonValue();
  const withGaps = fc.dictionary(fc.string(), fc.oneof(json, fc.constant(undefined), fc.constant(() => 1)));

  it('the pieces, joined, are the canonical text, at any depth', () => {
    fc.assert(
      fc.property(fc.oneof(json, withGaps, fc.array(fc.oneof(json, fc.constant(undefined)))), fc.integer({ min: 0, max: 4 }), (v, depth) => {
        expect([...canonicalJsonPieces(v, depth)].join('')).toBe(canonicalJson(v));
      }),
    );
  });

  it('a bundle comes a record at a time: no piece is a whole table', () => {
    const records = Array.from({ length: 50 }, (_, i) => ({ id: `r${i}`, lastName: 'Иванова', notes: 'ё'.repeat(i) }));
    const pieces = [...canonicalJsonPieces({ tables: { people: records, school: [{ id: 's' }] }, conflicts: [] })];
    expect(pieces.join('')).toBe(canonicalJson({ conflicts: [], tables: { people: records, school: [{ id: 's' }] } }));
    expect(Math.max(...pieces.map((p) => p.length))).toBe(canonicalJson(records[49]).length);
  });

  it('the digest of the pieces is that of the whole text, below and above the one-shot limit', async () => {
    // Cyrillic, emoji (surrogate pairs) and ASCII, over many pieces and over the 1 M-character batch boundary.
    const pieces = Array.from({ length: 3000 }, (_, i) => `{"i":${i},"t":"Наставник 🧭 ${'ж'.repeat(i % 700)}"},`);
    const whole = await sha256Hex(pieces.join(''));
    expect(await sha256HexOfPieces(pieces)).toBe(whole); // kept and hashed once (≈ 2 MB < 32 MB)
    expect(await sha256HexOfPieces(pieces, 1000)).toBe(whole); // past the limit: hashed as it comes
    expect(await sha256HexOfPieces(pieces, 0)).toBe(whole);
    expect(await sha256HexOfPieces([])).toBe(await sha256Hex(''));
    // …and a change of one character anywhere changes it.
    const other = [...pieces];
    other[2999] = other[2999]!.replace('Н', 'н');
    expect(await sha256HexOfPieces(other, 1000)).not.toBe(whole);
  });
});
