import { useEffect, useState } from 'react';
import { formatBytes } from '../../domain/text';

function mb(bytes: number | undefined): string {
  return bytes === undefined ? '—' : formatBytes(bytes);
}

type Persist = 'unknown' | 'granted' | 'refused' | 'unsupported';

/** Storage used and available, and whether the browser promised not to evict the data. */
export function StorageStatus() {
  const [estimate, setEstimate] = useState<StorageEstimate | null>(null);
  const [persist, setPersist] = useState<Persist>('unknown');

  useEffect(() => {
    const s = navigator.storage;
    if (!s?.estimate) {
      setPersist('unsupported');
      return;
    }
    void s.estimate().then(setEstimate);
    void s.persisted?.().then((p) => setPersist(p ? 'granted' : 'unknown'));
  }, []);

  const ask = async () => {
    const granted = await navigator.storage?.persist?.();
    setPersist(granted ? 'granted' : 'refused');
  };

  return (
    <section aria-labelledby="storage-h">
      <h2 id="storage-h">Хранилище на устройстве</h2>
      <dl className="card-fields">
        <div>
          <dt>Занято</dt>
          <dd data-testid="storage-usage">{mb(estimate?.usage)}</dd>
        </div>
        <div>
          <dt>Свободно</dt>
          <dd data-testid="storage-free">
            {estimate?.quota === undefined || estimate.usage === undefined ? '—' : mb(Math.max(0, estimate.quota - estimate.usage))}
          </dd>
        </div>
        <div>
          <dt>Постоянное хранение</dt>
          <dd data-testid="storage-persist">
            {persist === 'granted'
              ? 'включено: браузер не удалит данные сам'
              : persist === 'refused'
                ? 'не разрешено'
                : persist === 'unsupported'
                  ? 'браузер не поддерживает'
                  : 'не включено'}
          </dd>
        </div>
      </dl>
      {persist !== 'granted' && persist !== 'unsupported' && (
        <button type="button" className="button" onClick={ask}>
          Включить постоянное хранение
        </button>
      )}
      {persist === 'refused' && (
        <p className="notice notice-warn" role="status">
          Браузер отказал. Это значит, что при нехватке места он может удалить данные приложения. Установите приложение на
          главный экран и регулярно делайте экспорт — файл обмена и есть резервная копия.
        </p>
      )}
    </section>
  );
}
