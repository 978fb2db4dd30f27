import fc from 'fast-check';
import { bundleChecksum } from '../../../../src/domain/bundle/format';

/**
 * Random damage to a valid bundle, for the fuzz tests: what a messenger, a text editor or an attacker could do to
 * the file. Each case is a kind plus a seed; the seed drives a small PRNG that picks where to strike, so a failing
 * case shrinks to a readable kind and replays exactly.
 */
export const MUTATION_KINDS = [
  'flipBytes',
  'truncate',
  'dropKey',
  'renameKey',
  'changeType',
  'injectProto',
  'duplicateRecord',
  'swapRecords',
] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

export interface Mutation {
  kind: MutationKind;
  seed: number;
  times: number;
  /** Recompute checksum and counts afterwards, so the damage reaches the deeper checks. */
  reseal: boolean;
}

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom(...MUTATION_KINDS),
  seed: fc.nat(),
  times: fc.integer({ min: 1, max: 4 }),
  reseal: fc.boolean(),
});

function prng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Container = Json[] | { [k: string]: Json };

/** Every object or array in the document, with its path from the root. */
function containers(root: Json): Container[] {
  const out: Container[] = [];
  const stack: Json[] = [root];
  while (stack.length) {
    const v = stack.pop()!;
    if (v && typeof v === 'object') {
      out.push(v);
      stack.push(...(Array.isArray(v) ? v : Object.values(v)));
    }
  }
  return out;
}

const REPLACEMENTS: Json[] = [null, 0, -1, 1e308, 1.5, '', 'x', '2025-02-30', true, [], {}, ['a'], { id: 1 }];

function mutateJson(raw: { [k: string]: Json }, m: Mutation, rnd: (n: number) => number): void {
  const all = containers(raw);
  const objects = all.filter((c): c is { [k: string]: Json } => !Array.isArray(c) && Object.keys(c).length > 0);
  const tables = (raw.tables && typeof raw.tables === 'object' && !Array.isArray(raw.tables) ? raw.tables : {}) as { [k: string]: Json };
  const lists = Object.values(tables).filter((l): l is Json[] => Array.isArray(l) && l.length > 0);
  for (let i = 0; i < m.times; i++) {
    const o = objects[rnd(objects.length)];
    const keys = o ? Object.keys(o) : [];
    const key = keys[rnd(keys.length)];
    switch (m.kind) {
      case 'dropKey':
        if (o && key) delete o[key];
        break;
      case 'renameKey':
        if (o && key) {
          o[`${key}_${rnd(3) ? 'x' : ''}`] = o[key]!;
          delete o[key];
        }
        break;
      case 'changeType':
        if (o && key) o[key] = REPLACEMENTS[rnd(REPLACEMENTS.length)]!;
        break;
      case 'injectProto':
        // An own "__proto__" key, as JSON.parse would create it from text.
        if (o) Object.defineProperty(o, ['__proto__', 'constructor', 'prototype'][rnd(3)]!, { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
        break;
      case 'duplicateRecord': {
        const l = lists[rnd(lists.length)];
        if (l) l.push(JSON.parse(JSON.stringify(l[rnd(l.length)])) as Json);
        break;
      }
      case 'swapRecords': {
        const [a, b] = [lists[rnd(lists.length)], lists[rnd(lists.length)]];
        if (a && b) [a[0], b[0]] = [b[0]!, a[0]!];
        break;
      }
      default:
    }
  }
}

export const isByteDamage = (m: Mutation) => m.kind === 'flipBytes' || m.kind === 'truncate';

/** Damage of the bytes themselves (of any layer: JSON, gzip, ciphertext): flipped bits or a cut-off end. */
export function damageBytes(input: Uint8Array, m: Mutation): Uint8Array {
  const rnd = prng(m.seed);
  const bytes = input.slice();
  if (m.kind === 'truncate') return bytes.slice(0, rnd(bytes.length));
  for (let i = 0; i < m.times; i++) {
    const at = rnd(bytes.length);
    bytes[at] = (bytes[at] ?? 0) ^ (1 << rnd(8));
  }
  return bytes;
}

/** The damaged file as bytes. */
export async function mutate(valid: string, m: Mutation): Promise<Uint8Array> {
  const rnd = prng(m.seed);
  if (isByteDamage(m)) return damageBytes(new TextEncoder().encode(valid), m);
  const raw = JSON.parse(valid) as { [k: string]: Json };
  mutateJson(raw, m, rnd);
  const header = raw.header as { [k: string]: Json } | undefined;
  if (m.reseal && header && typeof header === 'object' && raw.tables && typeof raw.tables === 'object') {
    const counts: { [k: string]: Json } = {};
    for (const [t, l] of Object.entries(raw.tables)) if (Array.isArray(l)) counts[t] = l.length;
    header.counts = counts;
    header.conflictCount = Array.isArray(raw.conflicts) ? raw.conflicts.length : 0;
    header.checksum = await bundleChecksum(raw.tables, raw.conflicts);
  }
  return new TextEncoder().encode(JSON.stringify(raw));
}
