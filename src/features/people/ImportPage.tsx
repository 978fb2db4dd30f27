import { useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useNavigate } from 'react-router';
import { countRows, parseClassList, peopleToImport } from '../../domain/classList';
import { PERSON_CATEGORIES, PERSON_ROLES, type PersonCategory, type PersonRole } from '../../domain/person';
import { plural } from '../../domain/text';
import { readSpreadsheetFile } from '../../storage/readSpreadsheetFile';
import { peopleRepo } from '../../storage/repositories';
import { categoryLabel, roleLabel, t } from '../../i18n/ru';
import { Page } from '../../ui/Page';
import { SelectField, TextField } from '../../ui/fields';
import { useToasts } from '../../ui/toastStore';
import { ImportCounts, ImportPreview } from './ImportPreview';
import { usePeople } from '../../data/hooks';

// A partner's representative needs a partner organisation, which a class list cannot name: added one by one.
const IMPORT_CATEGORIES = PERSON_CATEGORIES.filter((c) => c !== 'partnerRep');

type FileState =
  | { kind: 'none' }
  | { kind: 'reading'; name: string }
  | { kind: 'read'; name: string; rows: string[][] }
  | { kind: 'error'; name: string; message: string };

export function ImportPage() {
  const navigate = useNavigate();
  const show = useToasts((s) => s.show);
  const existing = usePeople();
  const [file, setFile] = useState<FileState>({ kind: 'none' });
  const [defaultClass, setDefaultClass] = useState('');
  const [category, setCategory] = useState<PersonCategory>('student');
  const [role, setRole] = useState<PersonRole | ''>('');
  const [includeDuplicates, setIncludeDuplicates] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState('');
  const readToken = useRef(0);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const picked = e.target.files?.[0];
    // Picking a second file while the first is still being read: only the last one may land.
    const token = ++readToken.current;
    setSaveError('');
    setIncludeDuplicates(false);
    if (!picked) {
      setFile({ kind: 'none' });
      return;
    }
    setFile({ kind: 'reading', name: picked.name });
    const read = await readSpreadsheetFile(picked);
    if (token !== readToken.current) return;
    setFile(read.ok ? { kind: 'read', name: picked.name, rows: read.rows } : { kind: 'error', name: picked.name, message: read.message });
  };

  // Parsing is cheap next to reading, so it reruns on every option change and whenever the base changes.
  const list = useMemo(
    () =>
      file.kind === 'read' && existing
        ? parseClassList(file.rows, { defaultClass, category, roles: role ? [role] : [], existing })
        : null,
    [file, existing, defaultClass, category, role],
  );
  const rows = list?.ok ? list.rows : [];
  const counts = countRows(rows);
  const toImport = peopleToImport(rows, includeDuplicates);
  const problem = file.kind === 'error' ? file.message : list && !list.ok ? list.message : '';

  const confirm = async () => {
    setSaving(true);
    setSaveError('');
    try {
      // One transaction: either the whole list is in the base or none of it.
      await peopleRepo.saveMany(toImport.map((fields) => ({ fields })));
      show(`Добавлено: ${plural(toImport.length, { one: 'участник', few: 'участника', many: 'участников' })}`);
      navigate('/people');
    } catch {
      setSaveError('Не удалось сохранить список: ни одна строка не добавлена. Попробуйте ещё раз.');
      setSaving(false);
    }
  };

  return (
    <Page title={t.actions.import} backTo="/people">
      <p className="muted">
        Загрузите список из Excel (.xlsx) или CSV. Первая строка таблицы — заголовки: «ФИО» (или «Фамилия», «Имя»,
        «Отчество»), «Класс», «Дата рождения» в виде ДД.ММ.ГГГГ. Ничего не сохранится, пока вы не подтвердите.
      </p>
      <div className="form">
        <div className="field">
          <label htmlFor="import-file">Файл списка (.xlsx или .csv)</label>
          <input
            id="import-file"
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={onFile}
            aria-describedby={problem ? 'import-problem' : undefined}
          />
        </div>
        <SelectField
          label="Категория участников"
          value={category}
          onChange={(e) => setCategory(e.target.value as PersonCategory)}
          options={IMPORT_CATEGORIES.map((c) => ({ value: c, label: categoryLabel[c] }))}
        />
        {category === 'student' && (
          <TextField
            label="Класс по умолчанию"
            hint="Для строк без класса и для списков без столбца «Класс», например 7Б"
            value={defaultClass}
            onChange={(e) => setDefaultClass(e.target.value)}
            autoComplete="off"
          />
        )}
        <SelectField
          label="Роль в программе"
          hint="Назначается всем строкам, у которых нет своей роли в столбце «Роль»"
          value={role}
          onChange={(e) => setRole(e.target.value as PersonRole | '')}
          placeholder="Без роли"
          options={PERSON_ROLES.map((r) => ({ value: r, label: roleLabel[r] }))}
        />
      </div>

      {file.kind === 'reading' && (
        <p className="muted" role="status">
          Читаем «{file.name}»…
        </p>
      )}
      {problem && (
        <div className="notice notice-error" role="alert" id="import-problem">
          {problem}
        </div>
      )}
      {list?.ok && (
        <>
          {list.missingColumns.length > 0 && (
            <div className="notice notice-warn" role="status">
              В файле нет столбцов: {list.missingColumns.map((c) => `«${c}»`).join(', ')}.
              {list.missingColumns.includes('Класс') && ' Класс берётся из поля «Класс по умолчанию».'}
            </div>
          )}
          <ImportCounts counts={counts} willAdd={toImport.length} />
          {counts.duplicate > 0 && (
            <label className="checkbox">
              <input type="checkbox" checked={includeDuplicates} onChange={(e) => setIncludeDuplicates(e.target.checked)} /> Всё
              равно добавить дубликаты ({counts.duplicate})
            </label>
          )}
          <ImportPreview rows={rows} includeDuplicates={includeDuplicates} />
          {saveError && (
            <div className="notice notice-error" role="alert">
              {saveError}
            </div>
          )}
          <div className="form-actions">
            <button type="button" className="button" onClick={() => navigate('/people')}>
              {t.actions.cancel}
            </button>
            <button type="button" className="button button-primary" disabled={saving || toImport.length === 0} onClick={confirm}>
              Добавить {plural(toImport.length, { one: 'участника', few: 'участника', many: 'участников' })}
            </button>
          </div>
        </>
      )}
    </Page>
  );
}
