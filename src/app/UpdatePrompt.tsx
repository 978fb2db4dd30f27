import { useRegisterSW } from 'virtual:pwa-register/react';
import { t } from '../i18n/ru';

/**
 * A new version waits until the user says so: forms are saved as drafts anyway, but a reload in the middle of a
 * meeting is still unwelcome.
 */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW();
  if (!needRefresh && !offlineReady) return null;
  return (
    <div className="update-prompt" role="status" aria-live="polite">
      <span>{needRefresh ? t.update.available : t.update.offlineReady}</span>
      {needRefresh && (
        <button type="button" className="button button-small button-primary" onClick={() => void updateServiceWorker(true)}>
          {t.update.reload}
        </button>
      )}
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          setNeedRefresh(false);
          setOfflineReady(false);
        }}
      >
        {needRefresh ? t.update.later : 'OK'}
      </button>
    </div>
  );
}
