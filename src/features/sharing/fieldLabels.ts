import { DELETED_FIELD } from '../../domain/conflictResolution';

/** Russian names of the fields the conflict screen compares; a field not listed shows under its own name. */
const LABELS: Record<string, string> = {
  [DELETED_FIELD]: 'Удалена ли запись',
  lastName: 'Фамилия',
  firstName: 'Имя',
  middleName: 'Отчество',
  category: 'Категория',
  classLabel: 'Класс',
  birthDate: 'Дата рождения',
  phone: 'Телефон',
  email: 'Электронная почта',
  roles: 'Роли',
  interests: 'Интересы',
  competencies: 'Компетенции',
  partnerId: 'Организация-партнёр',
  notes: 'Заметки',
  name: 'Название',
  title: 'Название',
  kind: 'Вид',
  contactName: 'Контактное лицо',
  agreement: 'Соглашение',
  goal: 'Цель',
  status: 'Статус',
  statusReason: 'Причина',
  formId: 'Форма наставничества',
  mentorIds: 'Наставники',
  menteeIds: 'Наставляемые',
  startDate: 'Начало',
  plannedEndDate: 'Плановое окончание',
  date: 'Дата',
  attendeeIds: 'Участники',
  nextSteps: 'Договорённости',
  dueDate: 'Срок',
  result: 'Результат',
  evidence: 'Подтверждение',
  signer: 'Кто подписал',
  signedOn: 'Дата подписания',
  withdrawnOn: 'Дата отзыва',
  number: 'Номер',
  academicYear: 'Учебный год',
  studentsTotal: 'Всего обучающихся',
  teachersTotal: 'Всего педагогов',
  place: 'Место',
};

export function fieldLabel(field: string): string {
  return LABELS[field] ?? field;
}

/** A value as the compare screen shows it: short, readable, never «[object Object]». */
export function formatValue(field: string, v: unknown): string {
  if (field === DELETED_FIELD) return v ? 'удалена' : 'есть';
  if (v === undefined || v === null || v === '') return '(пусто)';
  if (typeof v === 'boolean') return v ? 'да' : 'нет';
  if (Array.isArray(v)) return v.length ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ') : '(пусто)';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
