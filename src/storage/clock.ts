import { decodeHlc, encodeHlc, tickHlc, type Hlc } from '../domain/hlc';
import type { NastavnikDb } from './db';

const DEVICE_KEY = 'deviceId';
const HLC_KEY = 'hlc';

/** A short random id made once per install and never taken from an imported file. */
function makeDeviceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** This device's id; created on first use inside the caller's transaction (which must include `meta`). */
export async function getDeviceId(db: NastavnikDb): Promise<string> {
  const row = await db.meta.get(DEVICE_KEY);
  if (typeof row?.value === 'string') return row.value;
  const id = makeDeviceId();
  await db.meta.put({ key: DEVICE_KEY, value: id });
  return id;
}

/**
 * Reserve `n` consecutive clock stamps for writes in the current transaction (which must include `meta`), and
 * persist the last one, so the clock never runs backwards even across restarts.
 */
export async function nextStamps(db: NastavnikDb, n: number, now: number = Date.now()): Promise<{ deviceId: string; stamps: string[] }> {
  const deviceId = await getDeviceId(db);
  const row = await db.meta.get(HLC_KEY);
  let h: Hlc | null = typeof row?.value === 'string' ? decodeHlc(row.value) : null;
  const stamps: string[] = [];
  for (let i = 0; i < n; i++) {
    h = tickHlc(h, deviceId, now);
    stamps.push(encodeHlc(h));
  }
  if (h) await db.meta.put({ key: HLC_KEY, value: encodeHlc(h) });
  return { deviceId, stamps };
}
