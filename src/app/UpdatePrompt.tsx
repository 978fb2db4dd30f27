import { useEffect } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { t } from '../i18n/ru';
import { useToasts } from '../ui/toastStore';

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
  const show = useToasts((s) => s.show);
  useEffect(() => {
    if (!offlineReady) return;
    show(t.update.offlineReady);
    setOfflineReady(false);
  }, [offlineReady, setOfflineReady, show]);
  if (!needRefresh) return null;
  return (
    <div className="update-prompt" role="status" aria-live="polite">
      <span>{t.update.available}</span>
      <button type="button" className="button button-small button-primary" onClick={() => void updateServiceWorker(true)}>
        {t.update.reload}
      </button>
      <button type="button" className="button button-small" onClick={() => setNeedRefresh(false)}>
        {t.update.later}
      </button>
    </div>
  );
}
