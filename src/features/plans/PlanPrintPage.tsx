import { useParams, useSearchParams } from 'react-router';
import { todayIso } from '../../domain/dates';
import { planDocument, planFileName, type PlanDocument } from '../../domain/planDocument';
import { planDocx } from '../../storage/documents/planDocx';
import { EmptyState, Page } from '../../ui/Page';
import { PaperTable, PrintActions } from '../../ui/Paper';
import { useMentoringForms } from '../../data/useMentoringForms';
import { usePlanData } from '../../data/plans';
import { useSchool } from '../../data/hooks';

/** The pair's individual plan as it is printed and signed, and the same as DOCX. */
export function PlanPrintPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const data = usePlanData(id);
  const school = useSchool();
  const forms = useMentoringForms();
  const back = `/mentorships/${id}/plan`;
  if (data === undefined || school === undefined || !forms) return <Page title="Печать плана" backTo={back}>{null}</Page>;
  const plan = data?.plans.find((p) => p.id === params.get('plan')) ?? data?.plans[0];
  if (!data || !plan)
    return (
      <Page title="Печать плана" backTo={back}>
        <EmptyState title="Плана пока нет">
          <p>Сначала составьте индивидуальный план пары или группы.</p>
        </EmptyState>
      </Page>
    );
  const order = plan.approvedByOrderId ? data.orders.get(plan.approvedByOrderId) : undefined;
  const today = todayIso();
  const doc = planDocument({
    schoolName: school?.name ?? '',
    curatorName: school?.curatorName ?? '',
    plan,
    items: data.items.filter((i) => i.planId === plan.id),
    mentorship: data.mentorship,
    formName: forms.find((f) => f.id === data.mentorship.formId)?.name ?? '',
    people: data.people,
    ...(order ? { approvedBy: { number: order.number, date: order.date } } : {}),
    today,
  });
  return (
    <Page title="Печать плана" backTo={back}>
      <PrintActions make={async () => ({ blob: await planDocx(doc), fileName: planFileName(doc, today), title: doc.heading })} />
      <PlanPaper doc={doc} />
    </Page>
  );
}

function PlanPaper({ doc }: { doc: PlanDocument }) {
  return (
    <article className="paper" aria-label="Текст плана">
      <p className="paper-center paper-bold">{doc.organisation}</p>
      {doc.approval && <p className="paper-right">{doc.approval}</p>}
      <p className="paper-center paper-bold paper-gap">{doc.heading}</p>
      <dl className="paper-facts">
        {doc.facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}:</dt> <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <PaperTable columns={doc.table.columns} rows={doc.table.rows} />
      <p className="paper-gap">{doc.progress}</p>
      {doc.signatures.map((s, i) => (
        <p key={i} className="paper-sign-row">
          <span>
            {s.role}: {s.name}
          </span>
          <span className="paper-sign-line" aria-label="место для подписи" role="img" />
        </p>
      ))}
    </article>
  );
}
