import { useEffect, useState } from 'react';
import { getDb } from '../storage/db';

/**
 * Another tab opened a newer version of the database: this tab must reload before it can read or write again.
 * Dexie closes the connection on `versionchange`; we tell the user instead of failing silently.
 */
export function DatabaseGuard() {
  const [stale, setStale] = useState(false);
  useEffect(() => {
    const db = getDb();
    const onChange = () => setStale(true);
    db.on('versionchange', onChange);
    return () => db.on('versionchange').unsubscribe(onChange);
  }, []);
  if (!stale) return null;
  return (
    <div className="update-prompt" role="alert">
      <span>Приложение обновилось в другой вкладке. Перезагрузите эту страницу.</span>
      <button type="button" className="button button-small button-primary" onClick={() => location.reload()}>
        Перезагрузить
      </button>
    </div>
  );
}
