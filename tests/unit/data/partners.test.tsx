// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { usePartner, usePartnerRepresentatives } from '../../../src/data/partners';
import { getDb } from '../../../src/storage/db';
import { partnersRepo, peopleRepo } from '../../../src/storage/repositories';
import { partnerInputSchema } from '../../../src/domain/partner.schema';

const partner = (name: string) => partnerInputSchema.parse({ name, kind: 'enterprise' });
const person = (lastName: string, partnerId: string) => ({ lastName, firstName: 'Иван', middleName: '', category: 'partnerRep' as const, classLabel: '', birthDate: '', phone: '', email: '', roles: ['mentor' as const], interests: [], competencies: [], partnerId, notes: '' });

afterEach(async () => {
  cleanup();
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('the partners’ hooks', () => {
  it('usePartner is null without an id or for an unknown one, follows its partner, and is null once deleted', async () => {
    const none = renderHook(() => usePartner(undefined));
    const unknown = renderHook(() => usePartner('nope'));
    await waitFor(() => expect(none.result.current).toBeNull());
    await waitFor(() => expect(unknown.result.current).toBeNull());
    const p = await partnersRepo.save(partner('АО «Завод»'));
    const { result } = renderHook(() => usePartner(p.id));
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current?.name).toBe('АО «Завод»'));
    await partnersRepo.save(partner('АО «Новый завод»'), p.id);
    await waitFor(() => expect(result.current?.name).toBe('АО «Новый завод»'));
    await partnersRepo.remove(p.id);
    await waitFor(() => expect(result.current).toBeNull());
  });

  it('usePartnerRepresentatives holds the live people of that partner only', async () => {
    const p = await partnersRepo.save(partner('АО «Завод»'));
    const q = await partnersRepo.save(partner('Колледж'));
    await peopleRepo.save(person('Чужой', q.id));
    const { result } = renderHook(() => usePartnerRepresentatives(p.id));
    await waitFor(() => expect(result.current).toEqual([]));
    const a = await peopleRepo.save(person('Петров', p.id));
    await peopleRepo.save(person('Орлов', p.id));
    await waitFor(() => expect(result.current?.map((x) => x.lastName).sort()).toEqual(['Орлов', 'Петров']));
    await peopleRepo.remove(a.id);
    await waitFor(() => expect(result.current?.map((x) => x.lastName)).toEqual(['Орлов']));
  });
});
