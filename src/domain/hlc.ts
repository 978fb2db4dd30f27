/**
 * Hybrid logical clock (HLC) stamps.
 *
 * A stamp orders writes across devices even when their wall clocks disagree: it never goes backwards on a device,
 * and after a device sees a remote stamp its next stamp is later than that one. Encoded as a fixed-width string so
 * that plain string comparison is the causal-then-device order: `wall(11, base36):counter(5, base36):deviceId`.
 */
export interface Hlc {
  readonly wall: number;
  readonly counter: number;
  readonly deviceId: string;
}

const WALL_WIDTH = 11;
const COUNTER_WIDTH = 5;
const MAX_COUNTER = 36 ** COUNTER_WIDTH - 1;
/** A remote clock further ahead than this (a day: src/domain/clockSkew.ts) is not followed, so one wrong phone does not drag every later stamp into the future. */
export const MAX_DRIFT_MS = 24 * 60 * 60 * 1000;

export function encodeHlc(h: Hlc): string {
  return `${h.wall.toString(36).padStart(WALL_WIDTH, '0')}:${h.counter.toString(36).padStart(COUNTER_WIDTH, '0')}:${h.deviceId}`;
}

const HLC_RE = /^([0-9a-z]{11}):([0-9a-z]{5}):([A-Za-z0-9_-]{1,64})$/;

export function isHlc(s: string): boolean {
  return HLC_RE.test(s);
}

export function decodeHlc(s: string): Hlc {
  const m = HLC_RE.exec(s);
  if (!m) throw new Error(`Неверная метка времени: ${s.slice(0, 80)}`);
  return { wall: parseInt(m[1]!, 36), counter: parseInt(m[2]!, 36), deviceId: m[3]! };
}

/** Next stamp for a local write. */
export function tickHlc(prev: Hlc | null, deviceId: string, now: number): Hlc {
  const wall = Math.max(prev?.wall ?? 0, now);
  const counter = prev && wall === prev.wall ? prev.counter + 1 : 0;
  if (counter > MAX_COUNTER) return { wall: wall + 1, counter: 0, deviceId };
  return { wall, counter, deviceId };
}

/** The local clock after seeing a remote stamp (on import), so later local writes sort after it. */
export function receiveHlc(local: Hlc | null, remote: Hlc, deviceId: string, now: number): Hlc {
  if (remote.wall - now > MAX_DRIFT_MS) return tickHlc(local, deviceId, now);
  const wall = Math.max(local?.wall ?? 0, remote.wall, now);
  let counter: number;
  if (wall === (local?.wall ?? -1) && wall === remote.wall) counter = Math.max(local!.counter, remote.counter) + 1;
  else if (wall === (local?.wall ?? -1)) counter = local!.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  else counter = 0;
  if (counter > MAX_COUNTER) return { wall: wall + 1, counter: 0, deviceId };
  return { wall, counter, deviceId };
}

export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
