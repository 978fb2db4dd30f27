import { useLiveQuery } from 'dexie-react-hooks';
import { getSchool, saveSchool } from '../../storage/repositories';
import { getDb } from '../../storage/db';
import { Page } from '../../ui/Page';
import { useToasts } from '../../ui/toastStore';
import { SchoolProfileForm } from '../school/SchoolForm';
import { StorageStatus } from './StorageStatus';
import { InstallSection } from './InstallSection';
import { DeviceNameForm } from '../sharing/DeviceNameForm';

export function SettingsPage() {
  const school = useLiveQuery(() => getSchool().then((s) => s ?? null), []);
  const show = useToasts((s) => s.show);
  const deviceId = useLiveQuery(() => getDb().meta.get('deviceId').then((r) => String(r?.value ?? '')), []);
  return (
    <Page title="Настройки">
      <section aria-labelledby="school-h">
        <h2 id="school-h">Школа и учебный год</h2>
        {school !== undefined && (
          <SchoolProfileForm
            key={school?.updatedAt ?? 'none'}
            initial={{
              name: school?.name ?? '',
              academicYear: school?.academicYear ?? '',
              studentsTotal: String(school?.studentsTotal ?? ''),
              teachersTotal: String(school?.teachersTotal ?? ''),
              consentAge: String(school?.consentAge ?? 14),
              directorName: school?.directorName ?? '',
              curatorName: school?.curatorName ?? '',
            }}
            submitLabel="Сохранить"
            onSave={async (f) => {
              await saveSchool(f);
              show('Профиль школы сохранён');
            }}
          />
        )}
      </section>
      <InstallSection />
      <StorageStatus />
      <section aria-labelledby="about-h">
        <h2 id="about-h">О приложении</h2>
        <dl className="card-fields">
          <div>
            <dt>Версия</dt>
            <dd data-testid="app-version">{__APP_VERSION__}</dd>
          </div>
          <div>
            <dt>Код устройства</dt>
            <dd>{deviceId || '—'}</dd>
          </div>
        </dl>
        <DeviceNameForm />
        <p className="muted">Данные хранятся только на этом устройстве. Никакие сведения не отправляются в интернет.</p>
      </section>
    </Page>
  );
}
