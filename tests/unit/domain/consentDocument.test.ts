import { describe, expect, it } from 'vitest';
import { BLANK, consentDocument, consentFileName, safeFileName } from '../../../src/domain/consentDocument';

const school = { schoolName: 'МКОУ СОШ № 2 с. п. Кахун', academicYear: '2025/2026' };
const anna = { lastName: 'Семёнова', firstName: 'Анна', middleName: 'Петровна', birthDate: '2013-04-02', classLabel: '7Б', category: 'student' as const };
const teacher = { lastName: 'Иванова', firstName: 'Мария', middleName: 'Петровна', birthDate: '', classLabel: '', category: 'teacher' as const };

describe('the printed consent', () => {
  it('fills in a representative’s form for a child', () => {
    const d = consentDocument({ ...school, person: anna, signer: 'representative', representativeName: 'Семёнова Ольга Ивановна', representativeRelation: 'мать', signedOn: '2025-10-01' });
    expect(d.subtitle).toContain('законного представителя');
    expect(d.intro).toBe('Я, Семёнова Ольга Ивановна,');
    expect(d.identity[0]).toMatch(/^документ, удостоверяющий личность: _+ серия _+ № _+$/);
    expect(d.identity.join(' ')).toContain('зарегистрированный(-ая) по адресу:');
    // The child stands in the genitive, and the words agree with her: «несовершеннолетней Семёновой Анны Петровны».
    expect(d.body).toMatch(/^являясь законным представителем \(мать\) несовершеннолетней Семёновой Анны Петровны, дата рождения 02.04.2013, обучающейся 7Б класса \(далее — Участник\)/);
    expect(d.body).toContain('152-ФЗ «О персональных данных»');
    expect(d.body).toContain('образовательной организации МКОУ СОШ № 2 с. п. Кахун (далее — Оператор) на обработку персональных данных Участника');
    expect(d.clauses.map((c) => c.heading)).toEqual(['Цель обработки', 'Перечень персональных данных', 'Действия с персональными данными', 'Срок действия', 'Отзыв согласия']);
    expect(d.clauses[0]!.text).toMatch(/^участие Участника в реализации целевой модели наставничества .* в 2025\/2026 учебном году/);
    expect(d.clauses[4]!.text).toContain('тридцати дней');
    expect(d.dateText).toBe('1 октября 2025 г.');
    expect(d.signature).toEqual({ name: 'Семёнова О. И.', caption: 'подпись законного представителя' });
  });

  it('fills in a participant’s own form, leaving blanks for what the app does not keep', () => {
    const d = consentDocument({ ...school, person: teacher, signer: 'self', representativeName: '', representativeRelation: '', signedOn: '' });
    expect(d.intro).toMatch(/^Я, Иванова Мария Петровна, дата рождения _+,$/);
    expect(d.intro).not.toContain('класса');
    expect(d.body).toMatch(/^в соответствии со статьёй 9/);
    expect(d.body).toContain('на обработку моих персональных данных');
    expect(d.clauses[0]!.text).toMatch(/^участие в реализации/);
    expect(d.dateText).toBe('«____» ________________ 20____ г.');
    expect(d.signature).toEqual({ name: 'Иванова М. П.', caption: 'подпись' });
  });

  it('declines a boy’s name and agrees with it; a name that tells no gender keeps both endings and stays as typed', () => {
    const boy = { ...anna, lastName: 'Ковальчук', firstName: 'Андрей', middleName: 'Ильич' };
    const forBoy = consentDocument({ ...school, person: boy, signer: 'representative', representativeName: 'Ковальчук Ирина Андреевна', representativeRelation: 'мать', signedOn: '' });
    expect(forBoy.intro).toBe('Я, Ковальчук Ирина Андреевна,');
    expect(forBoy.body).toContain('(мать) несовершеннолетнего Ковальчука Андрея Ильича, дата рождения 02.04.2013, обучающегося 7Б класса (далее — Участник)');
    const unknown = { ...anna, lastName: 'Ковальчук', firstName: 'Саша', middleName: '' };
    const forUnknown = consentDocument({ ...school, person: unknown, signer: 'representative', representativeName: '', representativeRelation: 'отец', signedOn: '' });
    expect(forUnknown.body).toContain('(отец) несовершеннолетнего(-ей) Ковальчук Саша, дата рождения 02.04.2013, обучающегося(-ейся) 7Б класса');
  });

  it('a student signing her own form is named in the nominative, and so is «обучающаяся»', () => {
    const self = consentDocument({ ...school, person: anna, signer: 'self', representativeName: '', representativeRelation: '', signedOn: '' });
    expect(self.intro).toBe('Я, Семёнова Анна Петровна, дата рождения 02.04.2013, обучающаяся 7Б класса,');
    const boy = consentDocument({ ...school, person: { ...anna, lastName: 'Семёнов', firstName: 'Пётр', middleName: '' }, signer: 'self', representativeName: '', representativeRelation: '', signedOn: '' });
    expect(boy.intro).toBe('Я, Семёнов Пётр, дата рождения 02.04.2013, обучающийся 7Б класса,');
    const unknown = consentDocument({ ...school, person: { ...anna, lastName: 'Ли', firstName: 'Саша', middleName: '' }, signer: 'self', representativeName: '', representativeRelation: '', signedOn: '' });
    expect(unknown.intro).toBe('Я, Ли Саша, дата рождения 02.04.2013, обучающийся(-аяся) 7Б класса,');
  });

  it('prints a blank representative form when the representative is not known yet', () => {
    const d = consentDocument({ ...school, person: anna, signer: 'representative', representativeName: '', representativeRelation: '', signedOn: '' });
    expect(d.intro).toMatch(/^Я, _{10,},$/);
    expect(d.body).toContain(`законным представителем (${BLANK})`);
    expect(d.signature.name).toBe(BLANK);
  });

  it('names the file safely', () => {
    expect(consentFileName(anna, '2025-10-01')).toBe('Согласие_Семёнова_А_2025-10-01.docx');
    expect(consentFileName(anna, '')).toBe('Согласие_Семёнова_А.docx');
    expect(safeFileName('Приказ 12/од: "итог".docx')).toBe('Приказ_12-од-_-итог-.docx');
  });
});
