// Deterministic randomness for the synthetic school: the same seed gives the same bytes on every machine.
// Each table draws from its own stream (`streamFor(seed, 'meetings')`), so changing one table's factory does not
// reshuffle the others, and ids are a pure function of (seed, table, index).

/** 32-bit string hash (FNV-1a with a final avalanche), for seeding streams and making ids. */
export function hash32(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: a small, fast PRNG with a 32-bit state; good enough for test data, not for anything secret. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random stream with the helpers the record factories use. */
export function streamFor(seed, label) {
  const next = mulberry32(hash32(`${seed}:${label}`));
  const rng = {
    next,
    /** Integer in [min, max], both included. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    /** `weights` is [[value, weight], …]. */
    weighted: (weights) => {
      const total = weights.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [v, w] of weights) {
        r -= w;
        if (r < 0) return v;
      }
      return weights[weights.length - 1][0];
    },
    /** Fisher–Yates on a copy. */
    shuffle: (list) => {
      const a = [...list];
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    },
    /** `n` distinct items of `list` (all of it when n ≥ length). */
    sample: (list, n) => rng.shuffle(list).slice(0, n),
  };
  return rng;
}

/** A UUID-shaped id (version 4 layout) that depends only on its inputs: the same record keeps its id run to run. */
export function stableId(seed, table, index) {
  const words = [0, 1, 2, 3].map((k) => hash32(`${seed}|${table}|${index}|${k}`).toString(16).padStart(8, '0'));
  const hex = words.join('');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Split `total` into integers proportional to `weights` (largest remainder), so that counts such as 8,000 meetings
 * over 400 mentorships come out exact.
 */
export function apportion(total, weights) {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) return weights.map(() => 0);
  const raw = weights.map((w) => (w / sum) * total);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((s, n) => s + n, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]] += 1;
  return out;
}
