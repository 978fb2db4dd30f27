import type { ErasureActInput } from '../../../src/domain/erasureAct';

/** One destruction as the erasure log keeps it. */
export const entry: ErasureActInput = {
  id: 'ab12cd34-0000',
  subjectName: 'Семёнова Анна Петровна',
  subjectCategory: 'student',
  categories: ['фамилия, имя, отчество', 'дата рождения', 'номер телефона', 'адрес электронной почты', 'заметки о встречах'],
  reason: 'отзыв согласия на обработку персональных данных',
  erasedOn: '2026-12-02',
  systemName: 'Наставник',
  performedBy: { name: 'Иванова Мария Петровна', position: 'Куратор' },
  method: 'удаление записей из базы данных приложения без возможности восстановления',
};
