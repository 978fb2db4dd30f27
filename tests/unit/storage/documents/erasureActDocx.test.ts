import { describe, expect, it } from 'vitest';
import { erasureActDocument, erasureLogDocument } from '../../../../src/domain/erasureAct';
import { erasureActDocx, erasureLogDocx } from '../../../../src/storage/documents/erasureActDocx';
import { readDocx } from '../../docxText';
import { entry } from '../../domain/erasureActFixture';

describe('the act of destruction as DOCX', () => {
  it('carries every element the order asks of the act, and the log extract attached', async () => {
    const act = erasureActDocument(entry, { schoolName: 'МКОУ СОШ № 2 с. п. Кахун' });
    const log = erasureLogDocument([entry], { schoolName: 'МКОУ СОШ № 2 с. п. Кахун' }, '2026-12-03');
    const { text, documentXml } = await readDocx(await erasureActDocx(act, log));
    for (const s of [
      'МКОУ СОШ № 2 с. п. Кахун',
      'АКТ',
      'об уничтожении персональных данных',
      '2 декабря 2026 г.\t№ 20261202-AB12',
      'Адрес оператора: ________',
      '(адрес школы)',
      'Семёнова Анна Петровна (обучающийся)',
      '— дата рождения',
      '— адрес электронной почты',
      'из которой уничтожены персональные данные: Наставник',
      'Способ уничтожения: удаление записей из базы данных приложения без возможности восстановления',
      'Причина уничтожения: отзыв согласия на обработку персональных данных',
      'Дата уничтожения: 02.12.2026',
      'Куратор Иванова Мария Петровна',
      'Куратор\t________________ М. П. Иванова',
      'хранятся 3 года',
      'Приложение к акту № 20261202-AB12 от 2 декабря 2026 г.',
      'Выгрузка из журнала регистрации событий в информационной системе персональных данных «Наставник»',
      'Сформирована 3 декабря 2026 г.',
      'Перечень категорий уничтоженных персональных данных',
    ])
      expect(text).toContain(s);
    expect(documentXml).toContain('w:br w:type="page"');
  });

  it('the log extract alone has the table of п. 4', async () => {
    const { text } = await readDocx(await erasureLogDocx(erasureLogDocument([entry], { schoolName: 'Школа' }, '2026-12-03')));
    expect(text).toContain('ФИО субъекта персональных данных или иная информация о нём');
    expect(text).toContain('Наименование информационной системы персональных данных');
    expect(text).toContain('Причина уничтожения');
    expect(text).toContain('Дата уничтожения');
    expect(text).toContain('фамилия, имя, отчество, дата рождения');
  });
});
