import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, sameJson, sha256Hex } from '../../../src/domain/canonicalJson';

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
