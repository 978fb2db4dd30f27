import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBundle, serializeBundle, type BundleInput } from '../../../src/domain/bundle/format';
import { parseBundle } from '../../../src/domain/bundle/parse';
import type { VersionedRecord } from '../../../src/domain/envelope';
import { consentInputSchema } from '../../../src/domain/consent.schema';
import { eventInputSchema } from '../../../src/domain/event.schema';
import { mentorshipInputSchema } from '../../../src/domain/mentorship.schema';
import { partnerInputSchema } from '../../../src/domain/partner.schema';
import { planInputSchema, planItemInputSchema } from '../../../src/domain/plan.schema';
import { schoolInputSchema } from '../../../src/domain/school.schema';
import { toCsv } from '../../../src/domain/report';
import {
  buildSummary,
  DEFAULT_SUMMARY_COLUMNS,
  parseSummaryColumns,
  readSchoolFile,
  refusedFile,
  schoolIndicatorRows,
  summarySheets,
  type FileReading,
  type SchoolSummary,
} from '../../../src/domain/summary';
import type { SyncedTable } from '../../../src/domain/syncedTables';
import { person, rec } from './bundle/sampleData';

/*
 * Three small schools worked out by hand. Every file is read on its own date (2025-11-20): after the October
 * deadline of consents and partners, before May's of plans and the final game.
 *
 * A «Школа № 1» (100 students, 10 teachers): teacher tA mentors sA2 (13); student sA1 (14) mentors sA3 (12).
 *   mentors among students 1/100, teachers 1/10, partners 0/0, consents 2/4 (tA, sA2; not sA1, sA3) — after
 *   31.10: not met, plans 1/2 (pA1 all done, pA2 none), final game 0/4, students involved 3/100.
 * B «Школа № 2» (50, 5): teacher tB and partner rep rB (of P1; P2 has none) mentor sB1 (15) as a group.
 *   students 0/50, teachers 1/5, partners 1/2, consents 3/3, plans 1/1, final game 2/3 (tB, sB1), involved 1/50.
 *   An older file of B (October, one teacher and no pairs) is given too: the November one is used.
 * C «Школа № 3» (20, 2), its own target for student mentors (5 %): sC1 (16) mentors sC2 (11); last year's pair
 *   (ended May 2025) and a deleted mentor do not count. students 1/20, teachers 0/2, partners 0/0, consents 2/2,
 *   plans 0/0, final game 0/2, involved 2/20.
 */
const ON = '2025-11-20T09:00:00.000Z';
const school = (id: string, name: string, studentsTotal: number, teachersTotal: number, extra: object = {}) =>
  rec(schoolInputSchema.parse({ name, academicYear: '2025/2026', studentsTotal, teachersTotal, ...extra }), id);
const pair = (id: string, mentorIds: string[], menteeIds: string[], extra: object = {}) =>
  rec(mentorshipInputSchema.parse({ formId: 'form-1', mentorIds, menteeIds, status: 'active', startDate: '2025-10-01', ...extra }), id);
const consent = (id: string, personId: string, signer: 'self' | 'representative') =>
  rec(consentInputSchema.parse({ personId, signedOn: '2025-10-05', signer, ...(signer === 'representative' ? { representativeName: 'Иванова Анна Петровна' } : {}) }), id);
const teacher = (id: string, roles: ('mentor' | 'mentee')[] = ['mentor']) => person(id, { category: 'teacher', classLabel: '', birthDate: '1980-01-01', roles });
const student = (id: string, birthDate: string, roles: ('mentor' | 'mentee')[]) => person(id, { birthDate, roles });

function input(id: string, name: string, tables: Partial<Record<SyncedTable, VersionedRecord[]>>, over: Partial<BundleInput> = {}): BundleInput {
  return { appVersion: '0.1.0', schemaVersion: 5, createdAt: ON, device: { id: 'dev-' + id, name: 'Телефон куратора' }, school: { id, name }, scope: { kind: 'school' }, tables, conflicts: [], ...over };
}

const A = () =>
  input('school-a', 'Школа № 1', {
    school: [school('school-a', 'Школа № 1', 100, 10)],
    people: [teacher('tA'), student('sA1', '2011-01-01', ['mentor']), student('sA2', '2012-05-05', ['mentee']), student('sA3', '2013-01-01', ['mentee'])],
    mentorships: [pair('mA1', ['tA'], ['sA2']), pair('mA2', ['sA1'], ['sA3'])],
    plans: [rec(planInputSchema.parse({ mentorshipId: 'mA1', title: 'План 1' }), 'pA1'), rec(planInputSchema.parse({ mentorshipId: 'mA2', title: 'План 2' }), 'pA2')],
    planItems: [
      rec(planItemInputSchema.parse({ planId: 'pA1', title: 'Знакомство', status: 'done' }), 'iA1'),
      rec(planItemInputSchema.parse({ planId: 'pA1', title: 'Проект', status: 'done' }), 'iA2'),
      rec(planItemInputSchema.parse({ planId: 'pA2', title: 'Проект' }), 'iA3'),
    ],
    consents: [consent('cA1', 'tA', 'self'), consent('cA2', 'sA2', 'representative')],
  });

const B = (over: Partial<BundleInput> = {}) =>
  input(
    'school-b',
    'Школа № 2',
    {
      school: [school('school-b', 'Школа № 2', 50, 5)],
      partners: [rec(partnerInputSchema.parse({ name: 'Завод', kind: 'enterprise' }), 'P1'), rec(partnerInputSchema.parse({ name: 'Колледж', kind: 'college' }), 'P2')],
      people: [teacher('tB'), person('rB', { category: 'partnerRep', partnerId: 'P1', classLabel: '', birthDate: '1985-02-02', roles: ['mentor'] }), student('sB1', '2010-03-03', ['mentee'])],
      mentorships: [pair('mB1', ['tB', 'rB'], ['sB1'])],
      plans: [rec(planInputSchema.parse({ mentorshipId: 'mB1', title: 'План группы' }), 'pB1')],
      planItems: [rec(planItemInputSchema.parse({ planId: 'pB1', title: 'Экскурсия', status: 'done' }), 'iB1')],
      consents: [consent('cB1', 'tB', 'self'), consent('cB2', 'rB', 'self'), consent('cB3', 'sB1', 'self')],
      events: [rec(eventInputSchema.parse({ kind: 'finalGame', title: 'Итоговая игра', date: '2025-11-15', attendeeIds: ['tB', 'sB1'] }), 'eB1')],
    },
    over,
  );

const B_OLD = () =>
  input('school-b', 'Школа № 2', { school: [school('school-b', 'Школа № 2', 50, 5)], people: [teacher('tB0')] }, { createdAt: '2025-10-01T05:00:00.000Z' });

const C = () =>
  input('school-c', 'Школа № 3', {
    school: [school('school-c', 'Школа № 3', 20, 2, { indicatorTargets: { mentorsAmongStudents: 0.05 } })],
    people: [
      student('sC1', '2009-09-09', ['mentor']),
      student('sC2', '2014-01-01', ['mentee']),
      student('sC4', '2008-01-01', []),
      rec({ ...student('sC3', '2009-01-01', ['mentor']) }, 'sC3', { deleted: true }),
      teacher('tC', []),
    ],
    mentorships: [pair('mC1', ['sC1'], ['sC2'], { startDate: '2025-09-15' }), pair('mC0', ['sC1'], ['sC4'], { startDate: '2024-09-10', endDate: '2025-05-20', status: 'finished' })],
    consents: [consent('cC1', 'sC1', 'self'), consent('cC2', 'sC2', 'representative')],
  });

async function read(name: string, i: BundleInput | string): Promise<FileReading> {
  const text = typeof i === 'string' ? i : serializeBundle(await buildBundle(i));
  const parsed = await parseBundle(text);
  return parsed.ok ? readSchoolFile(name, parsed.value) : refusedFile(name, parsed.error);
}

const pick = (s: SchoolSummary) => Object.fromEntries(s.indicators.map((i) => [i.id, [i.numerator, i.denominator, i.status]]));

describe('the municipality summary (three small schools by hand)', () => {
  it('counts each school as its own monitoring does', async () => {
    const sum = buildSummary([await read('a.json', A()), await read('b.json.gz', B()), await read('c.nastavnik', C())]);
    expect(sum.schools.map((s) => s.schoolName)).toEqual(['Школа № 1', 'Школа № 2', 'Школа № 3']);
    const [a, b, c] = sum.schools;
    expect(pick(a!)).toEqual({
      mentorsAmongStudents: [1, 100, 'atRisk'],
      mentorsAmongTeachers: [1, 10, 'met'],
      partnersWithMentors: [0, 0, 'noData'],
      consents: [2, 4, 'notMet'],
      plansAt90: [1, 2, 'atRisk'],
      finalEvent: [0, 4, 'atRisk'],
      studentsInvolved: [3, 100, 'atRisk'],
    });
    expect(pick(b!)).toEqual({
      mentorsAmongStudents: [0, 50, 'atRisk'],
      mentorsAmongTeachers: [1, 5, 'met'],
      partnersWithMentors: [1, 2, 'met'],
      consents: [3, 3, 'met'],
      plansAt90: [1, 1, 'met'],
      finalEvent: [2, 3, 'atRisk'],
      studentsInvolved: [1, 50, 'atRisk'],
    });
    expect(pick(c!)).toEqual({
      mentorsAmongStudents: [1, 20, 'met'],
      mentorsAmongTeachers: [0, 2, 'atRisk'],
      partnersWithMentors: [0, 0, 'noData'],
      consents: [2, 2, 'met'],
      plansAt90: [0, 0, 'noData'],
      finalEvent: [0, 2, 'atRisk'],
      studentsInvolved: [2, 20, 'atRisk'],
    });
    expect(c!.indicators.find((i) => i.id === 'mentorsAmongStudents')!.target).toBe(0.05);
    expect(a!.asOf).toBe('2025-11-20');
    expect(a!.counts).toEqual({ people: 4, mentorships: 2, partners: 0 });
    expect(c!.counts.people).toBe(4); // the deleted mentor is not there
    expect(sum.files.every((f) => f.status === 'used' && f.messages.length === 0)).toBe(true);
  });

  it('pools the shares: the sum of numerators over the sum of denominators, and counts the statuses', async () => {
    const sum = buildSummary([await read('a', A()), await read('b', B()), await read('c', C())]);
    const t = Object.fromEntries(sum.totals.map((x) => [x.id, x]));
    expect([t.mentorsAmongStudents!.numerator, t.mentorsAmongStudents!.denominator]).toEqual([2, 170]);
    expect(t.mentorsAmongStudents!.share).toBeCloseTo(2 / 170);
    expect(t.mentorsAmongStudents!.target).toBeNull(); // C has its own target
    expect(t.mentorsAmongStudents!.byStatus).toEqual({ met: 1, atRisk: 2, notMet: 0, noData: 0 });
    expect([t.mentorsAmongTeachers!.numerator, t.mentorsAmongTeachers!.denominator, t.mentorsAmongTeachers!.target]).toEqual([2, 17, 0.1]);
    expect([t.partnersWithMentors!.numerator, t.partnersWithMentors!.denominator, t.partnersWithMentors!.share]).toEqual([1, 2, 0.5]);
    expect(t.partnersWithMentors!.byStatus).toEqual({ met: 1, atRisk: 0, notMet: 0, noData: 2 });
    // 7 of 9 participants: 77.8 %, not the mean of 50 %, 100 % and 100 % (83.3 %).
    expect([t.consents!.numerator, t.consents!.denominator]).toEqual([7, 9]);
    expect(t.consents!.byStatus).toEqual({ met: 2, atRisk: 0, notMet: 1, noData: 0 });
    expect([t.plansAt90!.numerator, t.plansAt90!.denominator]).toEqual([2, 3]);
    expect([t.finalEvent!.numerator, t.finalEvent!.denominator]).toEqual([2, 9]);
    expect([t.studentsInvolved!.numerator, t.studentsInvolved!.denominator]).toEqual([6, 170]);

    const [sheet, totals, files] = summarySheets(sum, { today: '2025-11-21' });
    expect(sheet!.rows[1]![0]).toContain('сумма «учтено» всех школ ÷ сумма «из» всех школ');
    expect(sheet!.rows[3]).toEqual(DEFAULT_SUMMARY_COLUMNS.map((c) => c.header));
    expect(sheet!.rows[4]!.slice(0, 8)).toEqual(['Школа № 1', '2025/2026', new Date('2025-11-20T00:00:00Z'), 1, 1, 100, 10, 'под угрозой']);
    const last = sheet!.rows.at(-1)!;
    expect(last.slice(0, 8)).toEqual(['Итого по муниципалитету (3 школы)', null, null, 1.2, 2, 170, null, 'выполнено в 1 из 3 школ']);
    const consentsAt = DEFAULT_SUMMARY_COLUMNS.findIndex((c) => c.id === 'consents.value');
    expect(last[consentsAt]).toBe(77.8);
    expect(totals!.rows[4]).toEqual(['Наставники среди обучающихся', 2, 170, 1.2, null, 1, 2, 0, 0, 3]);
    expect(files!.rows.slice(4).map((r) => r[3])).toEqual(['в сводке', 'в сводке', 'в сводке']);
    expect(schoolIndicatorRows(sum.schools[0]!)[4]).toEqual(['Участники с согласием на обработку данных', 50, 100, 2, 4, 'не выполнено', new Date('2025-10-31T00:00:00Z')]);
  });

  it('uses the newer file of a school given twice and says so; the very same file counts once', async () => {
    const oldB = await read('b-october.json', B_OLD());
    const sameA = await read('a-copy.json', A());
    const sum = buildSummary([oldB, await read('a.json', A()), await read('b.json', B()), sameA, await read('c.json', C())]);
    expect(sum.schools.map((s) => s.fileName)).toEqual(['a.json', 'b.json', 'c.json']);
    expect(sum.totals.find((t) => t.id === 'consents')!.denominator).toBe(9);
    const [f0, f1, f2, f3] = sum.files;
    expect(f0!.status).toBe('older');
    expect(f0!.messages[0]).toMatch(/^Школа «Школа № 2» есть и в файле «b\.json», сохранённом позже .*В сводку взят более новый «b\.json»\.$/);
    expect(f2!.status).toBe('used');
    expect(f2!.messages).toEqual([expect.stringMatching(/^Из файлов этой школы взят этот, более новый; более старый «b-october\.json» .* не учтён\.$/)]);
    expect(f1!.status).toBe('used');
    expect(f3!.status).toBe('repeat');
    expect(f3!.messages[0]).toMatch(/^Тот же файл школы «Школа № 1», что и «a\.json»/);
  });

  it('refuses what is not a whole school, reads an older format, and never stops at a bad file', async () => {
    const pairs = await read('pairs.json', { ...A(), scope: { kind: 'mentorships', mentorshipIds: ['mA1'] } });
    const delta = await read('delta.json', { ...C(), changesFor: 'phone1' });
    const v2 = await read('v2.json', readFileSync(new URL('../../fixtures/bundles/v2-school.json', import.meta.url), 'utf8'));
    const broken = await read('broken.json', '{"header": 1');
    const other = await read('other.json', JSON.stringify({ header: { format: 'excel' }, tables: {} }));
    const locked = refusedFile('locked.nastavnik', { kind: 'passphraseRequired' });
    const sum = buildSummary([pairs, await read('b.json', B()), delta, v2, broken, other, locked]);
    expect(sum.schools.map((s) => s.schoolName)).toEqual(['МБОУ «Школа № 14»', 'Школа № 2']);
    const by = Object.fromEntries(sum.files.map((f) => [f.fileName, f]));
    expect(by['pairs.json']!.status).toBe('refused');
    expect(by['pairs.json']!.messages[0]).toBe(
      'Это файл одной пары или группы школы «Школа № 1», а не всей школы: показатели по нему были бы неполными, в сводку он не взят. Попросите школу сохранить в разделе «Обмен» файл «Вся школа».',
    );
    expect(by['delta.json']!.messages[0]).toMatch(/^Это файл «только новое» школы «Школа № 3»/);
    expect(by['v2.json']!.status).toBe('used');
    expect(by['v2.json']!.messages[0]).toMatch(/^Файл старого формата \(версия 2, нынешняя — 4\): при чтении переведён в нынешний/);
    expect(sum.schools[0]!.formatVersion).toBe(2);
    expect(by['broken.json']!.messages[0]).toBe('Файл повреждён или передан не полностью. Попросите отправить его ещё раз.');
    expect(by['other.json']!.messages[0]).toBe('Это файл другой программы (формат «excel»), а не файл обмена «Наставника».');
    expect(by['locked.nastavnik']!.messages[0]).toBe('Файл зашифрован: нужна парольная фраза, которую задала школа.');
  });

  it('notes a school of another academic year', async () => {
    const late = input('school-d', 'Школа № 4', { school: [rec(schoolInputSchema.parse({ name: 'Школа № 4', academicYear: '2024/2025', studentsTotal: 10, teachersTotal: 1 }), 'school-d')] });
    const sum = buildSummary([await read('a', A()), await read('b', B()), await read('d', late)]);
    expect(sum.academicYear).toBe('2025/2026');
    expect(sum.files[2]!.messages).toEqual(['Учебный год в файле — 2024/2025, у большинства школ — 2025/2026: показатели этой школы посчитаны за 2024/2025.']);
  });

  it('takes a municipality’s own columns as data, and refuses a wrong list in Russian', async () => {
    const cols = parseSummaryColumns([
      { id: 'n', header: 'Наименование ОО', school: 'name' },
      { id: 'c', header: 'Доля с согласием', indicator: 'consents', field: 'value' },
      { id: 'm', header: 'Без согласия, чел.', indicator: 'consents', field: 'missingCount' },
    ]);
    expect(cols.ok).toBe(true);
    const sum = buildSummary([await read('a', A()), await read('b', B())]);
    const [sheet] = summarySheets(sum, { today: '2025-11-21', columns: cols.ok ? cols.columns : [] });
    expect(sheet!.rows.slice(3)).toEqual([
      ['Наименование ОО', 'Доля с согласием', 'Без согласия, чел.'],
      ['Школа № 1', 50, 2],
      ['Школа № 2', 100, 0],
      ['Итого по муниципалитету (2 школы)', 71.4, null],
    ]);
    expect(parseSummaryColumns([{ id: 'x', header: 'X', indicator: 'mentors', field: 'value' }])).toEqual({
      ok: false,
      message: expect.stringContaining('колонка № 1'),
    });
    expect(parseSummaryColumns([])).toMatchObject({ ok: false, message: expect.stringContaining('нужна хотя бы одна колонка') });
  });

  it('escapes formulas in the CSV: a school named «=HYPERLINK(…)» stays text', async () => {
    const evil = input('school-e', '=HYPERLINK("http://x")', { school: [rec(schoolInputSchema.parse({ name: '=HYPERLINK("http://x")', academicYear: '2025/2026', studentsTotal: 10, teachersTotal: 1 }), 'school-e')] });
    const sum = buildSummary([await read('e', evil)]);
    const csv = toCsv(summarySheets(sum, { today: '2025-11-21' })[0]!.rows.slice(3));
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});
