import { describe, expect, it } from 'vitest';
import { actNumber, erasureActDocument, erasureActFileName, erasureLogDocument, isErasureActInput, subjectText } from '../../../src/domain/erasureAct';
import { entry } from './erasureActFixture';

describe('the act of destruction (order № 179, п. 3)', () => {
  const doc = erasureActDocument(entry, { schoolName: 'МКОУ СОШ № 2 с. п. Кахун', schoolAddress: 'с. п. Кахун, ул. Школьная, 1' });
  const byLabel = new Map(doc.clauses.map((c) => [c.label, c]));

  it('names the operator and its address, the subject, who destroyed it, the categories, the system, the method, the reason, the date', () => {
    expect(doc.organisation).toBe('МКОУ СОШ № 2 с. п. Кахун');
    expect(doc.heading).toBe('АКТ');
    expect(doc.title).toBe('об уничтожении персональных данных');
    expect(doc.dateText).toBe('2 декабря 2026 г.');
    expect(doc.numberText).toBe('№ 20261202-AB12');
    expect(byLabel.get('Оператор персональных данных')?.value).toBe('МКОУ СОШ № 2 с. п. Кахун');
    expect(byLabel.get('Адрес оператора')?.value).toBe('с. п. Кахун, ул. Школьная, 1');
    expect(byLabel.get('Субъект персональных данных, чьи персональные данные уничтожены')?.value).toBe('Семёнова Анна Петровна (обучающийся)');
    expect(byLabel.get('Перечень категорий уничтоженных персональных данных')?.list).toEqual(entry.categories);
    expect(byLabel.get('Наименование информационной системы персональных данных, из которой уничтожены персональные данные')?.value).toBe('Наставник');
    expect(byLabel.get('Способ уничтожения')?.value).toBe(entry.method);
    expect(byLabel.get('Причина уничтожения')?.value).toBe(entry.reason);
    expect(byLabel.get('Дата уничтожения')?.value).toBe('02.12.2026');
    expect(byLabel.get('Лицо, уничтожившее персональные данные (ФИО, должность)')?.value).toBe('Куратор Иванова Мария Петровна');
    expect(doc.signatures).toEqual([{ role: 'Куратор', name: 'Иванова Мария Петровна' }]);
    expect(doc.notes.join(' ')).toContain('хранятся 3 года');
    expect(doc.notes.join(' ')).toContain('выгрузка из журнала');
  });

  it('leaves what the app does not know to be written by hand: the address, the paper media', () => {
    const bare = erasureActDocument(entry, { schoolName: 'Школа' });
    const address = bare.clauses.find((c) => c.label === 'Адрес оператора')!;
    expect(address.value).toBe('');
    expect(address.hint).toBe('адрес школы');
    expect(bare.clauses.find((c) => c.label.startsWith('Уничтоженные материальные носители'))?.value).toBe('');
    const paper = erasureActDocument(entry, { schoolName: 'Школа', paperMedia: [{ name: 'Согласие на обработку персональных данных', sheets: 2 }] });
    expect(paper.clauses.find((c) => c.label.startsWith('Уничтоженные материальные носители'))?.value).toBe('Согласие на обработку персональных данных — 2 л.');
  });

  it('says whether processing was entrusted to another person', () => {
    const own = erasureActDocument(entry, { schoolName: 'Школа' });
    expect(own.clauses.find((c) => c.label.startsWith('Лицо, осуществляющее обработку'))?.value).toBe('обработка по поручению оператора другому лицу не поручалась');
    const entrusted = erasureActDocument(entry, { schoolName: 'Школа', processor: { name: 'ООО «Ромашка»', address: 'г. Нальчик' } });
    expect(entrusted.clauses.find((c) => c.label.startsWith('Лицо, осуществляющее обработку'))?.value).toBe('ООО «Ромашка», г. Нальчик');
  });

  it('words the subject by category key or label, and numbers acts by date and entry', () => {
    expect(subjectText({ subjectName: 'Ли Ан', subjectCategory: 'Педагог' })).toBe('Ли Ан (педагог)');
    expect(subjectText({ subjectName: 'Ли Ан', subjectCategory: '' })).toBe('Ли Ан');
    expect(actNumber({ id: 'x-9', erasedOn: '2026-01-05' })).toBe('20260105-X9');
    expect(erasureActFileName(entry)).toBe('Акт_об_уничтожении_ПД_20261202-AB12.docx');
  });
});

describe('the extract from the log of events (order № 179, п. 4)', () => {
  it('has a row per destruction, oldest first: subject, categories, system, reason, date', () => {
    const older = { ...entry, id: 'zz', subjectName: 'Петров Иван', subjectCategory: 'teacher', erasedOn: '2026-11-01', categories: ['фамилия, имя, отчество'] };
    const doc = erasureLogDocument([entry, older], { schoolName: 'Школа' }, '2026-12-02');
    expect(doc.heading).toBe('Выгрузка из журнала регистрации событий в информационной системе персональных данных «Наставник»');
    // The app's own name of the system is already quoted: no second pair of quotes.
    const own = erasureLogDocument([{ ...entry, systemName: '«Наставник» на устройстве «Телефон куратора»' }], { schoolName: 'Школа' }, '2025-10-30');
    expect(own.heading).toBe('Выгрузка из журнала регистрации событий в информационной системе персональных данных «Наставник» на устройстве «Телефон куратора»');
    expect(doc.madeText).toBe('Сформирована 2 декабря 2026 г.');
    expect(doc.table.columns).toHaveLength(6);
    expect(doc.table.rows).toEqual([
      ['1', 'Петров Иван (педагог)', 'фамилия, имя, отчество', 'Наставник', entry.reason, '01.11.2026'],
      ['2', 'Семёнова Анна Петровна (обучающийся)', entry.categories.join(', '), 'Наставник', entry.reason, '02.12.2026'],
    ]);
  });
});

describe('an erasure log entry arriving with a navigation', () => {
  it('is recognised by its shape, and anything else is not', () => {
    expect(isErasureActInput(entry)).toBe(true);
    expect(isErasureActInput(JSON.parse(JSON.stringify(entry)))).toBe(true);
    expect(isErasureActInput(null)).toBe(false);
    expect(isErasureActInput({ ...entry, performedBy: undefined })).toBe(false);
    expect(isErasureActInput({ ...entry, categories: [1] })).toBe(false);
  });
});
