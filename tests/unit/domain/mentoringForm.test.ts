import { describe, expect, it } from 'vitest';
import { allowedForms, DEFAULT_MENTORING_FORMS, type MentoringFormRule } from '../../../src/domain/mentoringForm';
import { mentoringFormInputSchema } from '../../../src/domain/mentoringForm.schema';
import type { PersonCategory } from '../../../src/domain/person';
import { fieldErrors } from '../../../src/domain/zodErrors';

const as = (category: PersonCategory) => ({ category });
const ids = (forms: MentoringFormRule[]) => forms.map((f) => f.id);

describe('mentoring forms', () => {
  it('ships the federal five and the school’s two, with stable ids, each valid by its own schema', () => {
    expect(ids([...DEFAULT_MENTORING_FORMS])).toEqual([
      'student-student',
      'teacher-teacher',
      'collegeStudent-student',
      'employer-student',
      'employer-collegeStudent',
      'teacher-student',
      'mentor-teacher',
    ]);
    expect(DEFAULT_MENTORING_FORMS.filter((f) => f.isFederal)).toHaveLength(5);
    for (const { id: _id, ...fields } of DEFAULT_MENTORING_FORMS) expect(mentoringFormInputSchema.parse(fields)).toEqual(fields);
  });

  it('allows a pair by the categories of mentor and mentee', () => {
    expect(ids(allowedForms(as('teacher'), as('student'), DEFAULT_MENTORING_FORMS))).toEqual(['teacher-student']);
    expect(ids(allowedForms(as('student'), as('student'), DEFAULT_MENTORING_FORMS))).toEqual(['student-student']);
    expect(ids(allowedForms(as('graduate'), as('student'), DEFAULT_MENTORING_FORMS))).toEqual(['collegeStudent-student']);
    expect(ids(allowedForms(as('partnerRep'), as('student'), DEFAULT_MENTORING_FORMS))).toEqual(['employer-student']);
    expect(ids(allowedForms(as('partnerRep'), as('graduate'), DEFAULT_MENTORING_FORMS))).toEqual(['employer-collegeStudent']);
    expect(ids(allowedForms(as('partnerRep'), as('teacher'), DEFAULT_MENTORING_FORMS))).toEqual(['mentor-teacher']);
    expect(allowedForms(as('student'), as('teacher'), DEFAULT_MENTORING_FORMS)).toEqual([]);
    expect(allowedForms(as('parent'), as('student'), DEFAULT_MENTORING_FORMS)).toEqual([]);
  });

  it('puts the most specific form first, whatever order the list comes in, and skips deleted forms', () => {
    const reversed = [...DEFAULT_MENTORING_FORMS].reverse();
    expect(ids(allowedForms(as('teacher'), as('teacher'), reversed))).toEqual(['teacher-teacher', 'mentor-teacher']);
    const own: MentoringFormRule = { id: 'a-own', name: 'Своя', mentorCategories: ['teacher'], menteeCategories: ['teacher'] };
    expect(ids(allowedForms(as('teacher'), as('teacher'), [own, ...reversed]))).toEqual(['teacher-teacher', 'a-own', 'mentor-teacher']);
    const gone = DEFAULT_MENTORING_FORMS.map((f) => ({ ...f, deleted: f.id === 'teacher-teacher' }));
    expect(ids(allowedForms(as('teacher'), as('teacher'), gone))).toEqual(['mentor-teacher']);
  });

  it('names each wrong field in Russian', () => {
    const r = mentoringFormInputSchema.safeParse({ name: ' ', mentorCategories: [], menteeCategories: ['student', 'student'] });
    expect(fieldErrors(r.error!)).toEqual({
      name: 'Укажите название формы',
      mentorCategories: 'Выберите, кто может быть наставником',
      menteeCategories: 'Категория указана дважды',
    });
    const bad = mentoringFormInputSchema.safeParse({ name: 'Х', mentorCategories: ['pupil'], menteeCategories: ['student'] });
    expect(fieldErrors(bad.error!)['mentorCategories.0']).toBe('Неизвестная категория участника');
  });
});
