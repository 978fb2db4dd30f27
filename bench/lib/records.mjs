// The shape of every record the synthetic school writes, one small factory per table, in one place.
// The generator (bench/generate.mjs) decides the facts (who mentors whom, when they met); these functions only
// lay the facts out as the app stores them: the output of the table's zod input schema in src/domain, field for
// field and in the schema's order, so `node bench/generate.mjs --validate` can check them. When a schema changes,
// change its factory here. The tables and their words are those of docs/DOMAIN.md («3. Terms»).

export const DEVICE_ID = 'bench0000000';

/** Table order of src/storage/db.ts (SYNCED_TABLES); the generator emits its tables in this order. */
export const TABLE_ORDER = [
  'school', 'people', 'partners', 'mentoringForms', 'mentorships', 'meetings', 'plans', 'planItems', 'consents',
  'orders', 'events', 'preferences', 'trainingGroups', 'trainingSessions', 'materials', 'questionnaires',
  'responses', 'recognitions', 'practices', 'roadmapTasks',
];

/** src/domain/school.ts */
export const school = (f) => ({
  name: f.name,
  academicYear: f.academicYear,
  studentsTotal: f.studentsTotal,
  teachersTotal: f.teachersTotal,
  consentAge: f.consentAge,
  directorName: f.directorName ?? '',
  curatorName: f.curatorName ?? '',
});

/** src/domain/person.ts (personInputSchema output) */
export const person = (f) => ({
  lastName: f.lastName,
  firstName: f.firstName,
  middleName: f.middleName ?? '',
  category: f.category,
  classLabel: f.classLabel ?? '',
  birthDate: f.birthDate ?? '',
  phone: f.phone ?? '',
  email: f.email ?? '',
  roles: f.roles ?? [],
  interests: f.interests ?? [],
  competencies: f.competencies ?? [],
  partnerId: f.partnerId ?? '',
  notes: f.notes ?? '',
});

/** src/domain/partner.ts */
export const partner = (f) => ({
  name: f.name,
  kind: f.kind,
  contactPerson: f.contactPerson ?? '',
  phone: f.phone ?? '',
  email: f.email ?? '',
  agreementNumber: f.agreementNumber ?? '',
  agreementDate: f.agreementDate ?? '',
  notes: f.notes ?? '',
});

/** docs/DOMAIN.md, «Forms of mentoring»: a configurable list; which categories may mentor and be mentored. */
export const mentoringForm = (f) => ({
  name: f.name,
  mentorCategories: f.mentorCategories,
  menteeCategories: f.menteeCategories,
  isFederal: f.federal,
  description: '',
});

/** src/domain/mentorship.ts: a pair (one mentor, one mentee) or a group; forming → active → finished | interrupted. */
export const mentorship = (f) => ({
  formId: f.formId,
  mentorIds: f.mentorIds,
  menteeIds: f.menteeIds,
  title: f.title ?? '',
  goal: f.goal ?? '',
  startDate: f.startDate ?? '',
  plannedEndDate: f.plannedEndDate ?? '',
  status: f.status,
  endDate: f.endDate ?? '',
  endReason: f.endReason ?? '',
});

/** src/domain/meeting.ts; kind: intro | trial | planning | work | final. */
export const meeting = (f) => ({
  mentorshipId: f.mentorshipId,
  kind: f.kind,
  date: f.date,
  durationMin: f.durationMin ?? 45,
  place: f.place ?? '',
  attendeeIds: f.attendeeIds ?? [],
  notes: f.notes ?? '',
  nextSteps: f.nextSteps ?? '',
});

/** src/domain/plan.ts planInputSchema */
export const plan = (f) => ({
  mentorshipId: f.mentorshipId,
  title: f.title,
  approvedByOrderId: f.approvedByOrderId ?? '',
  approvedItemsDigest: f.approvedItemsDigest ?? '',
});

/** src/domain/plan.ts planItemInputSchema; status: planned | inProgress | done | cancelled. */
export const planItem = (f) => ({
  planId: f.planId,
  title: f.title,
  dueDate: f.dueDate ?? '',
  status: f.status,
  result: f.result ?? '',
  evidence: f.evidence ?? '',
  order: f.order ?? 0,
});

/** src/domain/consent.ts; signer: self | representative (under the school's consent age at signing). */
export const consent = (f) => ({
  personId: f.personId,
  signedOn: f.signedOn,
  signer: f.signer,
  representativeName: f.representativeName ?? '',
  representativeRelation: f.representativeRelation ?? '',
  withdrawnOn: f.withdrawnOn ?? '',
  notes: f.notes ?? '',
});

/** question type: scale (1–10) | yesno | choice | text */
export const questionnaire = (f) => ({
  title: f.title,
  // the builder knows mentors and mentees; the curator's own questionnaire is filed with the mentors'
  role: f.role === 'mentee' ? 'mentee' : 'mentor',
  formIds: [],
  beforeAfter: true,
  description: '',
  questions: f.questions.map((q) => ({
    id: q.id,
    kind: q.type === 'scale' ? 'scale' : q.type === 'text' ? 'text' : 'one',
    text: q.text,
    options: q.type === 'yesno' ? ['да', 'нет'] : q.type === 'choice' ? q.options : [],
  })),
});

/** One respondent's answers to one questionnaire, at the start or the end of a mentorship. */
export const response = (f) => ({
  questionnaireId: f.questionnaireId,
  respondentId: f.respondentId,
  mentorshipId: f.mentorshipId,
  phase: f.phase,
  answeredOn: f.answeredOn,
  answers: f.answers,
});

/**
 * The envelope of docs/ARCHITECTURE.md («2. Records: the envelope»), as src/domain/envelope.ts stampRecord writes
 * it, with deterministic stamps:
 * `hlc` is `wall36(11):counter36(5):deviceId` (src/domain/hlc.ts encodeHlc), unique across the whole school.
 */
export function makeStamper() {
  const counters = new Map();
  return function stamp(id, fields, { createdAt, updatedAt = createdAt, writes = 1 }) {
    const wall = Date.parse(updatedAt);
    if (!Number.isFinite(wall)) throw new Error(`bad timestamp ${updatedAt}`);
    const counter = counters.get(wall) ?? 0;
    counters.set(wall, counter + 1);
    const hlc = `${wall.toString(36).padStart(11, '0')}:${counter.toString(36).padStart(5, '0')}:${DEVICE_ID}`;
    return {
      id,
      ...fields,
      createdAt: new Date(Date.parse(createdAt)).toISOString(),
      updatedAt: new Date(wall).toISOString(),
      hlc,
      vv: { [DEVICE_ID]: writes },
      deleted: false,
      // The field stamps of data format 3 (src/domain/envelope.ts): the last write set every field.
      writes: [`${hlc}#${writes}`],
    };
  };
}

/** src/domain/order.ts */
export const order = (f) => ({
  kind: f.kind,
  number: f.number,
  date: f.date,
  title: f.title,
  mentorshipIds: f.mentorshipIds ?? [],
  planIds: f.planIds ?? [],
  recognitionIds: f.recognitionIds ?? [],
  protocolNumber: f.protocolNumber ?? '',
  protocolDate: f.protocolDate ?? '',
  signed: f.signed ?? false,
});

/** src/domain/recognition.ts */
export const recognition = (f) => ({ personId: f.personId, kind: f.kind, title: f.title ?? '', reason: f.reason, date: f.date, orderId: f.orderId ?? '' });

/** src/domain/practice.ts */
export const practice = (f) => ({
  title: f.title,
  formId: f.formId ?? '',
  authorIds: f.authorIds ?? [],
  academicYear: f.academicYear,
  description: f.description,
  result: f.result ?? '',
});

/** src/domain/event.ts */
export const event = (f) => ({
  kind: f.kind,
  title: f.title,
  date: f.date,
  place: f.place ?? '',
  attendeeIds: f.attendeeIds ?? [],
  notes: f.notes ?? '',
});

/** src/domain/preference.ts */
export const preference = (f) => ({ eventId: f.eventId, personId: f.personId, side: f.side, ranked: f.ranked });

/** src/domain/training.ts */
export const trainingGroup = (f) => ({ name: f.name, memberIds: f.memberIds, notes: '' });
export const trainingSession = (f) => ({ groupId: f.groupId, kind: f.kind, date: f.date, topic: f.topic, expert: f.expert, format: f.format, attendeeIds: f.attendeeIds });
