import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { fullName } from '../../domain/person';
import { formatRuDate } from '../../domain/dates';
import { partnersRepo } from '../../storage/repositories';
import { usePartner, usePartnerRepresentatives } from '../../data/partners';
import { partnerKindLabel, roleLabel, t } from '../../i18n/ru';
import { EmptyState, Page } from '../../ui/Page';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useToasts } from '../../ui/toastStore';

export function PartnerPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const show = useToasts((s) => s.show);
  const [confirming, setConfirming] = useState(false);
  const partner = usePartner(id);
  const reps = usePartnerRepresentatives(id);

  if (partner === undefined) return <Page title="Организация" backTo="/partners">{null}</Page>;
  if (partner === null)
    return (
      <Page title="Организация" backTo="/partners">
        <EmptyState title="Организация не найдена" />
      </Page>
    );
  const rows: [string, string][] = [
    ['Вид', partnerKindLabel[partner.kind]],
    ['Контактное лицо', partner.contactPerson],
    ['Телефон', partner.phone],
    ['Электронная почта', partner.email],
    [
      'Соглашение',
      [partner.agreementNumber && `№ ${partner.agreementNumber}`, partner.agreementDate && `от ${formatRuDate(partner.agreementDate)}`]
        .filter(Boolean)
        .join(' '),
    ],
    ['Заметки', partner.notes],
  ].filter(([, v]) => v) as [string, string][];

  const remove = async () => {
    setConfirming(false);
    await partnersRepo.remove(partner.id);
    show(`Организация «${partner.name}» удалена`, { label: t.actions.undo, run: () => void partnersRepo.restore(partner.id) });
    navigate('/partners', { replace: true });
  };

  return (
    <Page title={partner.name} backTo="/partners">
      <dl className="card-fields">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h2 id="reps-h">{t.partners.representatives}</h2>
      {reps && reps.length > 0 ? (
        <ul className="list" aria-labelledby="reps-h">
          {reps.map((p) => (
            <li key={p.id}>
              <Link className="list-item" to={`/people/${p.id}`}>
                <span className="list-title">{fullName(p)}</span>
                <span className="list-sub">{p.roles.length ? p.roles.map((r) => roleLabel[r]).join(', ') : t.partners.noRole}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t.partners.noRepresentatives}</p>
      )}
      <Link className="button button-block" to={`/people/new?partner=${encodeURIComponent(partner.id)}`}>
        {t.partners.addRepresentative}
      </Link>
      <div className="button-row">
        <Link className="button button-primary" to={`/partners/${partner.id}/edit`}>
          {t.actions.edit}
        </Link>
        <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
          {t.actions.delete}
        </button>
      </div>
      <ConfirmDialog open={confirming} message={t.partners.deleteConfirm(partner.name)} onConfirm={remove} onCancel={() => setConfirming(false)} />
    </Page>
  );
}
