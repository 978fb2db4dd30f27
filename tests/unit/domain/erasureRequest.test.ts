import { describe, expect, it } from 'vitest';
import { attentionCounts } from '../../../src/domain/attention';
import { ERASURE_REASONS } from '../../../src/domain/erasure';
import {
  erasedCardText,
  erasedKinds,
  erasedRecordsText,
  erasureJournalRows,
  erasureRequestDefaults,
  erasureRequestSchema,
  KEPT_FACTS,
  REASON_OPTIONS,
} from '../../../src/domain/erasureRequest';
import { fieldErrors } from '../../../src/domain/zodErrors';

describe('«Уничтожить персональные данные»: what the dialog says', () => {
  it('lists what goes from the tables’ declarations, in plain words, and what stays', () => {
    const goes = erasedKinds();
    expect(goes.slice(0, 4)).toEqual(['фамилия, имя и отчество', 'дата рождения (останется только возраст)', 'телефон и электронная почта', 'заметки об участнике']);
    expect(goes).toContain('место, заметки и договорённости встреч');
    expect(goes).toContain('пункты и результаты индивидуального плана');
    expect(goes).toContain('ответы на анкеты (оценки по шкале останутся)');
    expect(goes).toContain('анкеты предпочтений после нетворкинга — целиком');
    expect(new Set(goes).size).toBe(goes.length);
    expect(KEPT_FACTS.join(' ')).toMatch(/класс.*пара или группа была.*сколько было встреч/);
  });

  it('offers every reason, with a capital letter', () => {
    expect(REASON_OPTIONS.map((o) => o.value)).toEqual([...ERASURE_REASONS]);
    expect(REASON_OPTIONS[0]!.label).toBe('Отзыв субъектом персональных данных согласия на их обработку');
  });

  it('starts from the curator and «отзыв согласия» when a consent is withdrawn by today', () => {
    const today = '2025-10-30';
    expect(erasureRequestDefaults({ curatorName: ' Иванова Мария Сергеевна ', consents: [{ withdrawnOn: '2025-10-01' }], today })).toEqual({
      performerName: 'Иванова Мария Сергеевна',
      performerPosition: 'куратор',
      reason: 'consentWithdrawn',
    });
    expect(erasureRequestDefaults({ curatorName: undefined, consents: [{ withdrawnOn: '' }, { withdrawnOn: '2025-11-01' }], today }).reason).toBe('');
    expect(erasureRequestDefaults({ curatorName: '', consents: [{ withdrawnOn: '2025-10-01', deleted: true }], today }).reason).toBe('');
  });

  it('validates in Russian, naming the field', () => {
    const r = erasureRequestSchema.safeParse({ performerName: '  ', performerPosition: '', reason: '' });
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error!)).toEqual({
      performerName: 'ФИО того, кто уничтожает данные: укажите',
      performerPosition: 'Должность: укажите',
      reason: 'Причина уничтожения: выберите причину',
    });
    expect(fieldErrors(erasureRequestSchema.safeParse({ performerName: 'я'.repeat(121), performerPosition: 'куратор', reason: 'unlawful' }).error!)).toEqual({
      performerName: 'ФИО того, кто уничтожает данные: не длиннее 120 символов',
    });
    expect(erasureRequestSchema.parse({ performerName: ' Иванова М. С. ', performerPosition: 'куратор', reason: 'consentWithdrawn' })).toEqual({
      performerName: 'Иванова М. С.',
      performerPosition: 'куратор',
      reason: 'consentWithdrawn',
    });
  });
});

describe('after the erasure', () => {
  it('the card says when and why, the import counts what it skipped', () => {
    expect(erasedCardText({ erasedOn: '2025-10-30', reason: 'consentWithdrawn' })).toBe(
      'Персональные данные участника уничтожены 30.10.2025. Причина: отзыв субъектом персональных данных согласия на их обработку.',
    );
    expect(erasedRecordsText(0)).toBeNull();
    expect(erasedRecordsText(1)).toBe('В файле были данные человека, чьи персональные данные уничтожены: 1 запись — она пропущена.');
    expect(erasedRecordsText(3)).toBe('В файле были данные человека, чьи персональные данные уничтожены: 3 записи — они пропущены.');
    expect(erasedRecordsText(5)).toMatch(/: 5 записей — они пропущены\.$/);
    expect(erasedRecordsText(21)).toMatch(/: 21 запись — они пропущены\.$/);
  });

  it('the journal shows date, subject and reason', () => {
    const entry = {
      id: 'log-1',
      subjectName: 'Семёнова Анна Петровна',
      subjectCategory: 'обучающийся',
      categories: ['фамилия, имя, отчество'],
      reason: 'отзыв субъектом персональных данных согласия на их обработку',
      erasedOn: '2025-10-30',
      systemName: '«Наставник» на этом устройстве',
      performedBy: { name: 'Иванова М. С.', position: 'куратор' },
      method: 'обезличивание',
    };
    expect(erasureJournalRows([entry])).toEqual([
      { id: 'log-1', date: '30.10.2025', subject: 'Семёнова Анна Петровна (обучающийся)', reason: 'отзыв субъектом персональных данных согласия на их обработку' },
    ]);
  });

  it('an erased person needs no consent on «Требует внимания»', () => {
    const base = {
      today: '2025-11-01',
      school: { academicYear: '2025/2026', consentAge: 14 },
      people: [
        { id: 'anna', category: 'student' as const, birthDate: '2010-11-01', roles: ['mentee'] },
        { id: 'ivan', category: 'teacher' as const, birthDate: '', roles: ['mentor'] },
      ],
      consents: [],
      rows: [],
      roadmap: [],
      conflicts: 0,
      lastExportAt: null,
    };
    expect(attentionCounts(base).consentsMissing).toBe(2);
    expect(attentionCounts({ ...base, erasedPersonIds: new Set(['anna']) }).consentsMissing).toBe(1);
  });
});
