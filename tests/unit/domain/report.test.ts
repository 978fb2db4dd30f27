import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { buildReport, toCsv, type ReportInput } from '../../../src/domain/report';
import type { Indicator } from '../../../src/domain/monitoring';

const indicator: Indicator = {
  id: 'consents',
  basis: 'records',
  title: 'Участники с согласием на обработку данных',
  numerator: 3,
  denominator: 4,
  value: 0.75,
  target: 1,
  deadline: '2025-10-31',
  status: 'notMet',
  missing: ['p4'],
};

describe('the monitoring report', () => {
  const input: ReportInput = {
    school: { name: 'МКОУ СОШ № 2', academicYear: '2025/2026' },
    today: '2025-11-20',
    indicators: [indicator],
    mentorships: [{ title: 'Робототехника', form: 'Учитель – ученик', mentors: 'Петров И. С.', mentees: 'Семёнова А., 7Б', status: 'активна', meetings: 5, stages: 5, planPercent: 0.333 }],
    plans: [],
    consents: [{ name: 'Семёнова Анна', category: 'Обучающийся', valid: true, signer: 'Семёнова Ольга Петровна', signerKind: 'законный представитель (мать)', signedOn: '2025-09-10', reason: '' }],
    training: [],
    events: [{ title: 'Нетворкинг', kind: 'нетворкинг', date: '2025-09-25', attendees: 40 }],
    questionnaires: [{ questionnaire: 'Анкета наставляемого', question: 'Уверенность', n: 2, before: 5, after: 7.5, delta: 2.5 }],
  };
  const sheets = buildReport(input);
  const sheet = (list: ReturnType<typeof buildReport>, name: string) => list.find((x) => x.name === name)!;
  it('has one sheet per area, in Russian, each with a title line and a header row', () => {
    expect(sheets.map((s) => s.name)).toEqual(['Показатели', 'Пары и группы', 'Планы', 'Согласия', 'Обучение', 'Мероприятия', 'Анкеты', 'Поощрения', 'Практики', 'SWOT-анализ']);
    for (const s of sheets) {
      expect(s.rows[0]![0]).toContain('МКОУ СОШ № 2, 2025/2026 учебный год');
      expect(s.widths.length).toBe(s.rows[3]!.length);
    }
  });
  it('writes shares as percentages, statuses in words, dates as dates', () => {
    expect(sheet(sheets, 'Показатели')!.rows[4]).toEqual(['Участники с согласием на обработку данных', 75, 100, 3, 4, 'не выполнено']);
    expect(sheet(sheets, 'Пары и группы')!.rows[4]![7]).toBe(33.3);
    expect(sheet(sheets, 'Согласия')!.rows[4]![5]).toEqual(new Date('2025-09-10T00:00:00Z'));
    expect(sheet(sheets, 'Анкеты')!.rows[4]).toEqual(['Анкета наставляемого', 'Уверенность', 2, 5, 7.5, 2.5]);
  });
  it('the consents sheet names who signed, and in what capacity in a column of its own', () => {
    const consents = sheet(sheets, 'Согласия')!;
    expect(consents.rows[3]).toEqual(['Участник', 'Категория', 'Согласие', 'Кто подписал', 'Подписант', 'Дата', 'Примечание']);
    expect(consents.rows[4]!.slice(0, 5)).toEqual(['Семёнова Анна', 'Обучающийся', 'есть', 'Семёнова Ольга Петровна', 'законный представитель (мать)']);
  });
  it('the SWOT sheet says «Не заполнен» until the curator writes it, then lists each point under its part', () => {
    expect(sheet(sheets, 'SWOT-анализ')!.rows.slice(4)).toEqual([['Не заполнен', null]]);
    const withSwot = buildReport({
      ...input,
      swot: { strengths: '- Все пары провели пять встреч\n\n2) Партнёр дал площадку', weaknesses: '', opportunities: '• Грант', threats: '  ' },
    });
    expect(sheet(withSwot, 'SWOT-анализ')!.rows.slice(4)).toEqual([
      ['Сильные стороны', 'Все пары провели пять встреч'],
      ['Сильные стороны', 'Партнёр дал площадку'],
      ['Возможности', 'Грант'],
    ]);
  });
  it('lists the recognitions of mentors with the order that gave them, dates as dates', () => {
    const withRewards = buildReport({
      ...input,
      recognitions: [{ name: 'Петров Иван Сергеевич', award: 'Звание «Наставник года»', reason: 'За проект', date: '2026-05-20', order: '№ 140-од от 25.05.2026' }],
    });
    expect(sheet(withRewards, 'Поощрения')!.rows[3]).toEqual(['Наставник', 'Поощрение', 'За что', 'Дата', 'Приказ']);
    expect(sheet(withRewards, 'Поощрения')!.rows[4]).toEqual(['Петров Иван Сергеевич', 'Звание «Наставник года»', 'За проект', new Date('2026-05-20T00:00:00Z'), '№ 140-од от 25.05.2026']);
    expect(sheet(sheets, 'Поощрения')!.rows).toHaveLength(4);
  });
  it('CSV opens in Excel: BOM, semicolons, quotes where needed, decimal commas, dates as ДД.ММ.ГГГГ', () => {
    const csv = toCsv([['ФИО', 'Заметка', 'Доля', 'Дата'], ['Семёнова Анна', 'сказала "да"; потом ушла', 33.3, new Date('2025-09-10T00:00:00Z')]]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const back = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data;
    expect(back[1]).toEqual(['Семёнова Анна', 'сказала "да"; потом ушла', '33,3', '10.09.2025']);
  });
});

describe('CSV for Excel never runs a formula someone typed', () => {
  it('text starting with = + - @ or a tab is kept as text; numbers and plain text are left alone', async () => {
    const { toCsv, escapeFormula } = await import('../../../src/domain/report');
    expect(escapeFormula('=HYPERLINK("http://x","нажми")')).toBe('\'=HYPERLINK("http://x","нажми")');
    for (const t of ['+7 900', '-1', '@cmd', '\tTAB']) expect(escapeFormula(t).startsWith("'")).toBe(true);
    expect(escapeFormula('Иванова')).toBe('Иванова');
    const csv = toCsv([['=1+1', -2.5, 'обычный текст', '-минус']]);
    expect(csv).toContain("'=1+1;-2,5;обычный текст;'-минус");
  });
});
