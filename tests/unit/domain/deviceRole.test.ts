import { describe, expect, it } from 'vitest';
import { commonMentor, CURATOR_ROLE, ownMentorshipIds, readDeviceRole, roleAfterImport, type DeviceRole, mentorPhoneName } from '../../../src/domain/deviceRole';
import { pendingForPeer } from '../../../src/domain/handoff/delta';

const pairFile = (ids: string[], deviceId = 'cur') => ({ scope: { kind: 'mentorships' as const, mentorshipIds: ids }, deviceId, deviceName: 'Телефон куратора' });
const schoolFile = { scope: { kind: 'school' as const }, deviceId: 'cur', deviceName: 'Телефон куратора' };

describe('whose phone this is', () => {
  it('a new device that gets a pair file becomes that mentor’s phone; one that held data, or got the whole school, does not', () => {
    expect(roleAfterImport(undefined, pairFile(['m1', 'm2']), false)).toEqual({
      kind: 'mentor',
      mentorshipIds: ['m1', 'm2'],
      curatorDeviceId: 'cur',
      curatorDeviceName: 'Телефон куратора',
    });
    expect(roleAfterImport(undefined, pairFile(['m1']), true)).toBeUndefined();
    expect(roleAfterImport(undefined, schoolFile, false)).toBeUndefined();
    expect(roleAfterImport(CURATOR_ROLE, pairFile(['m1']), false)).toBeUndefined();
  });

  it('later pair files from the same curator add pairs; a colleague’s file does not make its pairs this phone’s', () => {
    const mentor = roleAfterImport(undefined, pairFile(['m1']), false)!;
    expect(roleAfterImport(mentor, pairFile(['m2', 'm1']), true)).toMatchObject({ mentorshipIds: ['m1', 'm2'] });
    expect(roleAfterImport(mentor, pairFile(['m9'], 'colleague'), true)).toBeUndefined();
    expect(roleAfterImport(mentor, schoolFile, true)).toBeUndefined();
    // a role the owner chose by hand has no curator yet: the first pair file names it
    const byHand: DeviceRole = { kind: 'mentor', mentorshipIds: [] };
    expect(roleAfterImport(byHand, pairFile(['m1']), true)).toMatchObject({ curatorDeviceId: 'cur', mentorshipIds: ['m1'] });
  });

  it('an unreadable stored role is the curator’s (the full app)', () => {
    for (const raw of [undefined, null, 'mentor', { kind: 'mentor' }, { kind: 'boss' }]) expect(readDeviceRole(raw)).toEqual(CURATOR_ROLE);
    expect(readDeviceRole({ kind: 'mentor', mentorshipIds: ['a'] })).toEqual({ kind: 'mentor', mentorshipIds: ['a'] });
  });

  it('a mentor’s role is read field by field at its limits, and nothing else it holds is kept', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`);
    expect(readDeviceRole({ kind: 'mentor', mentorshipIds: ids(10_000) })).toMatchObject({ kind: 'mentor' });
    expect(readDeviceRole({ kind: 'mentor', mentorshipIds: ids(10_001) })).toEqual(CURATOR_ROLE);
    expect(readDeviceRole({ kind: 'mentor', mentorshipIds: ['a', ''] })).toEqual(CURATOR_ROLE);
    expect(readDeviceRole({ kind: 'mentor', mentorshipIds: ['a', 7] })).toEqual(CURATOR_ROLE);
    expect(readDeviceRole({ kind: 'mentor', mentorshipIds: ['a'], curatorDeviceId: '' })).toEqual(CURATOR_ROLE);
    expect(readDeviceRole({ kind: 'mentor', mentorshipIds: ['a'], curatorDeviceName: 'ф'.repeat(201) })).toEqual(CURATOR_ROLE);
    expect(readDeviceRole({ kind: 'mentor', mentorshipIds: ['a'], curatorDeviceId: 'cur', curatorDeviceName: 'ф'.repeat(200), pin: '1234' })).toEqual({
      kind: 'mentor',
      mentorshipIds: ['a'],
      curatorDeviceId: 'cur',
      curatorDeviceName: 'ф'.repeat(200),
    });
    expect(readDeviceRole({ kind: 'curator', extra: 1 })).toEqual({ kind: 'curator' });
  });

  it('the phone’s owner is the one mentor common to every pair of the file, and nobody when it is ambiguous', () => {
    expect(commonMentor([{ mentorIds: ['t1'] }, { mentorIds: ['t1', 't2'] }])).toBe('t1');
    expect(commonMentor([{ mentorIds: ['t1', 't2'] }])).toBeNull();
    expect(commonMentor([{ mentorIds: ['t1'] }, { mentorIds: ['t2'] }])).toBeNull();
    expect(commonMentor([])).toBeNull();
  });

  it('own pairs: those the curator sent and those the owner mentors, not a colleague’s, not deleted ones', () => {
    const role: DeviceRole = { kind: 'mentor', mentorshipIds: ['m1'] };
    const pairs = [
      { id: 'm1', mentorIds: ['t1'], status: 'active' },
      { id: 'm2', mentorIds: ['t1'], status: 'forming' },
      { id: 'm3', mentorIds: ['t2'], status: 'active' },
      { id: 'm4', mentorIds: ['t1'], status: 'active', deleted: true },
    ];
    expect(ownMentorshipIds(role, pairs, 't1')).toEqual(['m1', 'm2']);
    expect(ownMentorshipIds(role, pairs, null)).toEqual(['m1']);
    expect(ownMentorshipIds(CURATOR_ROLE, pairs, 't1')).toEqual([]);
  });
});

describe('what the curator has not got yet', () => {
  const rec = (id: string, n: number) => ({ id, vv: { me: n } }) as never;
  it('splits records into never sent and sent but not acknowledged; known ones are neither', () => {
    const tables = { meetings: [rec('a', 1), rec('b', 2), rec('c', 1)] };
    expect(pendingForPeer(tables, {}, [])).toEqual({ unsent: 3, awaiting: 0 });
    const sent = [{ known: { 'meetings|b': { me: 2 }, 'meetings|a': { me: 0 } } }];
    expect(pendingForPeer(tables, { 'meetings|c': { me: 1 } }, sent)).toEqual({ unsent: 1, awaiting: 1 });
    // an edit after the file left is unsent again
    expect(pendingForPeer({ meetings: [rec('b', 3)] }, {}, sent)).toEqual({ unsent: 1, awaiting: 0 });
  });
});

describe('the name of an unnamed mentor’s phone', () => {
  it('is the owner’s short name, and stays within the 60 characters of a device name', () => {
    expect(mentorPhoneName({ lastName: 'Петров', firstName: 'Иван', middleName: 'Сергеевич' })).toBe('Телефон наставника: Петров И. С.');
    expect(mentorPhoneName({ lastName: 'Ли', firstName: 'Борис', middleName: '' })).toBe('Телефон наставника: Ли Б.');
    expect(mentorPhoneName({ lastName: 'Я'.repeat(60), firstName: 'А', middleName: '' }).length).toBe(60);
  });
});
