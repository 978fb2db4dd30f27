import { describe, expect, it } from 'vitest';
import { clockWarnings, clockWarningText, MAX_AHEAD_MS } from '../../../src/domain/clockSkew';
import { stampRecord, type VersionedRecord } from '../../../src/domain/envelope';
import { decodeHlc, encodeHlc, receiveHlc, tickHlc } from '../../../src/domain/hlc';
import { conflictingValues, keptAfterWrite, mergeRecordStates } from '../../../src/domain/merge';
import type { Bundle } from '../../../src/domain/bundle/format';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 0, 15, 10);

function write(on: VersionedRecord | undefined, device: string, wall: number, fields: Record<string, unknown>): VersionedRecord {
  const ctx = { hlc: encodeHlc({ wall, counter: 0, deviceId: device }), deviceId: device, now: new Date(wall).toISOString() };
  return stampRecord(on, { ...(on ? { name: on.name, notes: on.notes } : {}), ...fields }, ctx, { id: 'p1' }) as VersionedRecord;
}

function bundleOf(records: VersionedRecord[], createdAt: number, device = 'sender'): Pick<Bundle, 'header' | 'tables' | 'conflicts'> {
  return {
    header: { device: { id: device, name: 'Телефон Ивановой' }, createdAt: new Date(createdAt).toISOString() } as Bundle['header'],
    tables: { people: records },
    conflicts: [],
  };
}

describe('clock warnings on import', () => {
  it('a file and stamps within a day of the receiving clock: no warning; just past a day ahead: «спешат»', () => {
    const fine = write(undefined, 'sender', NOW + MAX_AHEAD_MS - 60_000, { name: 'А' });
    expect(clockWarnings(bundleOf([fine], NOW + MAX_AHEAD_MS - 60_000), NOW)).toEqual([]);
    const ahead = write(undefined, 'sender', NOW + MAX_AHEAD_MS + 60_000, { name: 'А' });
    expect(clockWarnings(bundleOf([ahead], NOW + MAX_AHEAD_MS + 60_000), NOW)).toEqual([{ kind: 'ahead', deviceId: 'sender', deviceName: 'Телефон Ивановой', days: 1 }]);
    const yearAhead = write(undefined, 'sender', NOW + 365 * DAY, { name: 'А' });
    const [w] = clockWarnings(bundleOf([yearAhead], NOW + 365 * DAY), NOW);
    expect(w).toMatchObject({ kind: 'ahead', days: 365 });
    expect(clockWarningText(w!, '«Телефон Ивановой»')).toContain('спешат примерно на 365 дней');
  });

  it('another device’s stamps a year ahead are named too, by its id', () => {
    const fromFuture = write(undefined, 'wrongphone', NOW + 30 * DAY, { name: 'А' });
    expect(clockWarnings(bundleOf([fromFuture], NOW), NOW)).toEqual([{ kind: 'ahead', deviceId: 'wrongphone', days: 30 }]);
  });

  it('a file dated more than a day before stamps its sender already held: «отстают»; within a day: nothing', () => {
    const seen = write(undefined, 'curator', NOW - DAY, { name: 'А' });
    expect(clockWarnings(bundleOf([seen], NOW - DAY - MAX_AHEAD_MS + 60_000), NOW)).toEqual([]);
    const [w] = clockWarnings(bundleOf([seen], Date.UTC(2020, 0, 1)), NOW);
    expect(w).toMatchObject({ kind: 'behind', deviceId: 'sender' });
    expect(clockWarningText(w!, '«Телефон Ивановой»')).toContain('отстают');
  });
});

describe('a phone whose clock is far off', () => {
  it('a year ahead: its edit does not win forever — the next edit by someone who saw it replaces it', () => {
    const base = write(undefined, 'curator', NOW - DAY, { name: 'Иван', notes: '' });
    const future = write(base, 'wrong', NOW + 365 * DAY, { name: 'Иван (из будущего)' });
    // The curator imports it; her clock does not follow a stamp a year ahead…
    const curatorClock = receiveHlc(tickHlc(null, 'curator', NOW), decodeHlc(future.hlc), 'curator', NOW);
    expect(curatorClock.wall).toBe(NOW);
    // …and her later edit, stamped a year earlier than the wrong phone's, still wins: she had seen it.
    const merged = mergeRecordStates({ record: base, kept: [] }, { record: future, kept: [] });
    const fix = write(merged.record, 'curator', NOW + 1000, { name: 'Иван Петрович' });
    const after = mergeRecordStates({ record: future, kept: [] }, { record: fix, kept: [] });
    expect(after.record.name).toBe('Иван Петрович');
    expect(conflictingValues(after)).toEqual([]);
  });

  it('set to 2020: its concurrent edit is kept, not lost; after an import its next edit wins though its clock stays wrong', () => {
    const base = write(undefined, 'curator', NOW - DAY, { name: 'Иван', notes: '' });
    const old = write(base, 'old', Date.UTC(2020, 0, 1), { name: 'Иван (2020)' });
    const curator = write(base, 'curator', NOW, { name: 'Иван К' });
    const met = mergeRecordStates({ record: old, kept: [] }, { record: curator, kept: [] });
    expect(met.record.name).toBe('Иван К');
    expect(conflictingValues(met).map((k) => k.value)).toEqual(['Иван (2020)']);
    // the 2020 phone imports; a stamp years ahead of its own clock is not followed (it cannot tell which clock is
    // wrong), so its next stamp is still in 2020 — and yet its next edit wins, because it was made having seen the rest
    const clock = receiveHlc(tickHlc(null, 'old', Date.UTC(2020, 0, 1)), decodeHlc(met.record.hlc), 'old', Date.UTC(2020, 0, 2));
    expect(clock.wall).toBeLessThan(NOW);
    const next = stampRecord(met.record, { name: 'Иван С', notes: '' }, { hlc: encodeHlc(tickHlc(clock, 'old', Date.UTC(2020, 0, 2))), deviceId: 'old', now: new Date(Date.UTC(2020, 0, 2)).toISOString() }) as unknown as VersionedRecord;
    const after = mergeRecordStates(met, { record: next, kept: keptAfterWrite(met, next) });
    expect(after.record.name).toBe('Иван С');
    expect(conflictingValues(after).map((k) => k.value)).toEqual(['Иван (2020)']);
  });
});
