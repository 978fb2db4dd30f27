import { Link } from 'react-router';
import { RESPONDENT_ROLE_LABELS } from '../../domain/questionnaire';
import { QUESTIONNAIRE_TEMPLATES } from '../../domain/questionnaireTemplates';
import { plural } from '../../domain/text';
import { addTemplate } from '../../storage/yearWork';
import { useQuestionnaireResponses, useQuestionnaires } from '../../data/questionnaires';
import { EmptyState, Page } from '../../ui/Page';
import { useToasts } from '../../ui/toastStore';

/** Diagnostic questionnaires: the school's, the built-in templates to add, and a new one. */
export function QuestionnairesPage() {
  const show = useToasts((s) => s.show);
  const list = useQuestionnaires();
  const responses = useQuestionnaireResponses();
  if (!list || !responses) return <Page title="Диагностические анкеты" backTo="/more">{null}</Page>;
  const have = new Set(list.map((q) => q.id));
  const templates = QUESTIONNAIRE_TEMPLATES.filter((t) => !have.has(t.id));
  return (
    <Page
      title="Диагностические анкеты"
      backTo="/more"
      actions={
        <Link className="button button-small button-primary" to="/questionnaires/new">
          Новая
        </Link>
      }
    >
      {list.length === 0 ? (
        <EmptyState title="Анкет пока нет">
          <p>Добавьте готовый шаблон ниже или составьте свою анкету кнопкой «Новая».</p>
        </EmptyState>
      ) : (
        <ul className="list" aria-label="Анкеты">
          {list.map((q) => {
            const n = responses.filter((r) => r.questionnaireId === q.id).length;
            return (
              <li key={q.id}>
                <Link className="list-item" to={`/questionnaires/${q.id}`}>
                  <span className="list-title">{q.title}</span>
                  <span className="list-sub">
                    отвечает {RESPONDENT_ROLE_LABELS[q.role]} · {plural(q.questions.length, { one: 'вопрос', few: 'вопроса', many: 'вопросов' })} ·{' '}
                    {plural(n, { one: 'ответ', few: 'ответа', many: 'ответов' })}
                    {q.beforeAfter ? ' · в начале и в конце года' : ''}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      {templates.length > 0 && (
        <section className="card-section" aria-labelledby="tpl-h">
          <h2 id="tpl-h">Готовые шаблоны</h2>
          <ul className="list">
            {templates.map((t) => (
              <li key={t.id} className="list-item">
                <span className="list-title">{t.title}</span>
                <span className="list-sub">{t.description}</span>
                <button type="button" className="button button-small" onClick={() => void addTemplate(t.id).then(() => show(`Анкета «${t.title}» добавлена`))}>
                  Добавить «{t.title}»
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}
