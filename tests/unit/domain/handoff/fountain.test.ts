import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase45, encodeBase45 } from '../../../../src/domain/handoff/base45';
import { chooseFragments, FountainDecoder, fountainEncoder, FRAME_PREFIX, parseFrame } from '../../../../src/domain/handoff/fountain';

describe('base45 (RFC 9285)', () => {
  it.each([
    ['AB', 'BB8'],
    ['Hello!!', '%69 VD92EX0'],
    ['base-45', 'UJCLQE7W581'],
    ['ietf!', 'QED8WEX0'],
  ])('%s ⇄ %s', (text, b45) => {
    expect(encodeBase45(new TextEncoder().encode(text))).toBe(b45);
    expect(new TextDecoder().decode(decodeBase45(b45)!)).toBe(text);
  });
  it('round-trips any bytes and uses only the QR alphanumeric characters', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const t = encodeBase45(bytes);
        expect(t).toMatch(/^[0-9A-Z $%*+\-./:]*$/);
        expect(decodeBase45(t)).toEqual(bytes);
      }),
    );
  });
  it('refuses what is not base45: a lower-case letter, a bad length, a triple over 65535', () => {
    expect(decodeBase45('aBB')).toBeNull();
    expect(decodeBase45('BB8B')).toBeNull();
    expect(decodeBase45('GGW')).toBeNull();
  });
});

/** Feeds frames to a decoder until done; returns the message and how many frames it took. */
function receiveAll(dec: FountainDecoder, frames: Iterable<string>): { message?: Uint8Array; used: number } {
  let used = 0;
  for (const f of frames) {
    used += 1;
    const r = dec.receive(f);
    if (r.kind === 'done') return { message: r.message, used };
  }
  return { used };
}

describe('fountain frames', () => {
  it('a small message is one code, readable alone', () => {
    const msg = new TextEncoder().encode('одна встреча с заметками');
    const enc = fountainEncoder(msg);
    expect(enc.fragments).toBe(1);
    const r = new FountainDecoder().receive(enc.frame(1));
    expect(r).toMatchObject({ kind: 'done', frames: 1 });
    expect(r.kind === 'done' && r.message).toEqual(msg);
  });

  it('in rounds of 2K: K frames of one fragment each, in order, then K that mix several, the same on every device', () => {
    expect(chooseFragments(3, 10, 12345)).toEqual([2]);
    expect(chooseFragments(23, 10, 12345)).toEqual([2]);
    const later = chooseFragments(15, 10, 12345);
    expect(chooseFragments(15, 10, 12345)).toEqual(later);
    expect(new Set(later).size).toBe(later.length);
    for (const i of later) expect(i).toBeGreaterThanOrEqual(0);
    const mixed = Array.from({ length: 2000 }, (_, r) => chooseFragments(Math.floor(r / 10) * 20 + 11 + (r % 10), 10, 777).length);
    expect(mixed.filter((d) => d === 1).length).toBeGreaterThan(50);
    expect(mixed.filter((d) => d >= 2).length).toBeGreaterThan(1500);
    expect(chooseFragments(7, 1, 5)).toEqual([0]);
  });

  it('a camera that starts anywhere and reads 2K frames in a row has every fragment', () => {
    for (const K of [1, 2, 3, 7]) {
      const enc = fountainEncoder(new Uint8Array(K * 100).map((_, i) => i), { fragmentBytes: 100, singleCodeBytes: 0 });
      for (let start = 1; start <= 4 * K; start++) {
        const dec = new FountainDecoder();
        const r = receiveAll(dec, Array.from({ length: 2 * K }, (_, i) => enc.frame(start + i)));
        expect(r.message, `K=${K} start=${start}`).toBeDefined();
      }
    }
  });

  it('any order of enough frames, with losses and repeats, rebuilds the exact message', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 6000 }),
        fc.integer({ min: 40, max: 700 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.integer(),
        (msg, fragmentBytes, loss, seed) => {
          const enc = fountainEncoder(msg, { fragmentBytes, singleCodeBytes: 0 });
          // a camera: frames shown in a loop from a random start, some missed, some read twice, out of order in bursts
          let s = seed >>> 0;
          const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
          const shown: string[] = [];
          const limit = enc.fragments * 6 + 40;
          for (let n = 1 + Math.floor(rnd() * enc.fragments); shown.length < limit; n++) {
            if (rnd() < loss) continue;
            shown.push(enc.frame(n));
            if (rnd() < 0.1) shown.push(enc.frame(n));
          }
          for (let i = shown.length - 1; i > 0; i -= 3) {
            const j = Math.max(0, i - Math.floor(rnd() * 3));
            [shown[i], shown[j]] = [shown[j]!, shown[i]!];
          }
          const r = receiveAll(new FountainDecoder(), shown);
          expect(r.message).toEqual(msg);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('needs not many more frames than fragments when none are lost', () => {
    const msg = new Uint8Array(32_000).map((_, i) => (i * 7919) & 0xff);
    const enc = fountainEncoder(msg, { fragmentBytes: 320 });
    expect(enc.fragments).toBe(100);
    // starting half-way through the loop: the systematic half plus mixed frames must do
    const frames = Array.from({ length: 400 }, (_, i) => enc.frame(51 + i));
    const r = receiveAll(new FountainDecoder(), frames);
    expect(r.message).toEqual(msg);
    expect(r.used).toBeLessThan(180);
  });

  it('another app’s code, a damaged frame and a frame of another transfer are set aside and do not spoil the rest', () => {
    const msg = new Uint8Array(3000).map((_, i) => i & 0xff);
    const enc = fountainEncoder(msg, { fragmentBytes: 300 });
    const other = fountainEncoder(new Uint8Array(3000).fill(7), { fragmentBytes: 300 });
    const dec = new FountainDecoder();
    expect(dec.receive('https://example.org/')).toEqual({ kind: 'ignored', reason: 'foreign' });
    expect(dec.receive('WIFI:S:school;T:WPA;P:123;;')).toEqual({ kind: 'ignored', reason: 'foreign' });
    const f1 = enc.frame(1);
    const broken = f1.slice(0, 20) + (f1[20] === 'A' ? 'B' : 'A') + f1.slice(21);
    expect(dec.receive(broken)).toEqual({ kind: 'ignored', reason: 'corrupt' });
    expect(dec.receive(f1)).toMatchObject({ kind: 'progress', solved: 1 });
    expect(dec.receive(f1)).toEqual({ kind: 'ignored', reason: 'duplicate' });
    expect(dec.receive(other.frame(2))).toEqual({ kind: 'ignored', reason: 'otherTransfer' });
    expect(dec.receive(`${FRAME_PREFIX.replace('1', '2')}AAA`)).toEqual({ kind: 'ignored', reason: 'newer' });
    const r = receiveAll(dec, Array.from({ length: 60 }, (_, i) => enc.frame(i + 2)));
    expect(r.message).toEqual(msg);
  });

  it('a frame names its transfer: parseFrame reads the header', () => {
    const enc = fountainEncoder(new Uint8Array(2000).fill(1), { fragmentBytes: 500 });
    const f = parseFrame(enc.frame(7));
    expect(f.ok && f.header).toMatchObject({ fragments: 4, messageLength: 2000, seq: 7 });
  });
});
