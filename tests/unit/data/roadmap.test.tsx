// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { useRoadmapTask, useRoadmapTasks } from '../../../src/data/roadmap';
import { stripEnvelope } from '../../../src/domain/envelope';
import { getDb } from '../../../src/storage/db';
import { ensureRoadmap, roadmapRepo } from '../../../src/storage/yearWork';

afterEach(async () => {
  cleanup();
  await Promise.all(getDb().tables.map((t) => t.clear()));
});

describe('the roadmap hooks', () => {
  it('useRoadmapTasks is undefined while read, empty before the year is seeded, then every row of every year, without a deleted one', async () => {
    const { result } = renderHook(() => useRoadmapTasks());
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current).toEqual([]));
    await ensureRoadmap('2025/2026');
    await waitFor(() => expect(result.current).toHaveLength(14));
    await ensureRoadmap('2026/2027');
    await waitFor(() => expect(new Set(result.current?.map((t) => t.academicYear))).toEqual(new Set(['2025/2026', '2026/2027'])));
    await roadmapRepo.remove('roadmap-2025-2026-01');
    await waitFor(() => expect(result.current).toHaveLength(27));
    expect(result.current?.some((t) => t.id === 'roadmap-2025-2026-01')).toBe(false);
  });

  it('useRoadmapTask is null for an unknown row, follows an edit of its row, and is null once it is deleted', async () => {
    await ensureRoadmap('2025/2026');
    const missing = renderHook(() => useRoadmapTask('нет-такой'));
    await waitFor(() => expect(missing.result.current).toBeNull());
    const { result } = renderHook(() => useRoadmapTask('roadmap-2025-2026-07'));
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current?.status).toBe('planned'));
    const row = (await roadmapRepo.get('roadmap-2025-2026-07'))!;
    await roadmapRepo.save({ ...stripEnvelope(row), status: 'done', doneOn: '2025-10-30' }, row.id);
    await waitFor(() => expect(result.current).toMatchObject({ status: 'done', doneOn: '2025-10-30' }));
    await roadmapRepo.remove(row.id);
    await waitFor(() => expect(result.current).toBeNull());
  });
});
