import type { Consent } from './consent';
import type { Erasure } from './erasure';
import type { SchoolEvent } from './event';
import type { Material } from './material';
import type { Meeting } from './meeting';
import type { MentoringForm } from './mentoringForm';
import type { Mentorship } from './mentorship';
import type { Order } from './order';
import type { Partner } from './partner';
import type { Person } from './person';
import type { Plan, PlanItem } from './plan';
import type { Practice } from './practice';
import type { Preference } from './preference';
import type { Questionnaire, QuestionnaireResponse } from './questionnaire';
import type { Recognition } from './recognition';
import type { RoadmapTask } from './roadmap';
import type { School } from './school';
import type { TrainingGroup, TrainingSession } from './training';

/**
 * The tables whose records travel between devices, in the order a bundle lists and an import writes them. The one
 * list: the database (src/storage/db.ts), the bundle and the merge all take it from here.
 */
export const SYNCED_TABLES = [
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
  'erasures',
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

/** The record type of each synced table: `Repository<'orders'>` can only hold orders. */
export interface SyncedRecords {
  school: School;
  people: Person;
  partners: Partner;
  mentoringForms: MentoringForm;
  mentorships: Mentorship;
  meetings: Meeting;
  plans: Plan;
  planItems: PlanItem;
  consents: Consent;
  orders: Order;
  events: SchoolEvent;
  preferences: Preference;
  trainingGroups: TrainingGroup;
  trainingSessions: TrainingSession;
  materials: Material;
  questionnaires: Questionnaire;
  responses: QuestionnaireResponse;
  recognitions: Recognition;
  practices: Practice;
  roadmapTasks: RoadmapTask;
  erasures: Erasure;
}
export type RecordOf<N extends SyncedTable> = SyncedRecords[N];

const TABLE_SET: ReadonlySet<string> = new Set(SYNCED_TABLES);
export function isSyncedTable(name: string): name is SyncedTable {
  return TABLE_SET.has(name);
}

/** Russian names of the tables, for the import preview and the error messages. */
export const TABLE_LABELS: Record<SyncedTable, string> = {
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
  erasures: 'Уничтожение персональных данных',
};

export function tableLabel(name: string): string {
  return isSyncedTable(name) ? TABLE_LABELS[name] : name;
}
