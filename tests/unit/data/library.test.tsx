// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { useHeldFileIds, useMaterials, usePractices } from '../../../src/data/library';
import { practiceInputSchema } from '../../../src/domain/practice.schema';
import { getDb } from '../../../src/storage/db';
import { practicesRepo } from '../../../src/storage/repositories';
import { addMaterial, completeWithDocument, ensureRoadmap, removeMaterial } from '../../../src/storage/yearWork';

afterEach(async () => {
  cleanup();
  await Promise.all(getDb().tables.map((t) => t.clear()));
});

const material = (title: string) => ({ title, description: '', audience: 'mentor' as const, formIds: [], fileName: `${title}.pdf`, mimeType: 'application/pdf', size: 4, roadmapTaskId: '' });
const pdf = () => new Blob(['%PDF'], { type: 'application/pdf' });

describe('the library hooks', () => {
  it('useMaterials lists every live material, a roadmap row’s document included, and drops a deleted one', async () => {
    const { result } = renderHook(() => useMaterials());
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current).toEqual([]));
    const a = await addMaterial(material('Памятка'), pdf());
    await ensureRoadmap('2025/2026');
    await completeWithDocument('roadmap-2025-2026-10', { name: 'Приказ.pdf', type: 'application/pdf', size: 4, blob: pdf() }, '2025-11-20');
    await waitFor(() => expect(result.current?.map((m) => m.roadmapTaskId).sort()).toEqual(['', 'roadmap-2025-2026-10']));
    await removeMaterial(a.id);
    await waitFor(() => expect(result.current?.map((m) => m.fileName)).toEqual(['Приказ.pdf']));
  });

  it('useHeldFileIds holds the materials whose file is on this device, not one that arrived without it', async () => {
    const { result } = renderHook(() => useHeldFileIds());
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current?.size).toBe(0));
    const a = await addMaterial(material('Памятка'), pdf());
    await waitFor(() => expect([...(result.current ?? [])]).toEqual([a.id]));
    await getDb().files.clear(); // what a material that came in a file without its attachment looks like here
    await waitFor(() => expect(result.current?.size).toBe(0));
  });

  it('usePractices is undefined while read, follows a new entry and drops a deleted one', async () => {
    const { result } = renderHook(() => usePractices());
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current).toEqual([]));
    const p = await practicesRepo.save(practiceInputSchema.parse({ title: 'Проектная лаборатория', authorIds: ['t1'], academicYear: '2025/2026', description: 'Проекты в парах' }));
    await practicesRepo.save(practiceInputSchema.parse({ title: 'Клуб дебатов', authorIds: ['t1'], academicYear: '2025/2026', description: 'Дебаты' }));
    await waitFor(() => expect(result.current?.map((x) => x.title).sort()).toEqual(['Клуб дебатов', 'Проектная лаборатория']));
    await practicesRepo.remove(p.id);
    await waitFor(() => expect(result.current?.map((x) => x.title)).toEqual(['Клуб дебатов']));
  });
});
