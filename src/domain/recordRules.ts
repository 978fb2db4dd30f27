import { tableLabel, type SyncedTable } from './syncedTables';

/**
 * Fields that a table's own rules check together (each `superRefine` of its schema). A write that changes one of
 * a group stamps the whole group, so the field-level merge takes a group from one write and never mixes, say, one
 * device's «прервана» with another device's empty reason. A test walks every pair of valid records of each table
 * and checks that any mix of groups is valid again: a new rule across fields fails it until its group is here.
 */
export const FIELD_GROUPS: Record<SyncedTable, readonly (readonly string[])[]> = {
  school: [],
  people: [['category', 'classLabel', 'birthDate', 'partnerId']],
  partners: [],
  mentoringForms: [],
  mentorships: [
    ['mentorIds', 'menteeIds'],
    ['startDate', 'plannedEndDate'],
    ['status', 'endDate', 'endReason'],
  ],
  meetings: [],
  plans: [],
  planItems: [],
  consents: [
    ['signer', 'representativeName'],
    ['signedOn', 'withdrawnOn'],
  ],
  orders: [],
  events: [],
  preferences: [['personId', 'ranked']],
  trainingGroups: [],
  trainingSessions: [['kind', 'attendeeIds']],
  materials: [],
  questionnaires: [],
  responses: [],
  recognitions: [['kind', 'title']],
  practices: [],
  roadmapTasks: [],
  erasures: [['erasedOn', 'withdrawnOn']],
};

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * The one error a refused write throws: the table, and a Russian message per field (`errors.endReason`), which
 * every form shows under its fields. Nothing was written.
 */
export class RecordRejected extends Error {
  constructor(
    readonly table: SyncedTable,
    readonly errors: Record<string, string>,
  ) {
    super(rejectionMessage(table, errors));
    this.name = 'RecordRejected';
  }
}

function rejectionMessage(table: SyncedTable, errors: Record<string, string>): string {
  const list = Object.values(errors);
  return `${tableLabel(table)}: запись не сохранена — ${list.slice(0, 3).join('; ')}${list.length > 3 ? ` и ещё ${list.length - 3}` : ''}`;
}

/** First message per field, as forms show them. */
export function problemsByField(problems: readonly FieldProblem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) {
    const key = p.field || '_';
    if (!(key in out)) out[key] = p.message;
  }
  return out;
}
