import type { Question, QuestionnaireFields } from './questionnaire';

const scale = (id: string, text: string): Question => ({ id, kind: 'scale', text, options: [] });
const one = (id: string, text: string, options: string[]): Question => ({ id, kind: 'one', text, options });
const many = (id: string, text: string, options: string[]): Question => ({ id, kind: 'many', text, options });
const text = (id: string, t: string): Question => ({ id, kind: 'text', text: t, options: [] });

/**
 * Built-in questionnaires in the spirit of the federal model's monitoring (оценка удовлетворённости участников и
 * динамики наставляемого). Stable ids: two devices that add a template hold the same record.
 */
export const QUESTIONNAIRE_TEMPLATES: readonly ({ id: string } & QuestionnaireFields)[] = [
  {
    id: 'tpl-mentee-before-after',
    title: 'Анкета наставляемого: начало и конец года',
    role: 'mentee',
    formIds: [],
    beforeAfter: true,
    description: 'Заполняется дважды — в начале и в конце года; по разнице видно, что изменилось.',
    questions: [
      scale('interest', 'Насколько вам интересно учиться (работать)?'),
      scale('confidence', 'Насколько вы уверены в своих силах?'),
      scale('goals', 'Насколько ясно вы представляете свои цели на год?'),
      scale('planning', 'Насколько вы умеете планировать своё время?'),
      scale('speaking', 'Насколько легко вам выступать перед другими?'),
      scale('teamwork', 'Насколько легко вам работать в команде?'),
      scale('career', 'Насколько вам понятна будущая профессия (дальнейший путь)?'),
      many('help', 'В чём вам нужна помощь?', ['учёба', 'проект', 'выбор профессии', 'общение', 'уверенность в себе', 'другое']),
      text('expect', 'Чего вы ждёте от работы с наставником?'),
    ],
  },
  {
    id: 'tpl-mentee-satisfaction',
    title: 'Удовлетворённость наставляемого',
    role: 'mentee',
    formIds: [],
    beforeAfter: false,
    description: 'В конце года или после итоговой встречи.',
    questions: [
      scale('overall', 'Насколько вы довольны работой с наставником в целом?'),
      scale('useful', 'Насколько полезными были встречи?'),
      scale('attention', 'Насколько наставник был внимателен к вашим вопросам?'),
      scale('plan', 'Насколько выполнен ваш индивидуальный план?'),
      one('frequency', 'Как часто вы встречались?', ['раз в неделю', 'два раза в месяц', 'раз в месяц', 'реже']),
      one('again', 'Хотели бы вы продолжить в следующем году?', ['да', 'нет', 'не знаю']),
      text('best', 'Что было самым полезным?'),
      text('change', 'Что бы вы изменили?'),
    ],
  },
  {
    id: 'tpl-mentor-satisfaction',
    title: 'Удовлетворённость наставника',
    role: 'mentor',
    formIds: [],
    beforeAfter: false,
    description: 'В конце года или после итоговой встречи.',
    questions: [
      scale('overall', 'Насколько вы довольны работой в роли наставника?'),
      scale('progress', 'Насколько заметен прогресс наставляемого?'),
      scale('training', 'Насколько полезным было обучение наставников?'),
      scale('support', 'Насколько вас поддерживал куратор?'),
      scale('time', 'Насколько вам хватало времени на встречи?'),
      many('difficulties', 'Что мешало?', ['нехватка времени', 'мотивация наставляемого', 'нехватка материалов', 'организация встреч', 'ничего']),
      one('again', 'Готовы ли вы продолжить в следующем году?', ['да', 'нет', 'не знаю']),
      text('result', 'Главный результат вашей работы'),
    ],
  },
];
