import { decodeBase45, encodeBase45 } from './base45';
import { crc32 } from './crc32';
import { AppError } from '../errors';

/**
 * Moving a file from one phone's screen to another phone's camera with no network: the bytes are cut into K
 * fragments and shown as an endless sequence of QR codes, each a *fountain* frame (Luby transform, as in the BC-UR
 * animated QR codes of hardware wallets). Frames 1…K carry one fragment each; the next K the XOR of a pseudo-random
 * set of fragments, chosen from their number; then the round of 2K repeats (`chooseFragments`). Any K-and-a-bit frames, in any order, with any lost or
 * repeated, rebuild the file, so the camera never waits for one missed code to come round again.
 *
 * A frame is `NQ1:` + base45 of:
 *
 * | bytes | field |
 * |---|---|
 * | 2 | magic `NQ` |
 * | 1 | version = 1 |
 * | 2 | K, fragments (1–65,535) |
 * | 4 | message length in bytes |
 * | 4 | CRC-32 of the whole message |
 * | 4 | frame number (1, 2, …) |
 * | ⌈length / K⌉ | the fragment, or the XOR of the chosen fragments (the last fragment zero-padded) |
 * | 4 | CRC-32 of everything above, so a misread frame is dropped rather than poisoning the others |
 *
 * Numbers big-endian. The message itself is the bundle file's bytes (gzip, or encrypted), which carry their own
 * SHA-256 checksum and pass the same import gate as a file.
 */
export const FRAME_PREFIX = 'NQ1:';
const MAGIC_0 = 0x4e; // N
const MAGIC_1 = 0x51; // Q
const VERSION = 1;
const HEADER = 17;
const MAX_FRAGMENTS = 65_535;

/**
 * A message up to this size goes as one code (≈ 950 characters, a version-21 QR code), longer ones as fragments of
 * `FRAGMENT_BYTES` (≈ 520 characters, version 14). Denser codes were not read by the worker decoder of a phone
 * without BarcodeDetector at 700 px (measured: 1,100 characters read, 1,500 not).
 */
export const SINGLE_CODE_BYTES = 620;
export const FRAGMENT_BYTES = 320;

export interface FrameHeader {
  fragments: number;
  messageLength: number;
  messageCrc: number;
  seq: number;
}

/** xoshiro128**: small, fast, and the same on every device for the same seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0 || 1;
  let b = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0 || 2;
  let c = Math.imul(seed ^ 0xc2b2ae35, 0x27d4eb2f) >>> 0 || 3;
  let d = (a ^ b ^ c ^ 0x165667b1) >>> 0 || 4;
  return () => {
    const r = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return r / 4294967296;
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/**
 * The fragments a frame carries. The sequence runs in rounds of 2K frames: the first K of a round carry one fragment
 * each, in order (frame n ≤ K carries fragment n−1); the other K a set whose size follows the ideal soliton
 * distribution (1/K for one, 1/(d(d−1)) for d), drawn from the message's checksum and the frame number. A camera
 * that starts watching anywhere sees every fragment within two rounds even if it decodes no mixed frame, and the
 * mixed frames heal the ones it missed — a peeling decoder cannot start on mixed frames alone, which with few
 * fragments happens often (three mixed frames of three fragments: no single one among them one time in three).
 */
export function chooseFragments(seq: number, fragments: number, messageCrc: number): number[] {
  const inRound = (seq - 1) % (2 * fragments);
  if (inRound < fragments) return [inRound];
  const rnd = prng(Math.imul(seq, 0x2545f491) ^ messageCrc);
  const u = rnd();
  let degree = 1;
  if (u >= 1 / fragments) {
    // P(d ≤ x) = 1/K + (1 − 1/x) for the ideal soliton; invert it.
    degree = Math.min(fragments, Math.max(2, Math.ceil(1 / (1 - (u - 1 / fragments)))));
  }
  const pool = Array.from({ length: fragments }, (_, i) => i);
  for (let i = 0; i < degree; i++) {
    const j = i + Math.floor(rnd() * (fragments - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, degree).sort((x, y) => x - y);
}

export interface FountainEncoder {
  fragments: number;
  messageLength: number;
  /** Frame `seq` (1, 2, …) as the text of one QR code. */
  frame(seq: number): string;
}

export function fountainEncoder(message: Uint8Array, opts: { fragmentBytes?: number; singleCodeBytes?: number } = {}): FountainEncoder {
  if (message.length === 0) throw new AppError('notAllowed', 'Нечего передавать: пустое сообщение');
  const single = opts.singleCodeBytes ?? SINGLE_CODE_BYTES;
  const fragments = message.length <= single ? 1 : Math.ceil(message.length / (opts.fragmentBytes ?? FRAGMENT_BYTES));
  // Fragments of equal length (the last zero-padded), which the receiver computes from the header alone.
  const fragLen = Math.ceil(message.length / fragments);
  if (fragments > MAX_FRAGMENTS) throw new AppError('tooLarge', 'Слишком большой файл для передачи QR-кодами');
  const messageCrc = crc32(message);
  const part = (i: number) => {
    const out = new Uint8Array(fragLen);
    out.set(message.subarray(i * fragLen, Math.min(message.length, (i + 1) * fragLen)));
    return out;
  };
  return {
    fragments,
    messageLength: message.length,
    frame(seq) {
      const data = new Uint8Array(fragLen);
      for (const i of chooseFragments(seq, fragments, messageCrc)) {
        const p = part(i);
        for (let k = 0; k < fragLen; k++) data[k]! ^= p[k]!;
      }
      const bytes = new Uint8Array(HEADER + fragLen + 4);
      const v = new DataView(bytes.buffer);
      bytes[0] = MAGIC_0;
      bytes[1] = MAGIC_1;
      bytes[2] = VERSION;
      v.setUint16(3, fragments);
      v.setUint32(5, message.length);
      v.setUint32(9, messageCrc);
      v.setUint32(13, seq);
      bytes.set(data, HEADER);
      v.setUint32(HEADER + fragLen, crc32(bytes, 0, HEADER + fragLen));
      return FRAME_PREFIX + encodeBase45(bytes);
    },
  };
}

export type ParsedFrame = { ok: true; header: FrameHeader; data: Uint8Array } | { ok: false; reason: 'foreign' | 'corrupt' | 'newer' };

/** One scanned code: ours and intact, another app's, or damaged. */
export function parseFrame(text: string): ParsedFrame {
  if (!text.startsWith(FRAME_PREFIX)) return { ok: false, reason: text.startsWith('NQ') ? 'newer' : 'foreign' };
  const bytes = decodeBase45(text.slice(FRAME_PREFIX.length));
  if (!bytes || bytes.length < HEADER + 5) return { ok: false, reason: 'corrupt' };
  if (bytes[0] !== MAGIC_0 || bytes[1] !== MAGIC_1) return { ok: false, reason: 'foreign' };
  if (bytes[2] !== VERSION) return { ok: false, reason: 'newer' };
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (v.getUint32(bytes.length - 4) !== crc32(bytes, 0, bytes.length - 4)) return { ok: false, reason: 'corrupt' };
  const header = { fragments: v.getUint16(3), messageLength: v.getUint32(5), messageCrc: v.getUint32(9), seq: v.getUint32(13) };
  const data = bytes.slice(HEADER, bytes.length - 4);
  const fragLen = Math.ceil(header.messageLength / Math.max(1, header.fragments));
  if (header.fragments < 1 || header.seq < 1 || header.messageLength < 1 || data.length !== fragLen) return { ok: false, reason: 'corrupt' };
  return { ok: true, header, data };
}

export type ReceiveResult =
  | { kind: 'progress'; solved: number; fragments: number; frames: number }
  | { kind: 'done'; message: Uint8Array; frames: number }
  | { kind: 'ignored'; reason: 'foreign' | 'corrupt' | 'newer' | 'duplicate' | 'otherTransfer' };

/**
 * The receiving side: feed it every code the camera reads, in any order. It keeps the solved fragments and the
 * frames it cannot use yet, and peels: a frame with one unknown fragment solves it, which may reduce others to one.
 */
export class FountainDecoder {
  private header: FrameHeader | null = null;
  private solved: (Uint8Array | null)[] = [];
  private solvedCount = 0;
  private pending: { indices: Set<number>; data: Uint8Array }[] = [];
  private seen = new Set<number>();
  private frames = 0;

  get progress(): number {
    return this.header ? this.solvedCount / this.header.fragments : 0;
  }

  receive(text: string): ReceiveResult {
    const f = parseFrame(text);
    if (!f.ok) return { kind: 'ignored', reason: f.reason };
    const h = f.header;
    if (!this.header) {
      this.header = { ...h, seq: 0 };
      this.solved = new Array<Uint8Array | null>(h.fragments).fill(null);
    } else if (h.fragments !== this.header.fragments || h.messageLength !== this.header.messageLength || h.messageCrc !== this.header.messageCrc) {
      return { kind: 'ignored', reason: 'otherTransfer' };
    }
    if (this.seen.has(h.seq)) return { kind: 'ignored', reason: 'duplicate' };
    this.seen.add(h.seq);
    this.frames += 1;
    const indices = new Set(chooseFragments(h.seq, h.fragments, h.messageCrc));
    this.add(indices, f.data);
    if (this.solvedCount < h.fragments) return { kind: 'progress', solved: this.solvedCount, fragments: h.fragments, frames: this.frames };
    const fragLen = f.data.length;
    const message = new Uint8Array(h.messageLength);
    this.solved.forEach((p, i) => message.set(p!.subarray(0, Math.min(fragLen, h.messageLength - i * fragLen)), i * fragLen));
    if (crc32(message) !== h.messageCrc) {
      // Two misread frames that agreed with their own checksums: start over rather than hand over bad bytes.
      this.reset();
      return { kind: 'ignored', reason: 'corrupt' };
    }
    return { kind: 'done', message, frames: this.frames };
  }

  reset(): void {
    this.header = null;
    this.solved = [];
    this.solvedCount = 0;
    this.pending = [];
    this.seen.clear();
    this.frames = 0;
  }

  private add(indices: Set<number>, data: Uint8Array): void {
    for (const i of [...indices]) {
      const s = this.solved[i];
      if (s) {
        xorInto(data, s);
        indices.delete(i);
      }
    }
    if (indices.size === 0) return;
    if (indices.size > 1) {
      this.pending.push({ indices, data });
      return;
    }
    const queue: number[] = [];
    const solve = (i: number, d: Uint8Array) => {
      this.solved[i] = d;
      this.solvedCount += 1;
      queue.push(i);
    };
    solve([...indices][0]!, data);
    while (queue.length) {
      const i = queue.pop()!;
      const s = this.solved[i]!;
      const still: typeof this.pending = [];
      for (const p of this.pending) {
        if (p.indices.has(i)) {
          xorInto(p.data, s);
          p.indices.delete(i);
        }
        if (p.indices.size === 1) {
          const j = [...p.indices][0]!;
          if (!this.solved[j]) solve(j, p.data);
        } else if (p.indices.size > 1) still.push(p);
      }
      this.pending = still;
    }
  }
}

function xorInto(target: Uint8Array, source: Uint8Array): void {
  for (let k = 0; k < target.length; k++) target[k]! ^= source[k]!;
}
