import { Link } from 'react-router';
import { saveSchool } from '../../storage/repositories';
import { Page } from '../../ui/Page';
import { useToasts } from '../../ui/toastStore';
import { SchoolProfileForm } from '../../ui/SchoolForm';
import { StorageStatus } from './StorageStatus';
import { InstallSection } from './InstallSection';
import { DeviceNameForm } from '../../ui/DeviceNameForm';
import { useDeviceRole } from '../../data/useDeviceRole';
import { DeviceRoleSection } from './DeviceRoleSection';
import { useDeviceId, useSchool } from '../../data/hooks';

export function SettingsPage() {
  const school = useSchool();
  const show = useToasts((s) => s.show);
  const deviceId = useDeviceId();
  const role = useDeviceRole();
  return (
    <Page title="Настройки">
      <section aria-labelledby="school-h">
        <h2 id="school-h">Школа и учебный год</h2>
        {role?.kind === 'mentor' && school ? (
          <>
            <dl className="card-fields" data-testid="school-readonly">
              <div>
                <dt>Школа</dt>
                <dd>{school.name}</dd>
              </div>
              <div>
                <dt>Учебный год</dt>
                <dd>{school.academicYear}</dd>
              </div>
              <div>
                <dt>Директор</dt>
                <dd>{school.directorName || '—'}</dd>
              </div>
              <div>
                <dt>Куратор</dt>
                <dd>{school.curatorName || '—'}</dd>
              </div>
            </dl>
            <p className="muted">Профиль школы ведёт куратор; на телефоне наставника он только для чтения и обновляется с файлами куратора.</p>
          </>
        ) : school !== undefined && role !== undefined && (
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
      {role && <DeviceRoleSection role={role} />}
      <InstallSection />
      <StorageStatus />
      <section aria-labelledby="erasure-h">
        <h2 id="erasure-h">Уничтожение персональных данных</h2>
        <p>
          Данные участника уничтожают с его карточки («Уничтожить персональные данные»). Каждое уничтожение записано в журнал вместе с актом; записи
          хранятся 3 года.
        </p>
        <p>
          <Link to="/erasures">Журнал уничтожения персональных данных</Link>
        </p>
      </section>
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
