// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { useEvent, useEvents } from '../../../src/data/events';
import { eventInputSchema } from '../../../src/domain/event.schema';
import { stripEnvelope } from '../../../src/domain/envelope';
import { getDb } from '../../../src/storage/db';
import { eventsRepo } from '../../../src/storage/repositories';

afterEach(async () => {
  cleanup();
  await Promise.all(getDb().tables.map((t) => t.clear()));
});

const event = (title: string) => eventInputSchema.parse({ kind: 'finalGame', title, date: '2026-05-20' });

describe('the events hooks', () => {
  it('useEvents is undefined while read, empty on a new device, then follows a new event and a deletion', async () => {
    const { result } = renderHook(() => useEvents());
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current).toEqual([]));
    const a = await eventsRepo.save(event('Итоговая деловая игра'));
    await eventsRepo.save(event('Фестиваль наставничества'));
    await waitFor(() => expect(result.current?.map((e) => e.title).sort()).toEqual(['Итоговая деловая игра', 'Фестиваль наставничества']));
    await eventsRepo.remove(a.id);
    await waitFor(() => expect(result.current?.map((e) => e.title)).toEqual(['Фестиваль наставничества']));
  });

  it('useEvent is null for an unknown id, follows an edit, and is null again once the event is deleted', async () => {
    const missing = renderHook(() => useEvent('нет-такого'));
    await waitFor(() => expect(missing.result.current).toBeNull());
    const e = await eventsRepo.save(event('Итоговая деловая игра'));
    const { result } = renderHook(() => useEvent(e.id));
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current?.title).toBe('Итоговая деловая игра'));
    await eventsRepo.save({ ...stripEnvelope(e), attendeeIds: ['p1'] }, e.id);
    await waitFor(() => expect(result.current?.attendeeIds).toEqual(['p1']));
    await eventsRepo.remove(e.id);
    await waitFor(() => expect(result.current).toBeNull());
  });

  it('useEvent follows its id', async () => {
    const a = await eventsRepo.save(event('Первое'));
    const b = await eventsRepo.save(event('Второе'));
    const { result, rerender } = renderHook(({ id }) => useEvent(id), { initialProps: { id: a.id } });
    await waitFor(() => expect(result.current?.title).toBe('Первое'));
    rerender({ id: b.id });
    await waitFor(() => expect(result.current?.title).toBe('Второе'));
  });
});
