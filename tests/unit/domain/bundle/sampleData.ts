import { stampRecord } from '../../../../src/domain/envelope';
import { encodeHlc } from '../../../../src/domain/hlc';
import { type PersonInput } from '../../../../src/domain/person';
import { personInputSchema } from '../../../../src/domain/person.schema';
import { schoolInputSchema } from '../../../../src/domain/school.schema';
import { mentorshipInputSchema } from '../../../../src/domain/mentorship.schema';
import { meetingInputSchema } from '../../../../src/domain/meeting.schema';
import { planInputSchema, planItemInputSchema } from '../../../../src/domain/plan.schema';
import { consentInputSchema } from '../../../../src/domain/consent.schema';
import type { VersionedRecord } from '../../../../src/domain/envelope';
import { buildBundle, type Bundle, type BundleInput, type KeptValueEntry } from '../../../../src/domain/bundle/format';
import type { SyncedTable } from '../../../../src/domain/syncedTables';

export const DEVICE = 'a1b2c3d4e5f6a7b8c9';
export const SCHOOL_ID = 'school-14';
let counter = 0;

/** A record as the repository would write it on DEVICE, with a fixed, increasing clock. */
export function rec(fields: object, id: string, opts: { device?: string; existing?: VersionedRecord; deleted?: boolean } = {}): VersionedRecord {
  const deviceId = opts.device ?? DEVICE;
  counter += 1;
  const wall = Date.UTC(2025, 9, 1) + counter;
  const ctx = { hlc: encodeHlc({ wall, counter: 0, deviceId }), deviceId, now: new Date(wall).toISOString() };
  return stampRecord(opts.existing, fields, ctx, { id, deleted: opts.deleted }) as VersionedRecord;
}

export const person = (id: string, input: Partial<PersonInput> = {}) =>
  rec(
    personInputSchema.parse({
      lastName: 'Петров',
      firstName: 'Иван',
      category: 'student',
      classLabel: '7Б',
      birthDate: '2012-03-01',
      phone: '+7 900 000-00-00',
      ...input,
    }),
    id,
  );

/** A small school: two pairs with their people, plans, meetings and consents, plus one outsider. */
export function sampleTables(): Partial<Record<SyncedTable, VersionedRecord[]>> {
  const pair = (id: string, mentor: string, mentee: string) =>
    rec(mentorshipInputSchema.parse({ formId: 'form-1', mentorIds: [mentor], menteeIds: [mentee], status: 'active', startDate: '2025-10-01' }), id);
  return {
    school: [rec(schoolInputSchema.parse({ name: 'МБОУ «Школа № 14»', academicYear: '2025/2026', studentsTotal: 600, teachersTotal: 50 }), SCHOOL_ID)],
    people: [
      person('t1', { lastName: 'Иванова', firstName: 'Мария', category: 'teacher', classLabel: '', birthDate: '1980-05-05', roles: ['mentor'] }),
      person('s1', { roles: ['mentee'] }),
      person('t2', { lastName: 'Смирнов', firstName: 'Олег', category: 'teacher', classLabel: '', birthDate: '1975-01-01' }),
      person('s2', { firstName: 'Пётр', email: 'petr@example.ru' }),
      person('x9', { lastName: 'Посторонний', firstName: 'Гость', birthDate: '2011-11-11' }),
    ],
    mentoringForms: [rec({ name: 'Учитель — ученик', mentorCategories: ['teacher'], menteeCategories: ['student'] }, 'form-1')],
    mentorships: [pair('m1', 't1', 's1'), pair('m2', 't2', 's2')],
    plans: [rec(planInputSchema.parse({ mentorshipId: 'm1', title: 'План пары 1' }), 'p1'), rec(planInputSchema.parse({ mentorshipId: 'm2', title: 'План 2' }), 'p2')],
    planItems: [
      rec(planItemInputSchema.parse({ planId: 'p1', title: 'Знакомство', dueDate: '2025-10-15' }), 'i1'),
      rec(planItemInputSchema.parse({ planId: 'p2', title: 'Проект' }), 'i2'),
    ],
    meetings: [
      rec(meetingInputSchema.parse({ mentorshipId: 'm1', kind: 'intro', date: '2025-10-02', attendeeIds: ['t1', 's1', 'x9'] }), 'mt1'),
      rec(meetingInputSchema.parse({ mentorshipId: 'm2', kind: 'intro', date: '2025-10-03' }), 'mt2'),
    ],
    consents: [
      rec(consentInputSchema.parse({ personId: 's1', signedOn: '2025-10-01', signer: 'representative', representativeName: 'Петрова Анна' }), 'c1'),
      rec(consentInputSchema.parse({ personId: 's2', signedOn: '2025-10-01', signer: 'representative', representativeName: 'Смирнова Ольга' }), 'c2'),
      rec(consentInputSchema.parse({ personId: 'x9', signedOn: '2025-10-01', signer: 'representative', representativeName: 'Гостева Анна' }), 'c9'),
    ],
    questionnaires: [
      rec({ title: 'Входная анкета', role: 'mentee', formIds: [], beforeAfter: true, description: '', questions: [{ id: 'q1', kind: 'scale', text: 'Мотивация', options: [] }] }, 'q1'),
    ],
    responses: [
      rec({ questionnaireId: 'q1', respondentId: 's1', mentorshipId: 'm1', phase: 'start', answeredOn: '2025-10-01', answers: { q1: 7 } }, 'r1'),
      rec({ questionnaireId: 'q1', respondentId: 's2', mentorshipId: 'm2', phase: 'start', answeredOn: '2025-10-01', answers: { q1: 5 } }, 'r2'),
    ],
    orders: [rec({ kind: 'fixMentorships', number: '12', date: '2025-10-05', title: 'О закреплении', mentorshipIds: ['m1', 'm2'] }, 'o1')],
  };
}

export function sampleInput(over: Partial<BundleInput> = {}): BundleInput {
  return {
    appVersion: '0.1.0',
    schemaVersion: 1,
    createdAt: '2025-10-10T08:00:00.000Z',
    device: { id: DEVICE, name: 'Телефон куратора' },
    school: { id: SCHOOL_ID, name: 'МБОУ «Школа № 14»' },
    scope: { kind: 'school' },
    tables: sampleTables(),
    conflicts: [] as KeptValueEntry[],
    ...over,
  };
}

export const sampleBundle = (over: Partial<BundleInput> = {}): Promise<Bundle> => buildBundle(sampleInput(over));
