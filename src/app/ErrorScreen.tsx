import { Component, useState, type ErrorInfo, type ReactNode } from 'react';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { downloadBlob } from '../ui/share';

/** The text of whatever was thrown, for the «Подробности» of the error screen (never the only thing the user reads). */
export function errorText(error: unknown): string {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`;
  if (error instanceof Error) return error.message || error.name;
  try {
    return typeof error === 'string' ? error : JSON.stringify(error);
  } catch {
    return String(error);
  }
}

/**
 * What the user sees when a screen fails: that the data on the device is safe (every write is a transaction, so a
 * failed one left nothing half-written), «Попробовать снова», and a way to save a backup file from right here, in
 * case the failure is in the data itself.
 */
export function ErrorScreen({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const [backup, setBackup] = useState<'idle' | 'busy' | 'done' | string>('idle');
  const save = async () => {
    setBackup('busy');
    try {
      // Loaded only here: the error screen sits in the entry, the export code does not.
      const { makeExportFile, noteExport } = await import('../storage/bundle/exportFile');
      const file = await makeExportFile({ kind: 'school' }, '');
      downloadBlob(file.blob, file.fileName);
      await noteExport(file);
      setBackup('done');
    } catch (e) {
      setBackup(`Резервная копия не сохранилась: ${errorText(e)}`);
    }
  };
  return (
    <div className="error-screen" role="alert" aria-labelledby="error-h">
      <h1 id="error-h">Этот экран не открылся</h1>
      <p>Приложение столкнулось с ошибкой. Данные на этом устройстве сохранены: изменения, которые не успели записаться, не записались целиком.</p>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={onRetry}>
          Попробовать снова
        </button>
        <a className="button" href="/">
          На главную
        </a>
      </div>
      <section aria-labelledby="error-backup-h">
        <h2 id="error-backup-h">Резервная копия</h2>
        <p className="muted">Если ошибка повторяется, сохраните файл со всеми данными школы и передайте его тому, кто помогает с приложением.</p>
        <button type="button" className="button" disabled={backup === 'busy'} onClick={() => void save()}>
          Сохранить резервную копию
        </button>
        {backup === 'done' && <p className="notice notice-ok">Файл сохранён в загрузки.</p>}
        {backup !== 'idle' && backup !== 'busy' && backup !== 'done' && <p className="field-error">{backup}</p>}
      </section>
      <details>
        <summary>Подробности для разработчика</summary>
        <pre className="error-details">{errorText(error)}</pre>
      </details>
    </div>
  );
}

/** The route's `errorElement`: a failed page keeps the app's frame and offers to try again. */
export function RouteErrorScreen() {
  const error = useRouteError();
  return <ErrorScreen error={error} onRetry={() => location.reload()} />;
}

/** The last net, around everything: a failure outside the routes (the router itself, a prompt) shows the same screen. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }
  override render() {
    if (this.state.error !== null) return <ErrorScreen error={this.state.error} onRetry={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}
