import { Link } from 'react-router';
import { Page } from '../ui/Page';

/** Every area that does not fit the bottom bar, in the order of the school year. */
const SECTIONS: { to: string; title: string; text: string }[] = [
  { to: '/monitoring', title: 'Мониторинг', text: 'Показатели дорожной карты: значение, цель, кто не учтён' },
  { to: '/roadmap', title: 'Дорожная карта', text: 'Задачи года, сроки, документы' },
  { to: '/partners', title: 'Партнёры', text: 'Организации, которые дают наставников' },
  { to: '/networking', title: 'Нетворкинг и подбор пар', text: 'Встреча, анкеты предпочтений, предложения пар' },
  { to: '/consents', title: 'Согласия на обработку данных', text: 'Кто подписал, кому ещё нужно' },
  { to: '/erasures', title: 'Журнал уничтожения персональных данных', text: 'Чьи данные уничтожены, акты и выгрузка из журнала' },
  { to: '/orders', title: 'Приказы', text: 'О закреплении пар, об утверждении планов' },
  { to: '/events', title: 'Мероприятия', text: 'Итоговая деловая игра и другие: кто пришёл' },
  { to: '/training', title: 'Обучение наставников', text: 'Группы, занятия, эксперты, консультации' },
  { to: '/recognitions', title: 'Поощрение наставников', text: 'Благодарности, грамоты, «Наставник года»; приказ о поощрении' },
  { to: '/practices', title: 'Лучшие практики', text: 'Что удалось парам и группам: для следующего года' },
  { to: '/questionnaires', title: 'Диагностические анкеты', text: 'Конструктор, заполнение, результаты, изменение за год' },
  { to: '/materials', title: 'Методические материалы', text: 'Файлы на устройстве: открыть, поделиться' },
  { to: '/report', title: 'Отчёт мониторинга', text: 'XLSX для муниципалитета, печать, CSV' },
  { to: '/summary', title: 'Сводка по школам', text: 'Для муниципалитета: показатели многих школ из их файлов в одной таблице, XLSX' },
  { to: '/settings', title: 'Настройки', text: 'Школа, учебный год, хранилище' },
];

export function MorePage() {
  return (
    <Page title="Ещё">
      <ul className="list">
        {SECTIONS.map((s) => (
          <li key={s.to}>
            <Link className="list-item" to={s.to}>
              <span className="list-title">{s.title}</span>
              <span className="list-sub">{s.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}
