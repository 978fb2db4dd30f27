import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { academicYearOfIso } from '../../domain/school';
import { todayIso } from '../../domain/dates';
import { DEFAULT_CONSENT_AGE } from '../../domain/person';
import { saveSchool } from '../../storage/repositories';
import { t } from '../../i18n/ru';
import { Page } from '../../ui/Page';
import { SchoolProfileForm } from '../../ui/SchoolForm';

// The import (its reader, the preview and the erasure texts) loads when «Загрузите её файл обмена» is opened, not
// with the wizard (issue 14: a new phone's first screen).
const BundleImport = lazy(() => import('../../ui/BundleImport').then((m) => ({ default: m.BundleImport })));

/** The first-run wizard: the school and the year's denominators, then straight to the participants base. */
export function WelcomePage() {
  const navigate = useNavigate();
  const [importOpen, setImportOpen] = useState(false);
  return (
    <Page title={t.school.welcomeTitle}>
      <p>{t.school.welcomeText}</p>
      <SchoolProfileForm
        initial={{ name: '', academicYear: academicYearOfIso(todayIso()), studentsTotal: '', teachersTotal: '', consentAge: String(DEFAULT_CONSENT_AGE), directorName: '', curatorName: '' }}
        submitLabel={t.school.start}
        onSave={async (fields) => {
          await saveSchool(fields);
          navigate('/people', { replace: true });
        }}
      />
      <details className="card-section welcome-import" onToggle={(e) => e.currentTarget.open && setImportOpen(true)}>
        <summary>Школа уже ведётся на другом устройстве? Загрузите её файл обмена</summary>
        <p className="muted">
          Попросите куратора сохранить файл обмена («Обмен» → «Сохранить файл обмена») и откройте его здесь: школа, участники и пары
          появятся на этом устройстве, и дальше устройства будут обмениваться файлами.
        </p>
        {importOpen && (
          <Suspense fallback={<p className="muted">Загрузка…</p>}>
            <BundleImport applyLabel="Загрузить данные" onImported={() => navigate('/', { replace: true })} />
          </Suspense>
        )}
      </details>
      <p className="card-section muted">
        Вы методист муниципалитета и собираете показатели школ? <Link to="/summary">Сводка по школам</Link> открывается без своей школы:
        файлы школ читаются только для сводки и на устройстве не остаются.
      </p>
    </Page>
  );
}
