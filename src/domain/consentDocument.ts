import type { ConsentSigner } from './consent';
import { formatRuDate, longRuDate } from './dates';
import type { PersonFields } from './person';
import { fullName, shortName } from './person';
import { declineFullName, genderOfName, type Gender } from './names';

/**
 * The printed consent to personal-data processing (152-ФЗ, art. 9), as a plain model: the print view and the DOCX
 * writer both render it. What the app knows is filled in; what it must not store (passport, address) is a blank
 * line to be written by hand.
 */
export interface ConsentDocument {
  title: string;
  subtitle: string;
  /** «Я, <ФИО>,» — then the identity lines to fill by hand, then the body of the statement. */
  intro: string;
  identity: string[];
  body: string;
  clauses: { heading: string; text: string }[];
  closing: string;
  dateText: string;
  signature: { name: string; caption: string };
}

export interface ConsentDocumentInput {
  schoolName: string;
  academicYear: string;
  person: Pick<PersonFields, 'lastName' | 'firstName' | 'middleName' | 'birthDate' | 'classLabel' | 'category'>;
  signer: ConsentSigner;
  representativeName: string;
  representativeRelation: string;
  /** '' for a blank form to be dated by hand. */
  signedOn: string;
}

export const BLANK = '_______________';
const LONG_BLANK = '__________________________________________';

/** The signer's identity document and address: never stored by the app, written on paper. */
const IDENTITY = [
  'документ, удостоверяющий личность: __________ серия _____ № ________',
  'выдан «____» ____________ ______ г. ______________________________',
  'зарегистрированный(-ая) по адресу: _______________________________',
  '_____________________________________________________________,',
];

const STUDENT_NOMINATIVE = { female: 'обучающаяся', male: 'обучающийся', unknown: 'обучающийся(-аяся)' };
const STUDENT_GENITIVE = { female: 'обучающейся', male: 'обучающегося', unknown: 'обучающегося(-ейся)' };
const MINOR_GENITIVE = { female: 'несовершеннолетней', male: 'несовершеннолетнего', unknown: 'несовершеннолетнего(-ей)' };

/** «Семёнова Ольга Ивановна» → «Семёнова О. И.»; a blank stays blank. */
function shortOf(name: string): string {
  const [lastName = '', firstName = '', ...rest] = name.trim().split(/\s+/);
  return lastName ? shortName({ lastName, firstName, middleName: rest.join(' ') }) : BLANK;
}

export function consentDocument(input: ConsentDocumentInput): ConsentDocument {
  const { person } = input;
  const byRepresentative = input.signer === 'representative';
  const participant = fullName(person);
  // The participant's name stands in two cases: «Я, Семёнова Анна Петровна, …, обучающаяся 7Б класса» (nominative)
  // and «законным представителем несовершеннолетней Семёновой Анны Петровны, …, обучающейся 7Б класса» (genitive).
  // Words agree with the gender the name tells; a name that tells none keeps both endings.
  const gender = genderOfName(participant);
  const born = person.birthDate ? formatRuDate(person.birthDate) : BLANK;
  const classLabel = person.category === 'student' ? person.classLabel : '';
  const classText = (word: Record<Gender | 'unknown', string>) => (classLabel ? `, ${word[gender ?? 'unknown']} ${classLabel} класса` : '');
  const operator = input.schoolName || BLANK;
  const whose = byRepresentative ? 'персональных данных Участника' : 'моих персональных данных';

  const intro = byRepresentative
    ? `Я, ${input.representativeName || LONG_BLANK},`
    : `Я, ${participant}, дата рождения ${born}${classText(STUDENT_NOMINATIVE)},`;
  const body = byRepresentative
    ? `являясь законным представителем (${input.representativeRelation || BLANK}) ${MINOR_GENITIVE[gender ?? 'unknown']} ${declineFullName(participant, 'genitive')}, дата рождения ${born}${classText(STUDENT_GENITIVE)} (далее — Участник), в соответствии со статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных» свободно, своей волей и в интересах Участника даю согласие образовательной организации ${operator} (далее — Оператор) на обработку ${whose} на следующих условиях.`
    : `в соответствии со статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных» свободно, своей волей и в своём интересе даю согласие образовательной организации ${operator} (далее — Оператор) на обработку ${whose} на следующих условиях.`;

  const clauses = [
    {
      heading: 'Цель обработки',
      text: `участие${byRepresentative ? ' Участника' : ''} в реализации целевой модели наставничества (программы наставничества) Оператора в ${input.academicYear || '______/______'} учебном году: формирование базы наставников и наставляемых, подбор и закрепление наставнических пар и групп, организация встреч, обучения и мероприятий, составление и выполнение индивидуальных планов, анкетирование, мониторинг и оценка эффективности программы, подготовка отчётности.`,
    },
    {
      heading: 'Перечень персональных данных',
      text: 'фамилия, имя, отчество; дата рождения; категория участника программы и класс (для обучающихся); место работы или учёбы и должность; номер телефона и адрес электронной почты; интересы и компетенции; сведения об участии в программе наставничества (состав наставнических пар и групп, встречи, индивидуальные планы и их выполнение, ответы на диагностические анкеты, поощрения).',
    },
    {
      heading: 'Действия с персональными данными',
      text: 'сбор, запись, систематизация, накопление, хранение, уточнение (обновление, изменение), извлечение, использование, передача (предоставление, доступ) органу управления образованием в объёме, необходимом для мониторинга программы наставничества, обезличивание, блокирование, удаление, уничтожение; обработка ведётся с использованием средств автоматизации и без них. Распространение персональных данных неограниченному кругу лиц не допускается.',
    },
    {
      heading: 'Срок действия',
      text: 'согласие действует со дня его подписания до окончания участия в программе наставничества и истечения сроков хранения документов, установленных законодательством Российской Федерации об архивном деле, либо до его отзыва.',
    },
    {
      heading: 'Отзыв согласия',
      text: 'согласие может быть отозвано письменным заявлением, поданным Оператору. В этом случае Оператор прекращает обработку персональных данных и уничтожает их в срок, не превышающий тридцати дней с даты поступления отзыва, если иное не предусмотрено федеральным законом.',
    },
  ];

  const signerName = byRepresentative ? shortOf(input.representativeName) : shortName(person);
  return {
    title: 'СОГЛАСИЕ',
    subtitle: byRepresentative
      ? 'законного представителя на обработку персональных данных несовершеннолетнего участника программы наставничества'
      : 'на обработку персональных данных участника программы наставничества',
    intro,
    identity: IDENTITY,
    body,
    clauses,
    closing: `Права субъекта персональных данных, предусмотренные главой 3 Федерального закона № 152-ФЗ, ${byRepresentative ? 'мне как законному представителю Участника' : 'мне'} разъяснены.`,
    dateText: input.signedOn ? longRuDate(input.signedOn) : '«____» ________________ 20____ г.',
    signature: { name: signerName, caption: byRepresentative ? 'подпись законного представителя' : 'подпись' },
  };
}

/** «Согласие_Семёнова_А_2025-10-01.docx»: a name that survives every file system and messenger. */
export function consentFileName(person: Pick<PersonFields, 'lastName' | 'firstName'>, signedOn: string): string {
  const who = [person.lastName, person.firstName.charAt(0)].filter(Boolean).join('_');
  return safeFileName(`Согласие_${who}${signedOn ? `_${signedOn}` : ''}.docx`);
}

/** Drops characters that Windows, Android or a messenger refuse in file names; keeps Cyrillic. */
export function safeFileName(name: string): string {
  return name
    .replace(/[\\/:*?"<>|]+/g, '-')
    .replace(/\s+/g, '_')
    .replace(/_+/g, '_');
}
