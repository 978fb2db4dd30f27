import { afterEach, describe, expect, it } from 'vitest';
import { getDeviceId } from '../../../src/storage/clock';
import { exportBundle, recordExport, DEVICE_NAME_KEY } from '../../../src/storage/bundle/exportBundle';
import { listPeers } from '../../../src/storage/bundle/peers';
import { closeAll, dumpSynced, importInto, newDb, personFields, repos, seedSchool } from './bundleHelpers';
import { decodeBundle, encodeBundle } from '../../../src/storage/bundle/codec';
import type { NastavnikDb } from '../../../src/storage/db';
import type { ExportOptions } from '../../../src/storage/bundle/exportBundle';

afterEach(closeAll);

/** Export (and note it, as the app does once the file has left), carry the bytes, import on the other side. */
async function send(from: NastavnikDb, to: NastavnikDb, opts: Partial<ExportOptions> = {}) {
  const bundle = await exportBundle(from, { appVersion: '0.1.0', ...opts });
  await recordExport(from, bundle);
  const parsed = await decodeBundle(await encodeBundle(bundle));
  if (!parsed.ok) throw new Error(parsed.error.kind);
  const report = await importInto(to, parsed.value);
  const records = Object.values(bundle.tables).reduce((n, l) => n + (l?.length ?? 0), 0);
  return { bundle, report, records };
}

describe('changes only, per peer device', () => {
  it('the first file for a device is the whole scope; then only what it has not seen; acknowledgements shrink it further', async () => {
    const curator = await newDb();
    const mentor = await newDb();
    await curator.meta.put({ key: DEVICE_NAME_KEY, value: 'Телефон куратора' });
    await mentor.meta.put({ key: DEVICE_NAME_KEY, value: 'Телефон наставника' });
    const { s1 } = await seedSchool(curator);
    const mentorId = await getDeviceId(mentor);
    const curatorId = await getDeviceId(curator);

    // nothing known about the mentor yet: a delta is the whole school
    const first = await send(curator, mentor, { changesFor: mentorId });
    expect(first.records).toBe(8);
    expect(first.bundle.header.changesFor).toBe(mentorId);

    // the mentor edits one person and sends everything back; the curator now knows what the mentor holds
    await repos(mentor).people.save(personFields({ notes: 'встреча 1' }), s1.id);
    await send(mentor, curator);
    expect((await listPeers(curator)).map((p) => [p.id, p.name])).toEqual([[mentorId, 'Телефон наставника']]);

    // nothing new for the mentor: an empty delta; one edit on the curator's side: one record
    expect((await send(curator, mentor, { changesFor: mentorId })).records).toBe(0);
    await repos(curator).people.save(personFields({ notes: 'встреча 1', phone: '+7 900 000-00-01' }), s1.id);
    const one = await send(curator, mentor, { changesFor: mentorId });
    expect(one.records).toBe(1);
    expect(one.report.total).toMatchObject({ updated: 1, conflict: 0 });

    // the mentor's delta for the curator acknowledges that file, so the curator stops resending it
    await repos(mentor).people.save(personFields({ notes: 'встреча 2', phone: '+7 900 000-00-01' }), s1.id);
    const back = await send(mentor, curator, { changesFor: curatorId });
    expect(back.records).toBe(1);
    expect(back.bundle.header.acks?.[curatorId]).toBe(one.bundle.header.bundleId);
    expect((await send(curator, mentor, { changesFor: mentorId })).records).toBe(0);

    // and the two agree
    expect(await dumpSynced(mentor)).toEqual(await dumpSynced(curator));
  });

  it('a delta carries nothing to delete: a record it does not carry stays as it was on the receiving side', async () => {
    const a = await newDb();
    const b = await newDb();
    const { s1, s2 } = await seedSchool(a);
    const bId = await getDeviceId(b);
    await send(a, b, { changesFor: bId });
    await send(b, a);
    await repos(b).people.save(personFields({ notes: 'только у B' }), s2.id);
    await repos(a).people.save(personFields({ notes: 'у A' }), s1.id);
    await send(a, b, { changesFor: bId });
    expect((await b.people.get(s2.id))!.notes).toBe('только у B');
    expect((await b.people.get(s1.id))!.notes).toBe('у A');
  });
});

describe('a QR code of changes', () => {
  it('one meeting with notes, as the changes for a known device, is one record in at most three codes (half a second at six codes a second)', async () => {
    const { fountainEncoder } = await import('../../../src/domain/handoff/fountain');
    const { Repository } = await import('../../../src/storage/repository');
    const { meetingInputSchema } = await import('../../../src/domain/meeting.schema');
    const mentor = await newDb();
    const curator = await newDb();
    const { m1, t1, s1 } = await seedSchool(mentor);
    await send(mentor, curator);
    await send(curator, mentor);
    await new Repository(mentor, 'meetings').save(
      meetingInputSchema.parse({
        mentorshipId: m1.id,
        date: '2026-02-10',
        kind: 'work',
        minutes: 45,
        place: 'Кабинет информатики',
        attendeeIds: [t1.id, s1.id],
        notes: 'Разобрали устройство манипулятора, договорились о проекте к конференции; следующая встреча — в четверг.',
      }),
    );
    const bundle = await exportBundle(mentor, { appVersion: '0.1.0', changesFor: await getDeviceId(curator) });
    expect(Object.values(bundle.tables).reduce((n, l) => n + (l?.length ?? 0), 0)).toBe(1);
    const bytes = await encodeBundle(bundle);
    if (process.env.SHOW_DELTA) console.log(bytes.length, JSON.stringify(bundle));
    // ≈ 850 bytes: six ids, the checksum and the stamps do not compress; one code holds 620 (fountain.ts says why)
    expect(fountainEncoder(bytes).fragments, `${bytes.length} bytes`).toBeLessThanOrEqual(3);
    const encrypted = await encodeBundle(bundle, { passphrase: 'школа-2026-секрет', iterations: 1000 });
    expect(fountainEncoder(encrypted).fragments, `${encrypted.length} bytes encrypted`).toBeLessThanOrEqual(3);
  });
});
