import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { ConsentSigner } from '../../domain/consent';
import { consentDocument, consentFileName, type ConsentDocument } from '../../domain/consentDocument';
import { requiredSigner } from '../../domain/consentStatus';
import { todayIso } from '../../domain/dates';
import { DEFAULT_CONSENT_AGE } from '../../domain/person';
import { consentDocx } from '../../storage/documents/consentDocx';
import { consentSignerLabel } from '../../i18n/ru';
import { EmptyState, Page } from '../../ui/Page';
import { PrintActions } from '../../ui/Paper';
import { useSchool } from '../../data/hooks';
import { useConsent } from '../../data/consents';
import { usePerson } from '../../data/people';

/** The prefilled consent form: a print view (the app's chrome hides when printed) and the same text as DOCX. */
export function ConsentPrintPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const consentId = params.get('consent');
  const person = usePerson(id);
  const school = useSchool();
  const consent = useConsent(consentId);
  const [chosen, setChosen] = useState<ConsentSigner | null>(null);
  const back = `/people/${id}`;

  if (person === undefined || school === undefined || consent === undefined) return <Page title="Бланк согласия" backTo={back}>{null}</Page>;
  if (person === null)
    return (
      <Page title="Бланк согласия" backTo="/people">
        <EmptyState title="Участник не найден">
          <p>Возможно, запись удалили на этом или другом устройстве.</p>
        </EmptyState>
      </Page>
    );

  const age = school?.consentAge ?? DEFAULT_CONSENT_AGE;
  const required = requiredSigner(person, todayIso(), age);
  const suggested: ConsentSigner = required === 'representative' || (required === 'unknownAge' && person.category === 'student') ? 'representative' : 'self';
  const signer = consent?.signer ?? (required === 'representative' ? 'representative' : (chosen ?? suggested));
  const doc = consentDocument({
    schoolName: school?.name ?? '',
    academicYear: school?.academicYear ?? '',
    person,
    signer,
    representativeName: consent?.representativeName ?? '',
    representativeRelation: consent?.representativeRelation ?? '',
    signedOn: consent?.signedOn ?? '',
  });


  return (
    <Page title="Бланк согласия" backTo={back}>
      <div className="no-print">
        {!consent && required !== 'representative' && (
          <fieldset className="field">
            <legend>Бланк заполняет</legend>
            <div className="radio-list">
              {(['self', 'representative'] as const).map((s) => (
                <label key={s} className="checkbox">
                  <input type="radio" name="print-signer" value={s} checked={signer === s} onChange={() => setChosen(s)} /> {consentSignerLabel[s]}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        {!consent && required === 'representative' && (
          <p className="notice">Участнику нет {age} лет: бланк заполняет законный представитель.</p>
        )}
        <PrintActions
          make={async () => ({
            blob: await consentDocx(doc),
            fileName: consentFileName(person, consent?.signedOn ?? ''),
            title: 'Согласие на обработку персональных данных',
          })}
        />
      </div>
      <ConsentPaper doc={doc} />
    </Page>
  );
}

function ConsentPaper({ doc }: { doc: ConsentDocument }) {
  return (
    <article className="paper" aria-label="Текст согласия">
      <p className="paper-center paper-bold">{doc.title}</p>
      <p className="paper-center paper-bold">{doc.subtitle}</p>
      <p className="paper-gap paper-indent">{doc.intro}</p>
      {doc.identity.map((line) => (
        <p key={line} className="paper-blank">
          {line}
        </p>
      ))}
      <p className="paper-body">{doc.body}</p>
      {doc.clauses.map((c, i) => (
        <p key={c.heading} className="paper-indent">
          <b>
            {i + 1}. {c.heading}:
          </b>{' '}
          {c.text}
        </p>
      ))}
      <p className="paper-indent">{doc.closing}</p>
      <div className="paper-signature">
        <span>{doc.dateText}</span>
        <span>
          ________________ / {doc.signature.name} /<small>({doc.signature.caption})</small>
        </span>
      </div>
    </article>
  );
}
