/**
 * The built-in roadmap of a year: the school's 2025/2026 roadmap as rows relative to the year. Apart from
 * ./roadmap.ts, so that the screens that only read the roadmap do not load its long texts (issue 14); the storage
 * loads it when it seeds a year (ensureRoadmap).
 */
import type { IsoDate } from './dates';
import { MONTH_NAMES, startYear, type EvidenceScreen, type RoadmapSection, type RoadmapTaskFields } from './roadmap';

/** A term relative to the academic year: month 1–12 of its first (0) or second (1) calendar year, or none. */
interface TemplateTerm {
  text: string;
  month?: number;
  yearOffset?: 0 | 1;
}

interface TemplateRow {
  section: RoadmapSection;
  content: string;
  term: TemplateTerm;
  expectedResult: string;
  indicator: string;
  responsible: string;
  evidenceRoute: EvidenceScreen | '';
}

const WHOLE_YEAR: TemplateTerm = { text: 'В течение всего периода реализации ЦМН', month: 6, yearOffset: 1 };

/**
 * The rows of the school's roadmap for 2025/2026 (its text and how it maps to the code: docs/DOMAIN.md), columns put back where
 * the source table lost them. Terms are relative to the year, so the template serves any year; the seed's «До мая
 * 2025» for the final game (a typo: the game ends the 2025/2026 year) becomes May of the year's second half.
 */
export const ROADMAP_TEMPLATE: readonly TemplateRow[] = [
  {
    section: 'organisation',
    content: 'Формирование базы наставляемых из числа обучающихся, педагогов, представителей родительской общественности, выпускников, партнеров и т. д.',
    term: { text: 'Сентябрь', month: 9, yearOffset: 0 },
    expectedResult: 'Сформирована база наставляемых',
    indicator: 'Количество участников, охваченных системой наставничества',
    responsible: 'Куратор внедрения целевой модели наставничества',
    evidenceRoute: '/people?role=mentee',
  },
  {
    section: 'organisation',
    content: 'Формирование базы наставников из числа обучающихся, педагогов, представителей родительской общественности, выпускников, партнеров и т. д.',
    term: WHOLE_YEAR,
    expectedResult: 'Сформирована база наставников',
    indicator: 'Наставников не менее 10 % от каждой целевой группы: 10 % от общего числа обучающихся школы, 10 % от общего числа педагогических работников',
    responsible: 'Наставник',
    evidenceRoute: '/people?role=mentor',
  },
  {
    section: 'organisation',
    content: 'Формирование перечня партнерских организаций в целях привлечения их к реализации программы (системы) наставничества',
    term: { text: 'Октябрь', month: 10, yearOffset: 0 },
    expectedResult: 'Сформирован перечень партнерских организаций',
    indicator: '2–3 % организаций, предприятий приняли участие в реализации целевой модели наставничества, предоставив наставников',
    responsible: 'Наставник',
    evidenceRoute: '/partners',
  },
  {
    section: 'organisation',
    content: 'Организация обучения педагогических работников, наставников, в том числе с применением дистанционных образовательных технологий',
    term: { text: 'По отдельному графику' },
    expectedResult: 'Привлечено не менее 2 экспертов, сформированы группы наставников для обучения, проведено не менее 10 образовательных занятий для каждой группы, оказаны индивидуальные консультации',
    indicator: 'Не менее 2 экспертов; не менее 10 занятий для каждой группы',
    responsible: 'Директор школы',
    evidenceRoute: '',
  },
  {
    section: 'organisation',
    content: 'Организация общей встречи потенциальных наставников и наставляемых в формате «нетворкинг» (комплекс упражнений на знакомство, взаимодействие и коммуникацию)',
    term: { text: 'Сентябрь', month: 9, yearOffset: 0 },
    expectedResult: 'Организована общая встреча в формате «нетворкинг», проведено анкетирование на предмет предпочитаемого наставника и наставляемого',
    indicator: '',
    responsible: 'Наставник',
    evidenceRoute: '/networking',
  },
  {
    section: 'organisation',
    content: 'Формирование наставнических пар или групп',
    term: { text: 'Сентябрь', month: 9, yearOffset: 0 },
    expectedResult: 'Сформированы наставнические пары или группы',
    indicator: '',
    responsible: 'Наставник',
    evidenceRoute: '/mentorships',
  },
  {
    section: 'organisation',
    content: 'Оформление согласий на обработку персональных данных участников целевой модели наставничества и законных представителей обучающихся, не достигших 14-летнего возраста',
    term: { text: 'До конца октября', month: 10, yearOffset: 0 },
    expectedResult: 'Оформлены согласия на обработку персональных данных у 100 % участников (из общей базы)',
    indicator: '100 % участников с согласием',
    responsible: 'Наставник',
    evidenceRoute: '/consents',
  },
  {
    section: 'organisation',
    content: 'Организация работы наставнических пар или групп: встреча-знакомство; пробная встреча; встреча-планирование; совместная работа наставляемого в соответствии с разработанным индивидуальным планом; итоговая встреча',
    term: WHOLE_YEAR,
    expectedResult: 'Реализация мероприятий в рамках индивидуальных планов',
    indicator: '',
    responsible: 'Наставник',
    evidenceRoute: '/mentorships',
  },
  {
    section: 'organisation',
    content: 'Проведение первых организационных встреч внутри наставнической пары/группы',
    term: { text: 'До конца октября', month: 10, yearOffset: 0 },
    expectedResult: 'Проведены организационные встречи, составлены индивидуальные планы внутри каждой наставнической пары/группы',
    indicator: '',
    responsible: 'Наставник',
    evidenceRoute: '/mentorships',
  },
  {
    section: 'organisation',
    content: 'Утверждение индивидуальных планов',
    term: { text: 'До конца ноября', month: 11, yearOffset: 0 },
    expectedResult: 'Приказ по образовательной организации об утверждении индивидуальных планов',
    indicator: '',
    responsible: 'Директор',
    evidenceRoute: '/orders',
  },
  {
    section: 'organisation',
    content: 'Реализация индивидуальных планов',
    term: WHOLE_YEAR,
    expectedResult: 'Индивидуальные планы реализованы; планы, выполненные менее чем на 90 %, — предмет внимания',
    indicator: 'Планы, выполненные не менее чем на 90 %',
    responsible: 'Куратор, наставники',
    evidenceRoute: '/mentorships?attention=1',
  },
  {
    section: 'organisation',
    content: 'Организация общей заключительной встречи участников всех наставнических пар/групп в формате деловой игры «Твой результат — мои возможности»',
    term: { text: 'До мая', month: 5, yearOffset: 1 },
    expectedResult: 'Организована деловая игра для участников всех наставнических пар/групп',
    indicator: 'Участие в игре приняли не менее 90 % участников',
    responsible: 'Директор, куратор',
    evidenceRoute: '',
  },
  {
    section: 'methods',
    content: 'Разработка программно-методических материалов, необходимых для реализации программы (системы) наставничества для каждой из наставнических групп',
    term: { text: 'Август', month: 8, yearOffset: 0 },
    expectedResult: 'Программные, методические и дидактические материалы',
    indicator: '',
    responsible: 'Куратор внедрения целевой модели наставничества',
    evidenceRoute: '',
  },
  {
    section: 'methods',
    content: 'Разработка формы диагностической анкеты, исходя из индивидуальных особенностей и потребностей наставляемого и ресурсов наставника, для последующего мониторинга эффективности реализации целевой модели наставничества',
    term: { text: '' },
    expectedResult: 'Разработаны формы диагностической анкеты для каждой сформированной группы/пары',
    indicator: '',
    responsible: 'Куратор внедрения целевой модели наставничества',
    evidenceRoute: '',
  },
];

const MONTHS_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

function lastDayOf(year: number, month: number): IsoDate {
  const d = new Date(Date.UTC(year, month, 0));
  return d.toISOString().slice(0, 10);
}

/**
 * The template for `academicYear` with stable ids (`roadmap-2025-2026-01`…), so that two devices seeding the same
 * year independently hold the same records instead of duplicates.
 */
export function roadmapTemplate(academicYear: string): { id: string; fields: RoadmapTaskFields }[] {
  const y0 = startYear(academicYear);
  return ROADMAP_TEMPLATE.map((row, i) => {
    const { term } = row;
    const year = y0 + (term.yearOffset ?? 0);
    const deadline = term.month ? lastDayOf(year, term.month) : '';
    const deadlineText =
      term.month && term === WHOLE_YEAR
        ? term.text
        : term.month && term.text.startsWith('До')
          ? `До конца ${MONTHS_GENITIVE[term.month - 1]} ${year} г.`
          : term.month
            ? `${MONTH_NAMES[term.month - 1]![0]!.toUpperCase()}${MONTH_NAMES[term.month - 1]!.slice(1)} ${year} г.`
            : term.text;
    return {
      id: `roadmap-${y0}-${y0 + 1}-${String(i + 1).padStart(2, '0')}`,
      fields: {
        academicYear,
        section: row.section,
        order: i + 1,
        content: row.content,
        deadlineText,
        deadline,
        expectedResult: row.expectedResult,
        indicator: row.indicator,
        responsible: row.responsible,
        status: 'planned',
        doneOn: '',
        evidenceRoute: row.evidenceRoute,
        note: '',
      },
    };
  });
}
