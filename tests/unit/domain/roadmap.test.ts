import { describe, expect, it } from 'vitest';
import { isOverdue, roadmapByMonth, roadmapProgress } from '../../../src/domain/roadmap';
import { roadmapTemplate, ROADMAP_TEMPLATE } from '../../../src/domain/roadmapTemplate';
import { roadmapTaskInputSchema } from '../../../src/domain/roadmap.schema';

describe('the roadmap template', () => {
  const rows = roadmapTemplate('2025/2026');
  it('holds every row of the seed, each valid by the schema and unchanged by it', () => {
    expect(rows).toHaveLength(ROADMAP_TEMPLATE.length);
    expect(rows.length).toBe(14);
    for (const r of rows) expect(roadmapTaskInputSchema.parse(r.fields)).toEqual(r.fields);
  });
  it('gives stable ids per year, so two devices seeding the same year do not duplicate', () => {
    expect(rows.map((r) => r.id)).toEqual(roadmapTemplate('2025/2026').map((r) => r.id));
    expect(rows[0]!.id).toBe('roadmap-2025-2026-01');
    expect(roadmapTemplate('2026/2027')[0]!.id).toBe('roadmap-2026-2027-01');
  });
  it('turns the seed terms into the last day of the month of the right calendar year', () => {
    const by = (start: string) => rows.find((r) => r.fields.content.startsWith(start))!.fields;
    expect(by('Оформление согласий')).toMatchObject({ deadline: '2025-10-31', deadlineText: 'До конца октября 2025 г.' });
    expect(by('Утверждение индивидуальных планов')).toMatchObject({ deadline: '2025-11-30' });
    // «До мая 2025» in the seed is a typo for the year's final game: May of the year's second half
    expect(by('Организация общей заключительной встречи')).toMatchObject({ deadline: '2026-05-31', deadlineText: 'До конца мая 2026 г.' });
    expect(by('Формирование базы наставников')).toMatchObject({ deadline: '2026-06-30', deadlineText: 'В течение всего периода реализации ЦМН' });
    expect(by('Организация обучения')).toMatchObject({ deadline: '', deadlineText: 'По отдельному графику' });
    expect(by('Формирование базы наставляемых')).toMatchObject({ deadlineText: 'Сентябрь 2025 г.', evidenceRoute: '/people?role=mentee' });
  });
  it('refuses a malformed academic year', () => {
    expect(() => roadmapTemplate('2025-2026')).toThrow(/2025\/2026/);
    expect(() => roadmapTemplate('2025/2027')).toThrow();
  });
});

describe('status, overdue rows and the timeline', () => {
  const t = (deadline: string, status: 'planned' | 'inProgress' | 'done' | 'cancelled', order = 0) =>
    roadmapTaskInputSchema.parse({ academicYear: '2025/2026', section: 'organisation', content: `${deadline} ${status}`, deadline, status, order });
  it('a row is overdue after its deadline unless done or cancelled; the deadline day itself is not late', () => {
    expect(isOverdue(t('2025-10-31', 'planned'), '2025-11-01')).toBe(true);
    expect(isOverdue(t('2025-10-31', 'inProgress'), '2025-10-31')).toBe(false);
    expect(isOverdue(t('2025-10-31', 'done'), '2025-12-01')).toBe(false);
    expect(isOverdue(t('2025-10-31', 'cancelled'), '2025-12-01')).toBe(false);
    expect(isOverdue(t('', 'planned'), '2026-12-01')).toBe(false);
  });
  it('counts done of the rows not cancelled, and the overdue ones', () => {
    const rows = [t('2025-09-30', 'done'), t('2025-10-31', 'planned'), t('2025-11-30', 'inProgress'), t('2025-09-30', 'cancelled'), t('', 'planned')];
    expect(roadmapProgress(rows, '2025-11-15')).toEqual({ total: 4, done: 1, overdue: 1 });
  });
  it('groups rows by month from August to June, then those without a deadline; nothing is lost', () => {
    const rows = [t('2025-10-31', 'planned', 2), t('2025-10-15', 'planned', 9), t('2026-05-31', 'planned'), t('', 'planned'), t('2026-08-31', 'planned')];
    const months = roadmapByMonth(rows, '2025/2026');
    expect(months.map((m) => m.key)).toEqual(['2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-08', '']);
    expect(months.find((m) => m.key === '2025-10')!.tasks.map((x) => x.deadline)).toEqual(['2025-10-15', '2025-10-31']);
    expect(months.find((m) => m.key === '2025-10')!.label).toBe('Октябрь 2025');
    expect(months.at(-1)).toMatchObject({ label: 'Без срока' });
    expect(months.reduce((n, m) => n + m.tasks.length, 0)).toBe(rows.length);
  });
  it('names what is wrong in Russian', () => {
    const r = roadmapTaskInputSchema.safeParse({ academicYear: '2025', section: 'x', content: '', deadline: '31.10.2025' });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages).toEqual(expect.arrayContaining(['Учебный год: в виде 2025/2026', 'Выберите раздел дорожной карты', 'Укажите содержание', 'Срок: неверная дата']));
  });
});

describe('a roadmap row’s evidence link', () => {
  it('is one of the app’s own screens or none; a file cannot make it link anywhere else', async () => {
    const { EVIDENCE_SCREENS } = await import('../../../src/domain/roadmap');
    const { roadmapTaskInputSchema } = await import('../../../src/domain/roadmap.schema');
    const base = { academicYear: '2025/2026', section: 'organisation', order: 1, content: 'Сформировать базу наставников' };
    for (const r of ['', ...EVIDENCE_SCREENS]) expect(roadmapTaskInputSchema.safeParse({ ...base, evidenceRoute: r }).success).toBe(true);
    for (const r of ['https://example.org', 'javascript:alert(1)', '/people?role=mentor&x=1', '//evil']) {
      const p = roadmapTaskInputSchema.safeParse({ ...base, evidenceRoute: r });
      expect(p.success).toBe(false);
      expect(p.success ? '' : p.error.issues[0]!.message).toBe('Подтверждение в приложении: такого экрана нет');
    }
  });
});
