/**
 * The tables whose records travel in bundles, in the order they are written. This is the domain's copy of
 * `SYNCED_TABLES` in src/storage/db.ts (the domain may not import storage); a unit test fails when the two lists
 * differ, so a table added to the database cannot be forgotten here.
 */
export const BUNDLE_TABLES = [
  'school',
  'people',
  'partners',
  'mentoringForms',
  'mentorships',
  'meetings',
  'plans',
  'planItems',
  'consents',
  'orders',
  'events',
  'preferences',
  'trainingGroups',
  'trainingSessions',
  'materials',
  'questionnaires',
  'responses',
  'recognitions',
  'practices',
  'roadmapTasks',
] as const;
export type BundleTable = (typeof BUNDLE_TABLES)[number];

const TABLE_SET: ReadonlySet<string> = new Set(BUNDLE_TABLES);
export function isBundleTable(name: string): name is BundleTable {
  return TABLE_SET.has(name);
}

/** Russian names of the tables, for the import preview and the error messages. */
export const TABLE_LABELS: Record<BundleTable, string> = {
  school: 'Школа',
  people: 'Участники',
  partners: 'Партнёры',
  mentoringForms: 'Формы наставничества',
  mentorships: 'Пары и группы',
  meetings: 'Встречи',
  plans: 'Индивидуальные планы',
  planItems: 'Пункты планов',
  consents: 'Согласия',
  orders: 'Приказы',
  events: 'Мероприятия',
  preferences: 'Анкеты предпочтений',
  trainingGroups: 'Группы обучения',
  trainingSessions: 'Занятия обучения',
  materials: 'Материалы',
  questionnaires: 'Анкеты',
  responses: 'Ответы на анкеты',
  recognitions: 'Поощрения',
  practices: 'Лучшие практики',
  roadmapTasks: 'Дорожная карта',
};

export function tableLabel(name: string): string {
  return isBundleTable(name) ? TABLE_LABELS[name] : name;
}
