// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { useSessionsOf, useTrainingGroup, useTrainingGroups, useTrainingSessions } from '../../../src/data/training';
import { getDb } from '../../../src/storage/db';
import { trainingGroupsRepo, trainingSessionsRepo } from '../../../src/storage/yearWork';
import { trainingGroupInputSchema, trainingSessionInputSchema } from '../../../src/domain/training.schema';

const group = (name: string) => trainingGroupInputSchema.parse({ name, memberIds: ['p1'] });
const session = (groupId: string, topic: string) => trainingSessionInputSchema.parse({ groupId, date: '2025-10-10', topic, expert: 'Орлова А. А.' });

afterEach(async () => {
  cleanup();
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('the training hooks', () => {
  it('useTrainingGroups and useTrainingSessions list the live ones and drop deleted ones', async () => {
    const groups = renderHook(() => useTrainingGroups());
    const sessions = renderHook(() => useTrainingSessions());
    expect(groups.result.current).toBeUndefined();
    await waitFor(() => expect(groups.result.current).toEqual([]));
    await waitFor(() => expect(sessions.result.current).toEqual([]));
    const g = await trainingGroupsRepo.save(group('Школа наставника'));
    const s = await trainingSessionsRepo.save(session(g.id, 'Роль наставника'));
    await waitFor(() => expect(groups.result.current?.map((x) => x.name)).toEqual(['Школа наставника']));
    await waitFor(() => expect(sessions.result.current?.map((x) => x.topic)).toEqual(['Роль наставника']));
    await trainingSessionsRepo.remove(s.id);
    await trainingGroupsRepo.remove(g.id);
    await waitFor(() => expect(groups.result.current).toEqual([]));
    await waitFor(() => expect(sessions.result.current).toEqual([]));
  });

  it('useTrainingGroup is null for an unknown id and follows its group; useSessionsOf holds only its group’s sessions', async () => {
    const unknown = renderHook(() => useTrainingGroup('nope'));
    await waitFor(() => expect(unknown.result.current).toBeNull());
    const g = await trainingGroupsRepo.save(group('Школа наставника'));
    const other = await trainingGroupsRepo.save(group('Другая'));
    await trainingSessionsRepo.save(session(other.id, 'Чужое занятие'));
    const one = renderHook(() => useTrainingGroup(g.id));
    const own = renderHook(() => useSessionsOf(g.id));
    await waitFor(() => expect(one.result.current?.name).toBe('Школа наставника'));
    await waitFor(() => expect(own.result.current).toEqual([]));
    await trainingSessionsRepo.save(session(g.id, 'Роль наставника'));
    await trainingGroupsRepo.save({ ...group('Школа наставника — 2') }, g.id);
    await waitFor(() => expect(own.result.current?.map((x) => x.topic)).toEqual(['Роль наставника']));
    await waitFor(() => expect(one.result.current?.name).toBe('Школа наставника — 2'));
    await trainingGroupsRepo.remove(g.id);
    await waitFor(() => expect(one.result.current).toBeNull());
  });
});
