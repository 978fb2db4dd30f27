#!/usr/bin/env node
// A synthetic large school for benchmarks and, later, for tests of merging, reports and indicators.
//
//   node bench/generate.mjs [--seed 1] [--out bench/out/school.json] [--validate]
//
// `generateSchool(seed)` is pure and deterministic: the same seed gives byte-identical JSON (checked by
// `--check-determinism`). The counts are in COUNTS; the shape of each record is in bench/lib/records.mjs.
// `--validate` checks people, partners, the school and every envelope against the app's own zod schemas
// (src/domain, loaded through Vite), so the data stays something the app could have written.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apportion, stableId, streamFor } from './lib/random.mjs';
import * as R from './lib/records.mjs';
import * as W from './lib/words.mjs';

export const COUNTS = {
  students: 1500,
  teachers: 200,
  parents: 160,
  graduates: 80,
  partnerReps: 60, // people: 2,000 in all
  partners: 60,
  mentorships: 400,
  meetings: 8000,
  planItems: 20000, // over one plan per mentorship: 400 plans
  // plus 3 orders, 2 events (networking, final game) and ~600 networking preferences
  responses: 2500,
  answersPerResponse: 20, // 2,500 responses × 20 answers = 50,000 answers
  recognitions: 40, // half of them given by the May order «О поощрении наставников»
  practices: 12,
};

/** The day the data describes: late May of the academic year, before the final event. */
export const AS_OF = '2026-05-25';
export const ACADEMIC_YEAR = '2025/2026';

const DAY = 86_400_000;
const ms = (d) => Date.parse(`${d}T00:00:00Z`);
const isoDate = (t) => new Date(t).toISOString().slice(0, 10);
const addDays = (d, n) => isoDate(ms(d) + n * DAY);
const daysBetween = (a, b) => Math.round((ms(b) - ms(a)) / DAY);
const minDate = (a, b) => (a < b ? a : b);

function ageOn(birth, on) {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Random helpers over one stream that know about dates. */
function dated(rng) {
  return {
    ...rng,
    dateBetween: (a, b) => addDays(a, rng.int(0, Math.max(0, daysBetween(a, b)))),
    /** A moment on `date`, between 00:00 and 12:00 UTC (09:00–22:00 in the Far East, where the seed school is). */
    timeOn: (date) => new Date(ms(date) + rng.int(0, 12 * 3600 - 1) * 1000).toISOString(),
    phone: () =>
      `+7 9${String(rng.int(0, 99)).padStart(2, '0')} ${rng.int(100, 999)}-${String(rng.int(0, 99)).padStart(2, '0')}-${String(rng.int(0, 99)).padStart(2, '0')}`,
    some: (list, min, max) => rng.sample(list, rng.int(min, max)),
  };
}

/** Surnames follow a long tail: a few are common (a search for «Иванов» finds a handful, as in a real school). */
function surnamePicker(rng) {
  const weights = W.SURNAMES.map((s, i) => [s, 1 / Math.sqrt(i + 3)]);
  return () => rng.weighted(weights);
}

const gendered = (base, female) => (female ? W.feminineSurname(base) : base);
const patronymic = (father, female) => W.PATRONYMICS[father][female ? 1 : 0];
const fullName = (p) => [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');

export function generateSchool(seed = 1) {
  const stamp = R.makeStamper();
  const idOf = (table, i) => stableId(seed, table, i);
  const tables = {};

  // ---- school ------------------------------------------------------------------------------------------------
  tables.school = [
    stamp(
      idOf('school', 0),
      R.school({
        name: 'МБОУ «Средняя общеобразовательная школа № 47 с углублённым изучением отдельных предметов»',
        academicYear: ACADEMIC_YEAR,
        studentsTotal: 1620,
        teachersTotal: 212,
        consentAge: 14,
        directorName: 'Соколова Ирина Викторовна',
        curatorName: 'Павлов Дмитрий Андреевич',
      }),
      { createdAt: '2025-08-25T01:00:00.000Z' },
    ),
  ];

  // ---- partners (people of category partnerRep point at them) ---------------------------------------------------
  const partnerKinds = { enterprise: 24, college: 8, university: 5, school: 5, ngo: 8, government: 4, culture: 5, other: 1 };
  {
    const rng = dated(streamFor(seed, 'partners'));
    const names = Object.entries(partnerKinds).flatMap(([kind, n]) =>
      rng.sample(W.PARTNER_NAMES[kind], n).map((name) => ({ kind, name })),
    );
    if (names.length !== COUNTS.partners) throw new Error('partner kinds must add up to COUNTS.partners');
    tables.partners = names.map(({ kind, name }, i) => {
      const female = rng.chance(0.6);
      const contact = `${gendered(rng.pick(W.SURNAMES), female)} ${rng.pick(female ? W.WOMAN_NAMES : W.MAN_NAMES)} ${patronymic(rng.pick(W.OLD_FATHERS), female)}`;
      const agreementDate = rng.dateBetween('2025-08-20', '2025-10-20');
      const createdAt = rng.timeOn(agreementDate);
      return stamp(
        idOf('partners', i),
        R.partner({
          name,
          kind,
          contactPerson: contact,
          phone: rng.phone(),
          email: `info${i + 1}@partner${i + 1}.example.org`,
          agreementNumber: `${rng.int(1, 99)}/2025`,
          agreementDate,
          notes: rng.chance(0.1) ? 'Соглашение о сотрудничестве на 3 года' : '',
        }),
        { createdAt },
      );
    });
  }

  // ---- people ----------------------------------------------------------------------------------------------------
  // Facts kept beside each person for the later tables (never written): family, grade, father's name.
  const facts = [];
  const peopleFields = [];
  {
    const rng = dated(streamFor(seed, 'people'));
    const surname = surnamePicker(rng);
    const add = (fields, fact) => {
      peopleFields.push(R.person(fields));
      facts.push(fact);
    };
    const emailFor = (last, first, i) => `${W.translit(first)[0]}.${W.translit(last)}${i}@example.org`;

    // Students: 33 classes, 1А–11В. Born between September and August of the right years for the grade in
    // 2025/2026 (grade 1: September 2017 – August 2018), a few a year older.
    const classes = [];
    for (let g = 1; g <= 11; g++) for (const l of W.CLASS_LETTERS) classes.push({ grade: g, label: `${g}${l}` });
    const sizes = apportion(
      COUNTS.students,
      classes.map(() => 1 + rng.next() * 0.3),
    );
    classes.forEach((c, ci) => {
      const importedAt = rng.timeOn(rng.dateBetween('2025-08-28', '2025-09-15'));
      for (let k = 0; k < sizes[ci]; k++) {
        const female = rng.chance(0.5);
        const base = surname();
        const father = rng.pick(W.YOUNG_FATHERS);
        const older = rng.chance(0.05) ? 1 : 0;
        const birthDate = rng.dateBetween(`${2017 - c.grade - older}-09-01`, `${2018 - c.grade - older}-08-31`);
        const mentor = c.grade >= 8 ? rng.chance(0.28) : c.grade >= 5 ? rng.chance(0.1) : false;
        const mentee = rng.chance(c.grade <= 4 ? 0.45 : c.grade <= 9 ? 0.65 : 0.5);
        const lastName = gendered(base, female);
        const firstName = rng.pick(female ? W.GIRL_NAMES : W.BOY_NAMES);
        add(
          {
            lastName,
            firstName,
            middleName: rng.chance(0.01) ? '' : patronymic(father, female),
            category: 'student',
            classLabel: c.label,
            birthDate,
            phone: c.grade >= 7 && rng.chance(0.5) ? rng.phone() : '',
            email: c.grade >= 9 && rng.chance(0.2) ? emailFor(lastName, firstName, peopleFields.length) : '',
            roles: [...(mentor ? ['mentor'] : []), ...(mentee ? ['mentee'] : [])],
            interests: rng.some(W.INTERESTS, 0, 3),
            competencies: mentor ? rng.some(['олимпиадная подготовка', 'проектная деятельность', 'программирование', 'публичные выступления'], 0, 1) : [],
            notes: rng.chance(0.03) ? (female ? 'Переведена из другой школы' : 'Переведён из другой школы') : '',
          },
          { base, father, female, grade: c.grade, createdAt: importedAt },
        );
      }
    });
    const studentCount = facts.length;

    const adult = (category, { born, female, mentor, mentee, extra = {}, fact = {} }) => {
      const base = fact.base ?? surname();
      const lastName = gendered(base, female);
      const firstName = fact.firstName ?? rng.pick(female ? W.WOMAN_NAMES : W.MAN_NAMES);
      const birthDate = rng.dateBetween(`${born[0]}-01-01`, `${born[1]}-12-31`);
      add(
        {
          lastName,
          firstName,
          middleName: patronymic(rng.pick(W.OLD_FATHERS), female),
          category,
          birthDate,
          phone: rng.phone(),
          email: rng.chance(0.8) ? emailFor(lastName, firstName, peopleFields.length) : '',
          roles: [...(mentor ? ['mentor'] : []), ...(mentee ? ['mentee'] : [])],
          ...extra,
        },
        { base, female, createdAt: rng.timeOn(rng.dateBetween('2025-08-26', '2025-10-31')), ...fact },
      );
    };

    for (let i = 0; i < COUNTS.teachers; i++) {
      const young = rng.chance(0.15);
      adult('teacher', {
        born: young ? [1996, 2002] : [1960, 1995],
        female: rng.chance(0.8),
        mentor: !young && rng.chance(0.4),
        mentee: young ? rng.chance(0.85) : rng.chance(0.04),
        extra: { competencies: [rng.pick(W.SUBJECTS), ...rng.some(W.COMPETENCIES, 0, 2)] },
      });
    }
    // Parents are parents of students here: same family name, a father's first name is his child's patronymic.
    const children = rng.sample([...Array(studentCount).keys()], COUNTS.parents);
    for (const child of children) {
      const c = facts[child];
      const female = rng.chance(0.75);
      const by = Number(peopleFields[child].birthDate.slice(0, 4));
      adult('parent', {
        born: [by - 40, by - 22],
        female,
        mentor: rng.chance(0.3),
        mentee: false,
        extra: {
          competencies: rng.some(W.COMPETENCIES, 0, 2),
          notes: `${female ? 'Мать' : 'Отец'}: ${peopleFields[child].lastName} ${peopleFields[child].firstName}, ${peopleFields[child].classLabel}`,
        },
        fact: { base: c.base, firstName: female ? undefined : c.father, childIndex: child },
      });
    }
    for (let i = 0; i < COUNTS.graduates; i++) {
      const graduated = rng.int(2016, 2025);
      adult('graduate', {
        born: [graduated - 18, graduated - 18],
        female: rng.chance(0.55),
        mentor: rng.chance(0.6),
        mentee: rng.chance(0.4),
        extra: { interests: rng.some(W.INTERESTS, 0, 2), competencies: rng.some(W.COMPETENCIES, 1, 2), notes: `Выпуск ${graduated} года` },
      });
    }
    // Representatives of partners: a third of the partners send none, enterprises send most.
    const partnerPool = tables.partners.filter(() => rng.chance(0.7));
    for (let i = 0; i < COUNTS.partnerReps; i++) {
      const p = rng.weighted(partnerPool.map((x) => [x, x.kind === 'enterprise' ? 3 : 1]));
      adult('partnerRep', {
        born: [1965, 2000],
        female: rng.chance(0.45),
        mentor: rng.chance(0.85),
        mentee: false,
        extra: { partnerId: p.id, competencies: rng.some(W.COMPETENCIES, 1, 3) },
      });
    }

    tables.people = peopleFields.map((fields, i) => {
      const edited = rng.chance(0.15);
      const createdAt = facts[i].createdAt;
      const updatedAt = edited ? rng.timeOn(rng.dateBetween(createdAt.slice(0, 10), '2026-05-20')) : createdAt;
      return stamp(idOf('people', i), fields, { createdAt, updatedAt: updatedAt < createdAt ? createdAt : updatedAt, writes: edited ? rng.int(2, 4) : 1 });
    });
  }
  const people = tables.people;

  // ---- mentoring forms ---------------------------------------------------------------------------------------
  const FORMS = [
    { name: 'Ученик — ученик', federal: true, mentorCategories: ['student'], menteeCategories: ['student'], share: 130, groups: 0.2 },
    { name: 'Учитель — учитель', federal: true, mentorCategories: ['teacher'], menteeCategories: ['teacher'], share: 45, groups: 0.1 },
    { name: 'Студент — ученик', federal: true, mentorCategories: ['graduate'], menteeCategories: ['student'], share: 40, groups: 0.2 },
    { name: 'Работодатель — ученик', federal: true, mentorCategories: ['partnerRep', 'parent'], menteeCategories: ['student'], share: 60, groups: 0.45 },
    { name: 'Работодатель — студент', federal: true, mentorCategories: ['partnerRep'], menteeCategories: ['graduate'], share: 15, groups: 0.2 },
    { name: 'Учитель — ученик', federal: false, mentorCategories: ['teacher'], menteeCategories: ['student'], share: 95, groups: 0.4 },
    { name: 'Ментор — учитель', federal: false, mentorCategories: ['partnerRep', 'teacher'], menteeCategories: ['teacher'], share: 15, groups: 0.1 },
  ];
  // The built-in forms' stable ids (src/domain/mentoringForm.ts DEFAULT_MENTORING_FORMS): the school edited them.
  const FORM_IDS = ['student-student', 'teacher-teacher', 'collegeStudent-student', 'employer-student', 'employer-collegeStudent', 'teacher-student', 'mentor-teacher'];
  tables.mentoringForms = FORMS.map((f, i) => stamp(FORM_IDS[i], R.mentoringForm(f), { createdAt: `2025-08-27T0${i}:00:00.000Z` }));

  // ---- mentorships -----------------------------------------------------------------------------------------------
  const mentorshipFacts = [];
  {
    const rng = dated(streamFor(seed, 'mentorships'));
    const load = new Map();
    const has = (p, role) => p.roles.includes(role);
    /** The least-loaded eligible person, ties broken at random: capacity is spread as a curator would. */
    const leastLoaded = (candidates) => {
      if (candidates.length === 0) return null;
      const min = Math.min(...candidates.map((p) => load.get(p.id) ?? 0));
      return rng.pick(candidates.filter((p) => (load.get(p.id) ?? 0) === min));
    };
    const gradeOf = new Map(people.map((p, i) => [p.id, facts[i].grade ?? 0]));
    const perForm = apportion(
      COUNTS.mentorships,
      FORMS.map((f) => f.share),
    );
    let index = 0;
    FORMS.forEach((form, fi) => {
      for (let k = 0; k < perForm[fi]; k++) {
        const group = rng.chance(form.groups);
        const mentorPool = people.filter((p) => has(p, 'mentor') && form.mentorCategories.includes(p.category));
        const mentors = [leastLoaded(mentorPool)];
        if (group && form.mentorCategories.includes('teacher') && rng.chance(0.15))
          mentors.push(leastLoaded(mentorPool.filter((p) => p.id !== mentors[0].id)));
        const mentorGrade = gradeOf.get(mentors[0].id);
        let menteePool = people.filter(
          (p) =>
            has(p, 'mentee') &&
            form.menteeCategories.includes(p.category) &&
            !mentors.some((m) => m.id === p.id) &&
            (!mentorGrade || gradeOf.get(p.id) <= mentorGrade - 2),
        );
        const size = group ? rng.int(4, 12) : 1;
        const mentees = [];
        for (let m = 0; m < size && menteePool.length > 0; m++) {
          const next = leastLoaded(menteePool);
          mentees.push(next);
          // A group gathers children of neighbouring grades.
          const g = gradeOf.get(next.id);
          menteePool = menteePool.filter((p) => p.id !== next.id && (!g || Math.abs(gradeOf.get(p.id) - g) <= 1));
        }
        for (const p of [...mentors, ...mentees]) load.set(p.id, (load.get(p.id) ?? 0) + 1);

        const status = rng.weighted([['finished', 58], ['active', 28], ['interrupted', 7], ['forming', 7]]);
        const startDate = status === 'forming' ? rng.dateBetween('2026-05-01', '2026-06-01') : rng.dateBetween('2025-09-15', '2025-11-30');
        const plannedEndDate =
          status === 'forming' ? rng.dateBetween('2027-04-15', '2027-05-31')
          : status === 'finished' ? rng.dateBetween('2026-03-31', '2026-05-22')
          : rng.dateBetween('2026-05-26', '2026-06-30');
        const endDate = status === 'finished' ? plannedEndDate : status === 'interrupted' ? addDays(startDate, rng.int(40, 150)) : '';
        const id = idOf('mentorships', index);
        const formedOn = status === 'forming' ? addDays(startDate, -rng.int(5, 20)) : addDays(startDate, -rng.int(1, 10));
        const atWork = form.mentorCategories.includes('partnerRep');
        mentorshipFacts.push({ id, status, startDate, plannedEndDate, endDate, mentors, mentees, group, atWork });
        tables.mentorships ??= [];
        tables.mentorships.push(
          stamp(
            id,
            R.mentorship({
              formId: tables.mentoringForms[fi].id,
              status,
              mentorIds: mentors.map((p) => p.id),
              menteeIds: mentees.map((p) => p.id),
              title: mentees.length > 1 ? `Группа «${rng.pick(W.GROUP_NAMES)}»` : '',
              goal: rng.pick(W.MENTORSHIP_GOALS),
              startDate,
              plannedEndDate,
              endDate,
              endReason: status === 'interrupted' ? rng.pick(W.REASONS_INTERRUPTED) : '',
            }),
            {
              createdAt: rng.timeOn(formedOn),
              updatedAt: rng.timeOn(status === 'forming' ? formedOn : minDate(endDate || AS_OF, AS_OF)),
              writes: status === 'forming' ? 1 : rng.int(2, 4),
            },
          ),
        );
        index++;
      }
    });
  }

  // ---- meetings ----------------------------------------------------------------------------------------------
  {
    const rng = dated(streamFor(seed, 'meetings'));
    const weights = mentorshipFacts.map((m) =>
      m.status === 'forming' ? 0 : m.status === 'interrupted' ? rng.int(6, 12) : rng.int(18, 28),
    );
    const perMentorship = apportion(COUNTS.meetings, weights);
    tables.meetings = [];
    mentorshipFacts.forEach((m, mi) => {
      const n = perMentorship[mi];
      const last = minDate(m.endDate || AS_OF, AS_OF);
      const dates = Array.from({ length: n }, () => {
        const d = rng.dateBetween(m.startDate, last);
        return new Date(ms(d)).getUTCDay() === 0 ? addDays(d, d < last ? 1 : -1) : d; // not on Sundays
      }).sort();
      dates.forEach((date, k) => {
        const kind =
          k === 0 ? 'intro' : k === 1 ? 'trial' : k === 2 ? 'planning' : k === n - 1 && m.status === 'finished' ? 'final' : 'work';
        const present = m.mentees.filter(() => rng.chance(m.group ? 0.85 : 0.95));
        const attendees = [...m.mentors, ...(present.length ? present : m.mentees.slice(0, 1))];
        const createdAt = rng.timeOn(date);
        tables.meetings.push(
          stamp(
            idOf('meetings', tables.meetings.length),
            R.meeting({
              mentorshipId: m.id,
              kind,
              date,
              durationMin: kind === 'intro' ? rng.pick([30, 40, 45]) : rng.pick([30, 40, 45, 45, 45, 60, 90]),
              place: m.atWork && rng.chance(0.3) ? 'на предприятии партнёра' : rng.pick(W.MEETING_PLACES),
              attendeeIds: attendees.map((p) => p.id),
              notes: rng.pick(W.MEETING_NOTES[kind]),
              nextSteps: kind !== 'final' && rng.chance(0.3) ? rng.pick(W.NEXT_STEPS) : '',
            }),
            { createdAt },
          ),
        );
      });
    });
  }

  // ---- plans and their items -------------------------------------------------------------------------------------
  {
    const rng = dated(streamFor(seed, 'plans'));
    tables.plans = mentorshipFacts.map((m, i) =>
      stamp(
        idOf('plans', i),
        R.plan({ mentorshipId: m.id, title: `Индивидуальный план: ${tables.mentorships[i].goal.toLowerCase()}` }),
        { createdAt: rng.timeOn(m.status === 'forming' ? m.startDate : addDays(m.startDate, rng.int(7, 21))) },
      ),
    );
    const perPlan = apportion(
      COUNTS.planItems,
      mentorshipFacts.map((m) => (m.status === 'forming' ? rng.int(20, 40) : rng.int(35, 65))),
    );
    tables.planItems = [];
    mentorshipFacts.forEach((m, pi) => {
      const planId = tables.plans[pi].id;
      const planCreated = tables.plans[pi].createdAt.slice(0, 10);
      const dueDates = Array.from({ length: perPlan[pi] }, () => rng.dateBetween(m.startDate, m.plannedEndDate)).sort();
      for (let k = 0; k < dueDates.length; k++) {
        const dueDate = dueDates[k];
        const past = dueDate < AS_OF;
        const status =
          m.status === 'interrupted' && dueDate > m.endDate ? 'cancelled'
          : past ? rng.weighted([['done', 86], ['planned', 5], ['inProgress', 4], ['cancelled', 5]])
          : daysBetween(AS_OF, dueDate) < 21 ? rng.weighted([['planned', 60], ['inProgress', 30], ['done', 10]])
          : rng.weighted([['planned', 95], ['done', 5]]);
        const updated = status !== 'planned';
        const updatedOn = minDate(dueDate < planCreated ? planCreated : dueDate, AS_OF);
        tables.planItems.push(
          stamp(
            idOf('planItems', tables.planItems.length),
            R.planItem({
              planId,
              title: rng.pick(W.PLAN_ITEM_TITLES),
              dueDate,
              status,
              result: status === 'done' && rng.chance(0.4) ? rng.pick(W.ITEM_RESULTS) : '',
              evidence: status === 'done' && rng.chance(0.2) ? rng.pick(W.ITEM_EVIDENCE) : '',
              order: k,
            }),
            {
              createdAt: tables.plans[pi].createdAt,
              updatedAt: updated ? rng.timeOn(updatedOn) : tables.plans[pi].createdAt,
              writes: updated ? 2 : 1,
            },
          ),
        );
      }
    });
  }

  // ---- consents --------------------------------------------------------------------------------------------------
  {
    const rng = dated(streamFor(seed, 'consents'));
    const parentOf = new Map();
    facts.forEach((f, i) => f.childIndex !== undefined && parentOf.set(f.childIndex, i));
    const share = { student: 0.95, teacher: 0.97, parent: 0.85, graduate: 0.8, partnerRep: 0.9 };
    tables.consents = [];
    people.forEach((p, i) => {
      if (!rng.chance(share[p.category])) return;
      const signedOn = rng.dateBetween(p.createdAt.slice(0, 10) > '2025-09-01' ? p.createdAt.slice(0, 10) : '2025-09-01', '2025-10-31');
      const representative = p.category === 'student' && ageOn(p.birthDate, signedOn) < 14;
      let representativeName = '';
      let representativeRelation = '';
      if (representative) {
        const parent = parentOf.get(i);
        if (parent !== undefined) {
          representativeName = fullName(people[parent]);
          representativeRelation = facts[parent].female ? 'мать' : 'отец';
        } else if (rng.chance(0.03)) {
          const female = rng.chance(0.8);
          representativeName = `${rng.pick(W.SURNAMES_FOR_GUARDIANS)[female ? 1 : 0]} ${rng.pick(female ? W.WOMAN_NAMES : W.MAN_NAMES)} ${patronymic(rng.pick(W.OLD_FATHERS), female)}`;
          representativeRelation = 'опекун';
        } else {
          const female = rng.chance(0.8);
          representativeName = `${gendered(facts[i].base, female)} ${female ? rng.pick(W.WOMAN_NAMES) : facts[i].father} ${patronymic(rng.pick(W.OLD_FATHERS), female)}`;
          representativeRelation = female ? 'мать' : 'отец';
        }
      }
      const withdrawn = rng.chance(0.01);
      tables.consents.push(
        stamp(
          idOf('consents', tables.consents.length),
          R.consent({
            personId: p.id,
            signedOn,
            signer: representative ? 'representative' : 'self',
            representativeName,
            representativeRelation,
            withdrawnOn: withdrawn ? rng.dateBetween('2025-11-01', AS_OF) : '',
          }),
          { createdAt: rng.timeOn(signedOn), writes: withdrawn ? 2 : 1 },
        ),
      );
    });
  }

  // ---- orders, events and the networking preferences --------------------------------------------------------
  {
    const rng = dated(streamFor(seed, 'events'));
    const live = tables.mentorships.filter((m) => m.status === 'active' || m.status === 'forming');
    const withPlans = new Set(tables.plans.map((p) => p.mentorshipId));
    tables.orders = [
      stamp(idOf('orders', 0), R.order({ kind: 'fixMentorships', number: '112-од', date: '2025-10-10', title: 'О закреплении наставнических пар/групп', mentorshipIds: live.map((m) => m.id) }), { createdAt: '2025-10-10T03:00:00.000Z' }),
      stamp(
        idOf('orders', 1),
        R.order({
          kind: 'approvePlans',
          number: '125-од',
          date: '2025-11-14',
          title: 'Об утверждении индивидуальных планов наставнических пар/групп',
          mentorshipIds: live.filter((m) => withPlans.has(m.id)).map((m) => m.id),
          planIds: tables.plans.filter((p) => live.some((m) => m.id === p.mentorshipId)).map((p) => p.id),
        }),
        { createdAt: '2025-11-14T03:00:00.000Z' },
      ),
    ];
    const mentors = people.filter((p) => p.roles.includes('mentor'));
    const mentees = people.filter((p) => p.roles.includes('mentee'));
    const attended = [...mentors, ...mentees].filter(() => rng.chance(0.8)).map((p) => p.id);
    const inPairs = [...new Set(tables.mentorships.flatMap((m) => [...m.mentorIds, ...m.menteeIds]))];
    tables.events = [
      stamp(idOf('events', 0), R.event({ kind: 'networking', title: 'Нетворкинг: знакомство наставников и наставляемых', date: '2025-09-25', place: 'Актовый зал', attendeeIds: attended }), { createdAt: '2025-09-20T03:00:00.000Z', updatedAt: '2025-09-25T08:00:00.000Z', writes: 2 }),
      stamp(idOf('events', 1), R.event({ kind: 'finalGame', title: 'Деловая игра «Твой результат — мои возможности»', date: '2026-05-20', place: 'Спортивный зал', attendeeIds: inPairs.filter(() => rng.chance(0.9)) }), { createdAt: '2026-05-10T03:00:00.000Z', updatedAt: '2026-05-20T09:00:00.000Z', writes: 2 }),
    ];
    const eventId = tables.events[0].id;
    const there = new Set(attended);
    tables.preferences = [];
    for (const [side, who, others] of [['mentee', mentees, mentors], ['mentor', mentors, mentees]]) {
      for (const p of who) {
        if (!there.has(p.id) || !rng.chance(0.7)) continue;
        const ranked = rng.sample(others.filter((o) => o.id !== p.id && there.has(o.id)), rng.int(1, 5)).map((o) => o.id);
        tables.preferences.push(
          stamp(idOf('preferences', tables.preferences.length), R.preference({ eventId, personId: p.id, side, ranked }), { createdAt: rng.timeOn('2025-09-26') }),
        );
      }
    }
  }

  // ---- mentor training --------------------------------------------------------------------------------------------
  {
    const rng = dated(streamFor(seed, 'training'));
    const mentors = people.filter((p) => p.roles.includes('mentor'));
    const experts = ['Иванова М. П.', 'Сидоров А. А.', 'Кузнецова Е. В.', 'Павлов Д. И.'];
    const topics = ['Роль наставника', 'Индивидуальный план', 'Мотивация наставляемого', 'Обратная связь', 'Проектная работа', 'Итоги года'];
    tables.trainingGroups = [];
    tables.trainingSessions = [];
    const groupCount = 12;
    for (let g = 0; g < groupCount; g++) {
      const memberIds = mentors.filter((_, i) => i % groupCount === g).map((p) => p.id);
      const group = stamp(idOf('trainingGroups', g), R.trainingGroup({ name: `Группа обучения ${g + 1}`, memberIds }), { createdAt: '2025-09-05T03:00:00.000Z' });
      tables.trainingGroups.push(group);
      const n = rng.int(8, 14);
      for (let k = 0; k < n; k++) {
        const date = rng.dateBetween('2025-09-15', '2026-04-30');
        tables.trainingSessions.push(
          stamp(
            idOf('trainingSessions', tables.trainingSessions.length),
            R.trainingSession({ groupId: group.id, kind: 'session', date, topic: rng.pick(topics), expert: rng.pick(experts), format: rng.chance(0.3) ? 'remote' : 'inPerson', attendeeIds: memberIds.filter(() => rng.chance(0.8)) }),
            { createdAt: rng.timeOn(date) },
          ),
        );
      }
    }
  }

  // ---- questionnaires and responses ----------------------------------------------------------------------------
  {
    const rng = dated(streamFor(seed, 'questionnaires'));
    tables.questionnaires = QUESTIONNAIRES.map((q, i) =>
      stamp(idOf('questionnaires', i), R.questionnaire(q), { createdAt: `2025-08-29T0${i}:30:00.000Z` }),
    );
    const forRespondent = (p, asMentor) =>
      asMentor ? tables.questionnaires[2] : p.category === 'student' ? tables.questionnaires[0] : tables.questionnaires[1];
    // Every participant of a started mentorship may answer at the start; of a finished or still active one, at the
    // end of the year too (the monitoring in May). Some do not answer: a fixed number is drawn from all who could.
    const slots = [];
    mentorshipFacts.forEach((m) => {
      if (m.status === 'forming') return;
      const members = [...m.mentors.map((p) => [p, true]), ...m.mentees.map((p) => [p, false])];
      for (const phase of ['start', 'end']) {
        if (phase === 'end' && m.status === 'interrupted') continue;
        for (const [p, asMentor] of members) slots.push({ m, p, asMentor, phase });
      }
    });
    if (slots.length < COUNTS.responses) throw new Error(`only ${slots.length} questionnaire slots for ${COUNTS.responses} responses`);
    const chosen = new Set(rng.sample([...slots.keys()], COUNTS.responses));
    const baseline = new Map();
    tables.responses = [];
    slots.forEach((s, si) => {
      if (!chosen.has(si)) return;
      const q = forRespondent(s.p, s.asMentor);
      const answeredOn = s.phase === 'start' ? addDays(s.m.startDate, rng.int(0, 14)) : minDate(s.m.endDate || AS_OF, AS_OF);
      const key = `${s.p.id}|${s.m.id}`;
      if (!baseline.has(key)) baseline.set(key, rng.int(3, 7));
      const answers = {};
      for (const question of q.questions) answers[question.id] = answer(rng, question, baseline.get(key), s.phase);
      if (Object.keys(answers).length !== COUNTS.answersPerResponse) throw new Error('questionnaire length ≠ answersPerResponse');
      tables.responses.push(
        stamp(
          idOf('responses', tables.responses.length),
          R.response({ questionnaireId: q.id, respondentId: s.p.id, mentorshipId: s.m.id, phase: s.phase, answeredOn, answers }),
          { createdAt: rng.timeOn(answeredOn) },
        ),
      );
    });
  }

  // ---- recognitions of mentors (half of them given by the May order) and the register of best practices ------
  {
    const rng = dated(streamFor(seed, 'recognitions'));
    const mentors = people.filter((p) => p.roles.includes('mentor'));
    const kinds = ['thanks', 'letter', 'certificate'];
    const reasons = ['За подготовку призёров олимпиады', 'За проект пары, ставший победителем конкурса', 'За помощь наставляемым в учёбе', 'За организацию встреч группы'];
    tables.recognitions = rng.sample(mentors, COUNTS.recognitions).map((p, i) =>
      stamp(
        idOf('recognitions', i),
        R.recognition(
          i === 0
            ? { personId: p.id, kind: 'title', title: 'Наставник года', reason: rng.pick(reasons), date: '2026-05-20' }
            : { personId: p.id, kind: rng.pick(kinds), reason: rng.pick(reasons), date: rng.dateBetween('2025-12-20', '2026-05-20') },
        ),
        { createdAt: '2026-05-20T03:00:00.000Z' },
      ),
    );
    const given = tables.recognitions.filter((_, i) => i % 2 === 0);
    const orderId = idOf('orders', tables.orders.length);
    tables.orders.push(
      stamp(orderId, R.order({ kind: 'rewardMentors', number: '140-од', date: '2026-05-25', title: 'О поощрении наставников', recognitionIds: given.map((r) => r.id) }), {
        createdAt: '2026-05-25T03:00:00.000Z',
      }),
    );
    for (const r of given) r.orderId = orderId;
    const titles = ['Проектная лаборатория', 'Шефство старших над пятиклассниками', 'Клуб молодого педагога', 'Профпробы на предприятии', 'Читательский клуб', 'Школьный медиацентр'];
    tables.practices = Array.from({ length: COUNTS.practices }, (_, i) =>
      stamp(
        idOf('practices', i),
        R.practice({
          title: `${titles[i % titles.length]}${i >= titles.length ? ` ${Math.floor(i / titles.length) + 1}` : ''}`,
          formId: rng.pick(['teacher-student', 'student-student', 'teacher-teacher', 'employer-student']),
          authorIds: rng.sample(mentors, rng.int(1, 3)).map((p) => p.id),
          academicYear: i % 3 === 0 ? '2024/2025' : '2025/2026',
          description: 'Встречи раз в неделю, общий проект, итоговая защита',
          result: rng.chance(0.5) ? 'Призёры районного конкурса' : '',
        }),
        { createdAt: '2026-05-27T03:00:00.000Z' },
      ),
    );
  }

  const ordered = {};
  for (const t of R.TABLE_ORDER) if (tables[t]) ordered[t] = tables[t];
  return { seed, asOf: AS_OF, deviceId: R.DEVICE_ID, tables: ordered };
}

function answer(rng, q, base, phase) {
  switch (q.kind) {
    case 'scale': // the end of the year answers a little higher on average: growth the monitoring can measure
      return Math.max(1, Math.min(10, base + rng.int(-2, 2) + (phase === 'end' ? rng.int(0, 2) : 0)));
    case 'one':
      if (q.options.length === 2 && q.options[0] === 'да') return rng.chance(phase === 'end' ? 0.75 : 0.6) ? 'да' : 'нет';
      return rng.pick(q.options);
    default:
      return rng.chance(0.6) ? rng.pick(OPEN_ANSWERS) : '';
  }
}

const OPEN_ANSWERS = [
  'Больше практических заданий', 'Чаще встречаться', 'Всё устраивает', 'Хочу больше экскурсий',
  'Не хватает времени после уроков', 'Интересно работать над проектом', 'Нужна помощь с подготовкой к экзаменам',
];

const scale = (text) => ({ type: 'scale', text });
const yesno = (text) => ({ type: 'yesno', text });
const choice = (text, options) => ({ type: 'choice', text, options });
const open = (text) => ({ type: 'text', text });
const numbered = (list) => list.map((q, i) => ({ id: `q${String(i + 1).padStart(2, '0')}`, ...q }));

/** Diagnostic questionnaires of the federal model: the same one at the start and at the end, so change shows. */
const QUESTIONNAIRES = [
  {
    title: 'Анкета наставляемого (обучающийся)',
    role: 'mentee',
    categories: ['student'],
    questions: numbered([
      scale('Насколько вам интересно учиться?'), scale('Насколько вы уверены в своих силах?'),
      scale('Как вы оцениваете свою успеваемость?'), scale('Насколько легко вам выступать перед классом?'),
      scale('Насколько вы умеете планировать своё время?'), scale('Насколько вам понятна будущая профессия?'),
      scale('Насколько комфортно вам в классе?'), scale('Как часто вы участвуете в конкурсах и олимпиадах?'),
      scale('Насколько вы умеете работать в команде?'), scale('Насколько вам полезны встречи с наставником?'),
      scale('Насколько наставник понимает ваши трудности?'), scale('Насколько вы довольны программой в целом?'),
      yesno('Есть ли у вас цель на этот учебный год?'), yesno('Посещаете ли вы кружки или секции?'),
      yesno('Хотели бы вы сами стать наставником?'),
      choice('Как часто вы встречаетесь с наставником?', ['раз в неделю', 'два раза в месяц', 'раз в месяц', 'реже']),
      choice('Что вам больше всего нравится во встречах?', ['общение', 'помощь с учёбой', 'проекты', 'профориентация']),
      choice('Где удобнее встречаться?', ['в школе', 'онлайн', 'на предприятии', 'всё равно']),
      open('Чему вы научились?'), open('Что бы вы изменили в программе?'),
    ]),
  },
  {
    title: 'Анкета наставляемого (педагог, студент)',
    role: 'mentee',
    categories: ['teacher', 'graduate'],
    questions: numbered([
      scale('Насколько уверенно вы чувствуете себя в профессии?'), scale('Насколько вы владеете методикой урока?'),
      scale('Насколько легко вам поддерживать дисциплину?'), scale('Насколько вы знакомы с нормативными документами?'),
      scale('Насколько вы удовлетворены работой?'), scale('Насколько комфортно вам в коллективе?'),
      scale('Насколько вы владеете цифровыми инструментами?'), scale('Насколько легко вам общаться с родителями?'),
      scale('Насколько полезны встречи с наставником?'), scale('Насколько наставник доступен, когда нужна помощь?'),
      scale('Насколько вы готовы к аттестации?'), scale('Насколько вы довольны программой в целом?'),
      yesno('Планируете ли вы остаться в профессии?'), yesno('Проводили ли вы открытый урок?'),
      yesno('Участвовали ли вы в конкурсе профессионального мастерства?'),
      choice('Как часто вы встречаетесь с наставником?', ['раз в неделю', 'два раза в месяц', 'раз в месяц', 'реже']),
      choice('Какая помощь нужна больше всего?', ['методическая', 'психологическая', 'организационная', 'предметная']),
      choice('Удобный формат встреч', ['очно', 'онлайн', 'смешанный']),
      open('Какие трудности остались?'), open('Что бы вы изменили в программе?'),
    ]),
  },
  {
    title: 'Анкета наставника',
    role: 'mentor',
    categories: ['student', 'teacher', 'parent', 'graduate', 'partnerRep'],
    questions: numbered([
      scale('Насколько вы готовы к роли наставника?'), scale('Насколько вам хватает времени на встречи?'),
      scale('Насколько понятны цели вашей пары или группы?'), scale('Насколько наставляемый вовлечён в работу?'),
      scale('Насколько вы видите прогресс наставляемого?'), scale('Насколько полезным было обучение наставников?'),
      scale('Насколько вас поддерживает куратор?'), scale('Насколько удобно вести записи о встречах?'),
      scale('Насколько вам интересна эта работа?'), scale('Насколько выполнен индивидуальный план?'),
      scale('Насколько вы довольны взаимодействием с наставляемым?'), scale('Насколько вы довольны программой в целом?'),
      yesno('Готовы ли вы продолжить в следующем году?'), yesno('Нужна ли вам методическая помощь?'),
      yesno('Рекомендовали бы вы роль наставника коллегам?'),
      choice('Как часто проходят встречи?', ['раз в неделю', 'два раза в месяц', 'раз в месяц', 'реже']),
      choice('Главная трудность', ['время', 'мотивация наставляемого', 'нехватка материалов', 'нет трудностей']),
      choice('Формат встреч', ['очно', 'онлайн', 'смешанный']),
      open('Главный результат вашей работы'), open('Что бы вы изменили в программе?'),
    ]),
  },
  {
    title: 'Оценка условий реализации программы наставничества (куратор)',
    role: 'curator',
    categories: [],
    questions: numbered([
      scale('Обеспеченность наставниками'), scale('Качество подбора пар и групп'), scale('Обучение наставников'),
      scale('Материально-техническая база'), scale('Участие партнёров'), yesno('Проведена ли итоговая деловая игра?'),
      open('Сильные стороны программы'), open('Слабые стороны программы'), open('Возможности'), open('Угрозы'),
    ]),
  },
];

export function countsOf(school) {
  const counts = Object.fromEntries(Object.entries(school.tables).map(([t, rows]) => [t, rows.length]));
  counts.answers = school.tables.responses.reduce((s, r) => s + Object.keys(r.answers).length, 0);
  return counts;
}

export const serialize = (school) => `${JSON.stringify(school)}\n`;

/** Each table and the zod input schema in src/domain that its records' fields must pass. */
const SCHEMAS = {
  school: ['src/domain/school.ts', 'schoolInputSchema'],
  people: ['src/domain/person.ts', 'personInputSchema'],
  partners: ['src/domain/partner.ts', 'partnerInputSchema'],
  mentorships: ['src/domain/mentorship.ts', 'mentorshipInputSchema'],
  meetings: ['src/domain/meeting.ts', 'meetingInputSchema'],
  plans: ['src/domain/plan.ts', 'planInputSchema'],
  planItems: ['src/domain/plan.ts', 'planItemInputSchema'],
  consents: ['src/domain/consent.ts', 'consentInputSchema'],
  orders: ['src/domain/order.ts', 'orderInputSchema'],
  events: ['src/domain/event.ts', 'eventInputSchema'],
  preferences: ['src/domain/preference.ts', 'preferenceInputSchema'],
  questionnaires: ['src/domain/questionnaire.ts', 'questionnaireInputSchema'],
  trainingGroups: ['src/domain/training.ts', 'trainingGroupInputSchema'],
  trainingSessions: ['src/domain/training.ts', 'trainingSessionInputSchema'],
  responses: ['src/domain/questionnaire.ts', 'responseInputSchema'],
  recognitions: ['src/domain/recognition.ts', 'recognitionInputSchema'],
  practices: ['src/domain/practice.ts', 'practiceInputSchema'],
  mentoringForms: ['src/domain/mentoringForm.ts', 'mentoringFormInputSchema'],
};

/**
 * Checks the generated records with the app's own schemas (src/domain, loaded through Vite's module runner):
 * every field set passes its table's input schema and parses to itself (no field missing, none extra), every
 * envelope passes envelopeSchema, and ids and clock stamps are unique. Returns the problems found.
 */
export async function validateSchool(school, root = resolve(dirname(fileURLToPath(import.meta.url)), '..')) {
  const { runnerImport } = await import('vite');
  const modules = new Map();
  const load = async (p) => {
    if (!modules.has(p)) modules.set(p, (await runnerImport(resolve(root, p), { root, configFile: false, logLevel: 'error' })).module);
    return modules.get(p);
  };
  const { envelopeSchema, stripEnvelope } = await load('src/domain/envelope.ts');
  const problems = [];
  const checked = [];
  for (const [table, [path, name]] of Object.entries(SCHEMAS)) {
    if (!existsSync(resolve(root, path))) continue;
    const schema = (await load(path))[name];
    if (!schema || !school.tables[table]) continue;
    checked.push(table);
    for (const r of school.tables[table]) {
      const fields = stripEnvelope(r);
      const res = schema.safeParse(fields);
      if (!res.success) problems.push(`${table} ${r.id}: ${res.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      else if (JSON.stringify(Object.keys(res.data).sort()) !== JSON.stringify(Object.keys(fields).sort()))
        problems.push(`${table} ${r.id}: fields ${Object.keys(fields).join(',')} ≠ schema ${Object.keys(res.data).join(',')}`);
    }
  }
  // The roadmap's signer rule, as the app checks it (under the consent age → a legal representative signs).
  const consentModule = existsSync(resolve(root, 'src/domain/consent.ts')) ? await load('src/domain/consent.ts') : {};
  if (consentModule.signerProblem && school.tables.consents) {
    const byId = new Map(school.tables.people.map((p) => [p.id, p]));
    const age = school.tables.school[0].consentAge;
    for (const c of school.tables.consents) {
      const why = consentModule.signerProblem(c, byId.get(c.personId), age);
      if (why) problems.push(`consents ${c.id}: ${why}`);
    }
    checked.push('the signer rule');
  }
  const ids = new Set();
  const hlcs = new Set();
  for (const [table, rows] of Object.entries(school.tables)) {
    for (const r of rows) {
      const res = envelopeSchema.safeParse(r);
      if (!res.success) problems.push(`${table} ${r.id}: envelope: ${res.error.issues.map((i) => i.message).join('; ')}`);
      if (ids.has(r.id)) problems.push(`${table} ${r.id}: duplicate id`);
      if (hlcs.has(r.hlc)) problems.push(`${table} ${r.id}: duplicate hlc ${r.hlc}`);
      ids.add(r.id);
      hlcs.add(r.hlc);
    }
  }
  return { problems, checked };
}

async function main(argv) {
  const arg = (name, fallback) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  const seed = Number(arg('seed', '1'));
  const out = resolve(arg('out', fileURLToPath(new URL('./out/school.json', import.meta.url))));
  const t0 = performance.now();
  const school = generateSchool(seed);
  const text = serialize(school);
  const ms = performance.now() - t0;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  const sha = createHash('sha256').update(text).digest('hex');
  console.log(`seed ${seed} → ${out} (${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB, sha256 ${sha.slice(0, 16)}…, ${ms.toFixed(0)} ms)`);
  console.log(Object.entries(countsOf(school)).map(([t, n]) => `  ${t}: ${n}`).join('\n'));
  if (argv.includes('--check-determinism')) {
    const again = createHash('sha256').update(serialize(generateSchool(seed))).digest('hex');
    if (again !== sha) throw new Error('two runs with the same seed differ');
    console.log('determinism: a second run gave the same bytes');
  }
  if (argv.includes('--validate')) {
    const { problems, checked } = await validateSchool(school);
    if (problems.length) {
      console.error(`${problems.length} invalid records, for example:\n${problems.slice(0, 20).join('\n')}`);
      process.exitCode = 1;
    } else console.log(`validate: ${checked.join(', ')} pass the app’s zod schemas; every envelope passes; ids and stamps are unique`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
