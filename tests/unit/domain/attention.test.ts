import { describe, expect, it } from 'vitest';
import { attentionCounts, attentionItems, attentionKey, BACKUP_REMINDER_DAYS, countRowWarnings, type AttentionCounts } from '../../../src/domain/attention';
import { academicYearMismatch, academicYearOfIso } from '../../../src/domain/school';
import { buildMentorshipRows } from '../../../src/domain/mentorshipList';

const calm: AttentionCounts = { consentsMissing: 0, notMeeting: 0, plansUnder90: 0, overdueRoadmap: 0, conflicts: 0, daysSinceBackup: 1, hasData: true };

describe('«Требует внимания» on the overview', () => {
  it('is empty when nothing is due, and on a device with no data yet even without a backup', () => {
    expect(attentionItems(calm)).toEqual([]);
    expect(attentionItems({ ...calm, daysSinceBackup: null, hasData: false })).toEqual([]);
  });

  it('lists each kind of work with its count, conflicts first', () => {
    const items = attentionItems({ consentsMissing: 3, notMeeting: 1, plansUnder90: 5, overdueRoadmap: 2, conflicts: 21, daysSinceBackup: null, hasData: true });
    expect(items).toEqual([
      { kind: 'conflicts', count: 21 },
      { kind: 'consents', count: 3 },
      { kind: 'notMeeting', count: 1 },
      { kind: 'plans', count: 5 },
      { kind: 'roadmap', count: 2 },
      { kind: 'backup', daysSince: null },
    ]);
    expect(items.map(attentionKey)).toEqual(['conflicts', 'consents', 'notMeeting', 'plans', 'roadmap', 'backup']);
  });

  it('reminds of the backup from the seventh day on', () => {
    expect(attentionItems({ ...calm, daysSinceBackup: BACKUP_REMINDER_DAYS - 1 })).toEqual([]);
    expect(attentionItems({ ...calm, daysSinceBackup: BACKUP_REMINDER_DAYS })).toEqual([{ kind: 'backup', daysSince: 7 }]);
  });

  it('counts the marks of the pairs list: not met for 30 days (or never since the start), plans under 90 %', () => {
    const m = (id: string, startDate: string, status = 'active') => ({ id, status, startDate, createdAt: `${startDate}T00:00:00Z`, formId: 'f', mentorIds: ['t'], menteeIds: ['s'], title: '' });
    const rows = buildMentorshipRows({
      mentorships: [m('met', '2025-09-01'), m('stale', '2025-09-01'), m('never', '2025-09-01'), m('new', '2025-11-10'), m('done', '2025-09-01', 'finished')],
      meetings: [
        { mentorshipId: 'met', kind: 'acquaintance', date: '2025-11-15' },
        { mentorshipId: 'stale', kind: 'acquaintance', date: '2025-10-01' },
      ],
      plans: [{ id: 'p', mentorshipId: 'met' }],
      items: [
        { planId: 'p', status: 'done', dueDate: '2025-10-01' },
        { planId: 'p', status: 'planned', dueDate: '2025-10-15' },
      ],
      people: new Map(),
      formNames: new Map(),
      today: '2025-11-20',
    } as unknown as Parameters<typeof buildMentorshipRows>[0]);
    expect(countRowWarnings(rows)).toEqual({ notMeeting: 2, plansUnder90: 1 });
  });
});

describe('a new academic year', () => {
  it('comes first, pointing to the school’s settings', () => {
    expect(attentionItems({ ...calm, yearMismatch: { configured: '2025/2026', current: '2026/2027' } })).toEqual([{ kind: 'year', configured: '2025/2026', current: '2026/2027' }]);
  });
});

describe('attentionCounts from the records', () => {
  it('counts by the rules of the screens: consents, the pairs’ marks, this year’s overdue rows, the backup’s age, a new year', () => {
    const c = attentionCounts({
      today: '2026-11-30',
      school: { academicYear: '2025/2026', consentAge: 14 },
      people: [
        { id: 'a', birthDate: '2013-01-01', category: 'student', roles: ['mentee'] },
        { id: 'b', birthDate: '1980-01-01', category: 'teacher', roles: ['mentor'] },
        // A parent who signed for a child is not a participant: no consent of her own is asked for.
        { id: 'mum', birthDate: '1985-01-01', category: 'parent', roles: [] },
      ],
      consents: [{ personId: 'b', signer: 'self', signedOn: '2025-09-10', withdrawnOn: '' }],
      rows: [{ warnings: [{ kind: 'notMet', days: 40 }] }, { warnings: [] }],
      roadmap: [
        { academicYear: '2025/2026', deadline: '2025-10-31', status: 'planned' },
        { academicYear: '2025/2026', deadline: '2025-10-31', status: 'done' },
        { academicYear: '2024/2025', deadline: '2024-10-31', status: 'planned' },
      ],
      conflicts: 0,
      lastExportAt: '2026-11-20T10:00:00.000Z',
    });
    expect(c).toEqual({
      consentsMissing: 1,
      notMeeting: 1,
      plansUnder90: 0,
      overdueRoadmap: 1,
      conflicts: 0,
      daysSinceBackup: 10,
      hasData: true,
      yearMismatch: { configured: '2025/2026', current: '2026/2027' },
    });
  });

  it('asks consents of the same people as the indicator: those with a role or in a pair, not a parent who only signed', () => {
    const base = {
      today: '2025-10-01',
      school: { academicYear: '2025/2026', consentAge: 14 },
      consents: [],
      roadmap: [],
      conflicts: 0,
      lastExportAt: '2025-09-30T10:00:00.000Z',
    };
    const people = [
      { id: 'mum', birthDate: '1985-01-01', category: 'parent' as const, roles: [] },
      { id: 'grad', birthDate: '2000-01-01', category: 'graduate' as const, roles: [] },
    ];
    expect(attentionCounts({ ...base, people, rows: [] }).consentsMissing).toBe(0);
    const pair = { status: 'active', mentorIds: ['grad'], menteeIds: ['x'] };
    expect(attentionCounts({ ...base, people, rows: [{ warnings: [], mentorship: pair }] }).consentsMissing).toBe(1);
    expect(attentionCounts({ ...base, people, rows: [{ warnings: [], mentorship: { ...pair, status: 'interrupted' } }] }).consentsMissing).toBe(0);
  });

  it('knows the academic year of a date, and says nothing when today is in the school’s year', () => {
    expect(academicYearOfIso('2026-08-31')).toBe('2025/2026');
    expect(academicYearOfIso('2026-09-01')).toBe('2026/2027');
    expect(academicYearMismatch('2026/2027', '2027-05-25')).toBeUndefined();
  });
});
