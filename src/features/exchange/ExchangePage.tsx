import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatBytes, plural } from '../../domain/text';
import { takeSharedFile } from '../../storage/sharedFile';
import type { ExchangeRecord } from '../../storage/bundle/exchanges';
import { undoErrorMessage } from '../../storage/bundle/undoImport';
import { undoLastImportHere } from '../../storage/onThisDevice';
import { useConflictCount, useExchangeHistory, useLastExportAt, useLastImportSnapshot, useUndoDroppedByErasure } from '../../data/exchange';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Page } from '../../ui/Page';
import { useToasts } from '../../ui/toastStore';
import { BundleImport, importSummary } from '../../ui/BundleImport';
import { ExportSection } from './ExportSection';
import { DeviceNameForm } from '../../ui/DeviceNameForm';
import { SetAsideSection } from './SetAsideSection';
import { formatDateTime } from '../../domain/dates';

/** «Обмен»: export, import, undo of the last import, conflicts and the history of exchanges. */
export function ExchangePage() {
  const show = useToasts((s) => s.show);
  const conflicts = useConflictCount();
  const lastExport = useLastExportAt();
  const snapshot = useLastImportSnapshot();
  const undoDropped = useUndoDroppedByErasure();
  const history = useExchangeHistory();
  const [undo, setUndo] = useState<null | { message: string; force: boolean }>(null);
  const [undoProblem, setUndoProblem] = useState<string | null>(null);
  const [params, setParams] = useSearchParams();
  const [shared, setShared] = useState<File | undefined>(undefined);
  const [sharedProblem, setSharedProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!params.has('shared') && !params.has('opened')) return;
    void takeSharedFile().then((f) => {
      if (f) setShared(f);
      else setSharedProblem('Файл не дошёл до приложения. Сохраните его из мессенджера и выберите здесь вручную.');
      setParams({}, { replace: true });
    });
  }, [params, setParams]);

  const runUndo = async (force: boolean) => {
    setUndo(null);
    setUndoProblem(null);
    const r = await undoLastImportHere({ force });
    if (r.ok) show(`Импорт отменён: возвращено ${plural(r.value.restored, { one: 'запись', few: 'записи', many: 'записей' })}`);
    else if (r.error.kind === 'changedSince') setUndo({ message: `${undoErrorMessage(r.error)} Всё равно отменить?`, force: true });
    else setUndoProblem(undoErrorMessage(r.error));
  };

  return (
    <Page title="Обмен данными">
      <p className="muted">
        Устройства обмениваются файлами: сохраните файл здесь, отправьте его (мессенджер, флешка) и откройте на другом устройстве. Ничьи
        изменения не теряются.
      </p>

      {conflicts !== undefined && conflicts > 0 && (
        <Link to="/exchange/conflicts" className="notice notice-warn conflicts-link">
          Конфликты: {conflicts} — одно поле изменено на двух устройствах по-разному. Сравнить и выбрать →
        </Link>
      )}

      <section className="card-section" aria-labelledby="qr-h">
        <h2 id="qr-h">Без сети: телефон к телефону</h2>
        <p className="muted">Коды на экране одного телефона, камера другого. Обычно достаточно нескольких секунд.</p>
        <div className="button-row">
          <Link className="button button-primary" to="/exchange/qr/send">
            Передать по QR
          </Link>
          <Link className="button" to="/exchange/qr/receive">
            Принять по QR
          </Link>
        </div>
      </section>

      <section className="card-section" aria-labelledby="export-h">
        <h2 id="export-h">Сохранить файл обмена</h2>
        <p className="muted" data-testid="last-export">
          {/* Only a whole-school file is a backup; pair files and «только новое» do not count (the history lists them all). */}
          {lastExport
            ? `Последняя резервная копия (вся школа): ${formatDateTime(lastExport)}`
            : 'Резервную копию всей школы с этого устройства ещё не сохраняли.'}
        </p>
        <DeviceNameForm />
        <ExportSection />
      </section>

      <section className="card-section" aria-labelledby="import-h">
        <h2 id="import-h">Загрузить файл обмена</h2>
        {sharedProblem && (
          <p className="notice notice-warn" role="status">
            {sharedProblem}
          </p>
        )}
        <BundleImport initialFile={shared} onImported={(r) => show(`Импортировано: ${importSummary(r)}`)} />
        {snapshot && (
          <div className="undo-import">
            <p className="muted">Последний импорт: {formatDateTime(snapshot.at)}.</p>
            <button type="button" className="button" onClick={() => setUndo({ message: 'Отменить последний импорт? Данные вернутся к состоянию до него.', force: false })}>
              Отменить последний импорт
            </button>
          </div>
        )}
        {!snapshot && undoDropped && (
          <p className="muted" data-testid="undo-dropped">
            Последний импорт ({formatDateTime(undoDropped.at)}) отменить нельзя, отменять нечего:{' '}
            {undoErrorMessage({ kind: 'nothingToUndo', afterErasure: true }).replace(/^Отменять нечего: /, '')}
          </p>
        )}
        {undoProblem && (
          <div className="notice notice-error" role="alert">
            {undoProblem}
          </div>
        )}
      </section>

      <section className="card-section" aria-labelledby="conflicts-h">
        <h2 id="conflicts-h">Конфликты</h2>
        <p>
          {conflicts ? `${plural(conflicts, { one: 'запись ждёт', few: 'записи ждут', many: 'записей ждут' })} вашего выбора.` : 'Конфликтов нет.'}{' '}
          <Link to="/exchange/conflicts">Открыть список</Link>
        </p>
      </section>

      <SetAsideSection />

      <section className="card-section" aria-labelledby="history-h">
        <h2 id="history-h">История обмена</h2>
        {history === undefined ? null : history.length === 0 ? (
          <p className="muted">Файлов ещё не сохраняли и не загружали.</p>
        ) : (
          <ul className="list" aria-label="История обмена">
            {history.slice(0, 50).map((h) => (
              <HistoryItem key={h.id} h={h} />
            ))}
          </ul>
        )}
      </section>

      <ConfirmDialog
        open={undo !== null}
        message={undo?.message ?? ''}
        confirmLabel="Отменить импорт"
        onConfirm={() => void runUndo(undo?.force ?? false)}
        onCancel={() => setUndo(null)}
      />
    </Page>
  );
}

function HistoryItem({ h }: { h: ExchangeRecord }) {
  const total = Object.values(h.counts).reduce((a, b) => a + b, 0);
  return (
    <li className="list-item" data-direction={h.direction}>
      <span className="list-title">
        {h.direction === 'export' ? 'Сохранён файл' : 'Загружен файл'} · {formatDateTime(h.at)}
        {h.undoneAt && <span className="badge badge-warn">отменён</span>}
      </span>
      <span className="list-sub">
        {h.direction === 'import' ? `С устройства «${h.device.name || 'без названия'}»; ${importSummary({ total: h.counts })}` : `${plural(total, { one: 'запись', few: 'записи', many: 'записей' })}`}
        {h.scope.kind === 'mentorships' ? `; пар и групп: ${h.scope.mentorshipIds.length}` : '; вся школа'}
        {h.files ? `; ${plural(h.files, { one: 'файл', few: 'файла', many: 'файлов' })} материалов` : ''}
        {h.bytes ? `; ${formatBytes(h.bytes)}` : ''}
        {h.encoding === 'encrypted' ? '; зашифрован' : ''}
      </span>
    </li>
  );
}
