import { afterEach, describe, expect, it } from 'vitest';
import { getDeviceId } from '../../../src/storage/clock';
import { DEVICE_NAME_KEY, exportBundle, pendingFor, recordExport } from '../../../src/storage/bundle/exportBundle';
import { getDeviceRole } from '../../../src/storage/deviceRole';
import { getMe } from '../../../src/storage/myself';
import { carry, closeAll, importInto, newDb, repos, seedSchool } from './bundleHelpers';
import { meetingInputSchema } from '../../../src/domain/meeting.schema';
import { mentorPhoneName } from '../../../src/domain/deviceRole';

afterEach(closeAll);

describe('a mentor’s phone started from a pair file', () => {
  it('becomes the mentor’s phone with its owner set; what it has not sent the curator is counted until acknowledged', async () => {
    const curator = await newDb();
    const mentor = await newDb();
    await curator.meta.put({ key: DEVICE_NAME_KEY, value: 'Телефон куратора' });
    const { t1, m1 } = await seedSchool(curator);
    await importInto(mentor, await carry(curator, { scope: { kind: 'mentorships', mentorshipIds: [m1.id] } }));
    const role = await getDeviceRole(mentor);
    expect(role).toEqual({ kind: 'mentor', mentorshipIds: [m1.id], curatorDeviceId: await getDeviceId(curator), curatorDeviceName: 'Телефон куратора' });
    expect(await getMe(mentor)).toBe(t1.id);
    // unnamed, it is named after its owner (the curator's phone keeps the name it was given)
    expect((await mentor.meta.get(DEVICE_NAME_KEY))?.value).toBe(mentorPhoneName(t1));
    expect((await curator.meta.get(DEVICE_NAME_KEY))?.value).toBe('Телефон куратора');
    if (role.kind !== 'mentor') return;

    // everything it holds came from the curator: nothing to send
    expect(await pendingFor(mentor, [m1.id], role.curatorDeviceId!)).toEqual({ unsent: 0, awaiting: 0 });
    await repos(mentor).meetings.save(meetingInputSchema.parse({ mentorshipId: m1.id, kind: 'intro', date: '2025-10-01' }));
    expect(await pendingFor(mentor, [m1.id], role.curatorDeviceId!)).toEqual({ unsent: 1, awaiting: 0 });
    const file = await exportBundle(mentor, { appVersion: '0.1.0', scope: { kind: 'mentorships', mentorshipIds: [m1.id] }, changesFor: role.curatorDeviceId! });
    await recordExport(mentor, file);
    expect(await pendingFor(mentor, [m1.id], role.curatorDeviceId!)).toEqual({ unsent: 0, awaiting: 1 });
    // the curator imports it and answers with a file that acknowledges it
    await importInto(curator, await carry(mentor, { scope: { kind: 'mentorships', mentorshipIds: [m1.id] } }));
    await importInto(mentor, await carry(curator, { scope: { kind: 'mentorships', mentorshipIds: [m1.id] } }));
    expect(await pendingFor(mentor, [m1.id], role.curatorDeviceId!)).toEqual({ unsent: 0, awaiting: 0 });
  });

  it('a device that already holds the school stays the curator’s when a pair file arrives', async () => {
    const curator = await newDb();
    const other = await newDb();
    const { m1 } = await seedSchool(curator);
    await importInto(other, await carry(curator));
    expect((await other.meta.get('deviceRole'))?.value).toBeUndefined();
    await importInto(other, await carry(curator, { scope: { kind: 'mentorships', mentorshipIds: [m1.id] } }));
    expect((await other.meta.get('deviceRole'))?.value).toBeUndefined();
    expect(await getDeviceRole(other)).toEqual({ kind: 'curator' });
  });
});
