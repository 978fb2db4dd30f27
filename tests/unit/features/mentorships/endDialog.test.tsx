// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { StatusActions } from '../../../../src/features/mentorships/StatusActions';
import { getDb } from '../../../../src/storage/db';
import { mentorshipsRepo, peopleRepo } from '../../../../src/storage/repositories';
import { type Mentorship } from '../../../../src/domain/mentorship';
import { mentorshipInputSchema } from '../../../../src/domain/mentorship.schema';

// jsdom has no modal dialogs: showModal/close only toggle `open`, which is what the component relies on.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };
});

afterEach(async () => {
  cleanup();
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
});

const person = (lastName: string, category: 'teacher' | 'student') => ({ lastName, firstName: 'Анна', middleName: '', category, classLabel: category === 'student' ? '7Б' : '', birthDate: category === 'student' ? '2012-04-02' : '', phone: '', email: '', roles: [], interests: [], competencies: [], partnerId: '', notes: '' });

async function activePair(): Promise<Mentorship> {
  const t = await peopleRepo.save({ ...person('Петрова', 'teacher'), roles: ['mentor'] });
  const s = await peopleRepo.save({ ...person('Семёнова', 'student'), roles: ['mentee'] });
  return mentorshipsRepo.save(mentorshipInputSchema.parse({ formId: 'teacher-student', mentorIds: [t.id], menteeIds: [s.id], status: 'active', startDate: '2025-10-01' }));
}

describe('the end-of-work dialog (react-hook-form over the pair’s own rules)', () => {
  it('an early end without a reason is said under «Причина» and changes nothing; with one, the pair is interrupted', async () => {
    const m = await activePair();
    render(<StatusActions mentorship={m} />);
    fireEvent.click(screen.getByRole('button', { name: 'Прервать досрочно' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Прервать' }));
    expect(await screen.findByText('Укажите причину, по которой работа прервана')).toBeTruthy();
    expect((await mentorshipsRepo.get(m.id))?.status).toBe('active');

    fireEvent.change(screen.getByLabelText(/Причина/), { target: { value: 'Переезд семьи' } });
    fireEvent.click(screen.getByRole('button', { name: 'Прервать' }));
    await waitFor(async () => expect((await mentorshipsRepo.get(m.id))?.status).toBe('interrupted'));
    expect((await mentorshipsRepo.get(m.id))?.endReason).toBe('Переезд семьи');
    expect(screen.queryByLabelText(/Причина/)).toBeNull();
  });

  it('a typed reason stays while the dialog is open, and a cancelled dialog opens empty again', async () => {
    const m = await activePair();
    render(<StatusActions mentorship={m} />);
    fireEvent.click(screen.getByRole('button', { name: 'Прервать досрочно' }));
    fireEvent.change(screen.getByLabelText(/Причина/), { target: { value: 'Смена школы' } });
    await new Promise((r) => setTimeout(r, 0));
    expect((screen.getByLabelText(/Причина/) as HTMLTextAreaElement).value).toBe('Смена школы');
    fireEvent.click(screen.getByRole('button', { name: 'Отмена' }));
    expect(screen.queryByLabelText(/Причина/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Прервать досрочно' }));
    expect((screen.getByLabelText(/Причина/) as HTMLTextAreaElement).value).toBe('');
    expect((await mentorshipsRepo.get(m.id))?.status).toBe('active');
  });
});
