// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { useMentorDay, type MentorRole } from '../../../src/data/home';
import { todayIso } from '../../../src/domain/dates';
import { meetingInputSchema } from '../../../src/domain/meeting.schema';
import { getDb } from '../../../src/storage/db';
import { ME_KEY } from '../../../src/storage/myself';
import { meetingsRepo } from '../../../src/storage/repositories';
import { seedSchool } from '../storage/bundleHelpers';

afterEach(async () => {
  cleanup();
  await Promise.all(getDb().tables.map((t) => t.clear()));
});

describe('the mentor’s phone home hook', () => {
  it('useMentorDay holds the phone’s own pairs (sent ones and the owner’s), follows a meeting, and counts what the curator has not got', async () => {
    const db = getDb();
    const { t2, m1, m2 } = await seedSchool(db);
    const role: MentorRole = { kind: 'mentor', mentorshipIds: [m1.id] };
    const { result } = renderHook(() => useMentorDay(role));
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current).toMatchObject({ ids: [m1.id], others: 1, pending: null, me: undefined }));
    expect(result.current?.day.map((p) => [p.id, p.daysSince])).toEqual([[m1.id, null]]);

    await meetingsRepo.save(meetingInputSchema.parse({ mentorshipId: m1.id, kind: 'intro', date: todayIso() }));
    await waitFor(() => expect(result.current?.day[0]?.daysSince).toBe(0));

    await db.meta.put({ key: ME_KEY, value: t2.id });
    await waitFor(() => expect(result.current?.ids.sort()).toEqual([m1.id, m2.id].sort()));
    expect(result.current).toMatchObject({ others: 0, me: { id: t2.id } });
    expect(result.current?.byId.get(t2.id)?.lastName).toBe('Смирнов');
  });

  it('useMentorDay counts the records a known curator’s device has not got', async () => {
    const { m1 } = await seedSchool(getDb());
    const role: MentorRole = { kind: 'mentor', mentorshipIds: [m1.id], curatorDeviceId: 'dev-curator', curatorDeviceName: 'Ноутбук куратора' };
    const { result } = renderHook(() => useMentorDay(role));
    await waitFor(() => expect(result.current?.pending?.unsent).toBeGreaterThan(0));
    const before = result.current!.pending!.unsent;
    await meetingsRepo.save(meetingInputSchema.parse({ mentorshipId: m1.id, kind: 'intro', date: todayIso() }));
    await waitFor(() => expect(result.current?.pending?.unsent).toBe(before + 1));
  });
});
