// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { useNetworkingEvents } from '../../../src/data/networking';
import { getDb } from '../../../src/storage/db';
import { eventsRepo } from '../../../src/storage/repositories';
import { eventInputSchema } from '../../../src/domain/event.schema';

const event = (kind: 'networking' | 'finalGame', title: string) => eventInputSchema.parse({ kind, title, date: '2025-10-01' });

afterEach(async () => {
  cleanup();
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('the networking hooks', () => {
  it('useNetworkingEvents lists the live networking meetings only', async () => {
    const { result } = renderHook(() => useNetworkingEvents());
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current).toEqual([]));
    await eventsRepo.save(event('finalGame', 'Итоговая игра'));
    const a = await eventsRepo.save(event('networking', 'Знакомство'));
    await eventsRepo.save(event('networking', 'Второй нетворкинг'));
    await waitFor(() => expect(result.current?.map((e) => e.title).sort()).toEqual(['Второй нетворкинг', 'Знакомство']));
    await eventsRepo.remove(a.id);
    await waitFor(() => expect(result.current?.map((e) => e.title)).toEqual(['Второй нетворкинг']));
  });
});
