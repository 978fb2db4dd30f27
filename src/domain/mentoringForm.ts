import type { z } from 'zod';
import type { Stored } from './envelope';
import type { PersonCategory } from './person';
import type { TablePersonalData } from './personalData';
import type { mentoringFormInputSchema } from './mentoringForm.schema';

export type MentoringFormInput = z.input<typeof mentoringFormInputSchema>;
export type MentoringFormFields = z.output<typeof mentoringFormInputSchema>;

/** Personal data of this table and what erasure leaves of it (src/domain/personalData.ts, docs/ERASURE.md). */
export const MENTORING_FORM_PERSONAL_DATA: TablePersonalData<MentoringFormFields> = {
  personal: {},
  kept: ['name', 'mentorCategories', 'menteeCategories', 'isFederal', 'description'],
  action: 'anonymise',
};
export type MentoringForm = Stored<MentoringFormFields>;

/** What matching and the pickers need of a form; stored records and the built-in list both fit. */
export interface MentoringFormRule {
  id: string;
  name: string;
  mentorCategories: readonly PersonCategory[];
  menteeCategories: readonly PersonCategory[];
  isFederal?: boolean;
  deleted?: boolean;
}

export type BuiltInMentoringForm = MentoringFormFields & { id: string };

/**
 * The federal model's five forms and the school's own two (its roadmap names «учитель – ученик» and
 * «ментор – учитель»). Ids are stable: the storage layer seeds them under these ids, so two devices that seed
 * independently hold the same records instead of duplicates.
 *
 * Mapping the model's words onto our categories:
 * - «студент» is a student of a college or university. The school meets such people as its own graduates
 *   (`graduate`), so that is the category; a partner college's student who is not an alumnus is registered as a
 *   graduate too, or the curator adds `partnerRep` to the form.
 * - «работодатель» is an employee of a partner organisation (`partnerRep`).
 * - «ментор» in «ментор – учитель» is an experienced professional: an experienced teacher or a partner's
 *   employee. Experience is not recorded, so the form admits both categories and the curator judges.
 * Parents have no built-in form; a school that involves them adds its own.
 */
export const DEFAULT_MENTORING_FORMS: readonly BuiltInMentoringForm[] = [
  {
    id: 'student-student',
    name: 'Ученик – ученик',
    mentorCategories: ['student'],
    menteeCategories: ['student'],
    isFederal: true,
    description: 'Старший или более успешный обучающийся помогает другому обучающемуся.',
  },
  {
    id: 'teacher-teacher',
    name: 'Учитель – учитель',
    mentorCategories: ['teacher'],
    menteeCategories: ['teacher'],
    isFederal: true,
    description: 'Опытный педагог помогает молодому специалисту или педагогу, осваивающему новое.',
  },
  {
    id: 'collegeStudent-student',
    name: 'Студент – ученик',
    mentorCategories: ['graduate'],
    menteeCategories: ['student'],
    isFederal: true,
    description: 'Студент колледжа или вуза (чаще выпускник школы) помогает обучающемуся.',
  },
  {
    id: 'employer-student',
    name: 'Работодатель – ученик',
    mentorCategories: ['partnerRep'],
    menteeCategories: ['student'],
    isFederal: true,
    description: 'Сотрудник организации-партнёра помогает обучающемуся в профессиональном самоопределении.',
  },
  {
    id: 'employer-collegeStudent',
    name: 'Работодатель – студент',
    mentorCategories: ['partnerRep'],
    menteeCategories: ['graduate'],
    isFederal: true,
    description: 'Сотрудник организации-партнёра помогает студенту (выпускнику школы).',
  },
  {
    id: 'teacher-student',
    name: 'Учитель – ученик',
    mentorCategories: ['teacher'],
    menteeCategories: ['student'],
    isFederal: false,
    description: 'Педагог помогает обучающемуся.',
  },
  {
    id: 'mentor-teacher',
    name: 'Ментор – учитель',
    mentorCategories: ['teacher', 'partnerRep'],
    menteeCategories: ['teacher'],
    isFederal: false,
    description: 'Опытный педагог или специалист организации-партнёра помогает педагогу.',
  },
];

/** Fewer admitted combinations = more specific; a teacher→teacher pair is «учитель – учитель» before «ментор – учитель». */
const breadth = (f: MentoringFormRule) => f.mentorCategories.length * f.menteeCategories.length;

/**
 * The forms that admit this mentor and this mentee, best first: the most specific form, then federal before the
 * school's own, then by id. The order does not depend on the order of `forms`, because stored forms come back in
 * whatever order the database keeps them.
 */
export function allowedForms<F extends MentoringFormRule>(
  mentor: { category: PersonCategory },
  mentee: { category: PersonCategory },
  forms: readonly F[],
): F[] {
  return forms
    .filter((f) => !f.deleted && f.mentorCategories.includes(mentor.category) && f.menteeCategories.includes(mentee.category))
    .sort(compareForms);
}

export function compareForms(a: MentoringFormRule, b: MentoringFormRule): number {
  return (
    breadth(a) - breadth(b) ||
    Number(Boolean(b.isFederal)) - Number(Boolean(a.isFederal)) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
