import type { IndicatorId } from '../domain/monitoring';
import type { PersonCategory, PersonRole } from '../domain/person';
import type { PartnerKind } from '../domain/partner';
import type { ConsentSigner } from '../domain/consent';
import type { ConsentState, MissingReason } from '../domain/consentStatus';
import type { OrderKind } from '../domain/order';
import type { MeetingKind } from '../domain/meeting';
import type { MentorshipStatus } from '../domain/mentorship';

/** The app's Russian words. Labels of domain enums are typed by the enum, so a new value cannot go untranslated. */
export const categoryLabel: Record<PersonCategory, string> = {
  student: 'Обучающийся',
  teacher: 'Педагог',
  parent: 'Родитель',
  graduate: 'Выпускник',
  partnerRep: 'Представитель партнёра',
};

export const categoryPluralLabel: Record<PersonCategory, string> = {
  student: 'Обучающиеся',
  teacher: 'Педагоги',
  parent: 'Родители',
  graduate: 'Выпускники',
  partnerRep: 'Представители партнёров',
};

export const roleLabel: Record<PersonRole, string> = {
  mentor: 'Наставник',
  mentee: 'Наставляемый',
};

export const partnerKindLabel: Record<PartnerKind, string> = {
  enterprise: 'Предприятие',
  college: 'Колледж (СПО)',
  university: 'Вуз',
  school: 'Образовательная организация',
  ngo: 'НКО, общественная организация',
  government: 'Орган власти, учреждение',
  culture: 'Учреждение культуры или спорта',
  other: 'Другое',
};

export const t = {
  appName: 'Наставник',
  nav: {
    home: 'Обзор',
    people: 'Участники',
    partners: 'Партнёры',
    settings: 'Настройки',
    mentorships: 'Пары',
    exchange: 'Обмен',
    more: 'Ещё',
    main: 'Основные разделы',
  },
  actions: {
    add: 'Добавить',
    save: 'Сохранить',
    cancel: 'Отмена',
    edit: 'Изменить',
    delete: 'Удалить',
    back: 'Назад',
    undo: 'Вернуть',
    import: 'Импорт списка',
  },
  people: {
    title: 'Участники',
    newTitle: 'Новый участник',
    editTitle: 'Изменить участника',
    emptyTitle: 'Пока нет ни одного участника',
    emptyText:
      'Начните с базы наставников и наставляемых: добавьте человека вручную или загрузите список класса из Excel или CSV.',
    notFound: 'Никого не нашлось. Проверьте написание или сбросьте фильтры.',
    searchLabel: 'Поиск по ФИО или классу',
    under14: 'до 14 лет',
    under14Hint: 'Согласие на обработку данных подписывает законный представитель',
    noBirthDate: 'нет даты рождения',
    deleteConfirm: (name: string) => `Удалить участника «${name}»? Запись исчезнет из списков на всех устройствах после обмена.`,
    deleted: (name: string) => `Участник «${name}» удалён`,
    saved: 'Сохранено',
    draftRestored: 'Восстановлен несохранённый черновик этой формы.',
    discardDraft: 'Очистить черновик',
  },
  partners: {
    title: 'Партнёры',
    newTitle: 'Новая организация',
    editTitle: 'Изменить организацию',
    emptyTitle: 'Пока нет организаций-партнёров',
    emptyText:
      'Добавьте предприятия, колледжи и другие организации, которые дают наставников. Дорожная карта: перечень партнёров — к октябрю.',
    notFound: 'Ни одна организация не подходит под поиск.',
    searchLabel: 'Поиск по названию или контактному лицу',
    representatives: 'Представители (наставники от организации)',
    noRepresentatives: 'Представителей пока нет.',
    addRepresentative: 'Добавить представителя',
    noRole: 'роль в программе не указана',
    deleteConfirm: (name: string) => `Удалить организацию «${name}»?`,
  },
  school: {
    welcomeTitle: 'Добро пожаловать в «Наставник»',
    welcomeText:
      'Приложение работает без интернета: все данные хранятся на этом устройстве. Для начала укажите школу и учебный год — числа обучающихся и педагогов нужны для показателей дорожной карты (не менее 10 % наставников).',
    start: 'Начать работу',
  },
  update: {
    available: 'Доступна новая версия приложения.',
    reload: 'Обновить',
    later: 'Позже',
    offlineReady: 'Приложение сохранено на устройстве и работает без интернета.',
  },
} as const;

// Consents and orders (issue 4).
export const consentSignerLabel: Record<ConsentSigner, string> = {
  self: 'Сам участник',
  representative: 'Законный представитель',
};

export const consentStateLabel: Record<ConsentState, string> = {
  valid: 'действует',
  withdrawn: 'отозвано',
  wrongSigner: 'подписано не тем лицом',
  notYetSigned: 'дата подписания ещё не наступила',
};

export const missingConsentLabel: Record<MissingReason, string> = {
  none: 'согласия нет',
  withdrawn: 'согласие отозвано',
  wrongSigner: 'подписано не тем лицом',
  noBirthDate: 'нет даты рождения: подпись не проверить',
};

export const orderKindLabel: Record<OrderKind, string> = {
  introduceModel: 'О внедрении ЦМН и назначении куратора',
  approveProgramme: 'Об утверждении положения и программы',
  fixMentorships: 'О закреплении пар/групп',
  approvePlans: 'Об утверждении индивидуальных планов',
  rewardMentors: 'О поощрении наставников',
};

// Pairs and groups, meetings and plans (issue 4).
// The labels the domain's documents use too live next to their types; one copy, re-exported here.
export { MEETING_KIND_LABELS as meetingKindLabel } from '../domain/meeting';

/** Short names for the segmented choice of a meeting's kind on a narrow screen. */
export const meetingKindShortLabel: Record<MeetingKind, string> = {
  intro: 'Знакомство',
  trial: 'Пробная',
  planning: 'Планирование',
  work: 'Работа',
  final: 'Итоговая',
};

export { MENTORSHIP_STATUS_LABELS as mentorshipStatusLabel } from '../domain/mentorship';

/** The button that moves a pair to a status. */
export const mentorshipTransitionLabel: Record<MentorshipStatus, string> = {
  forming: 'Вернуть в формирование',
  active: 'Начать работу',
  finished: 'Завершить',
  interrupted: 'Прервать досрочно',
};

export { PLAN_ITEM_STATUS_LABELS as planItemStatusLabel } from '../domain/plan';

/**
 * The drill-down of an indicator: who or what is not (yet) in its numerator, in the indicator's own words — «Не
 * учтены» left the curator guessing whether the four plans listed were counted or not.
 */
export const indicatorMissingLabel: Record<IndicatorId, string> = {
  mentorsAmongStudents: 'Обучающиеся в базе, которые не наставники',
  mentorsAmongTeachers: 'Педагоги в базе, которые не наставники',
  partnersWithMentors: 'Партнёры без наставников',
  consents: 'Без действующего согласия',
  plansAt90: 'Планы, выполненные меньше чем на 90\u00a0%',
  finalEvent: 'Не были на итоговом мероприятии',
  studentsInvolved: 'Обучающиеся в базе, ещё не вовлечённые',
};
