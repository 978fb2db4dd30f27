import { create } from 'zustand';
import { installView, type InstallSurface, type InstallView } from '../domain/install';
import { getInstallOfferDismissedAt, setInstallOfferDismissedAt } from '../storage/install';

/** Chrome's and Edge's install dialog, kept for later (not in TypeScript's DOM types). */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<unknown>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed'; platform?: string }>;
}

export type InstallOutcome = 'accepted' | 'dismissed' | 'unavailable';

interface InstallState {
  /** The kept `beforeinstallprompt` event; it may be used once. */
  deferred: BeforeInstallPromptEvent | null;
  /** `(display-mode: standalone)`: the app runs from the home screen. */
  standalone: boolean;
  /** Safari's `navigator.standalone`. */
  navigatorStandalone: boolean | undefined;
  /** `appinstalled` fired (or the dialog was accepted) in this tab. */
  installedNow: boolean;
  /** When the home page's offer was dismissed; undefined until read from the `meta` table. */
  dismissedAt: number | null | undefined;
  promptInstall: () => Promise<InstallOutcome>;
  dismissOffer: () => Promise<void>;
  loadDismissal: () => Promise<void>;
}

export const useInstall = create<InstallState>((set, get) => ({
  deferred: null,
  standalone: false,
  navigatorStandalone: undefined,
  installedNow: false,
  dismissedAt: undefined,
  promptInstall: async () => {
    const e = get().deferred;
    if (!e) return 'unavailable';
    // The event's dialog opens once: whatever the answer, the button goes (the browser may offer again later).
    set({ deferred: null });
    try {
      await e.prompt();
      const { outcome } = await e.userChoice;
      if (outcome === 'accepted') set({ installedNow: true });
      // «Отмена» in the browser's own dialog counts as «Не сейчас» on the home page.
      else await get().dismissOffer();
      return outcome;
    } catch {
      return 'unavailable';
    }
  },
  dismissOffer: async () => {
    const at = Date.now();
    set({ dismissedAt: at });
    try {
      await setInstallOfferDismissedAt(at);
    } catch {
      // Storage unavailable: the offer stays hidden for this session anyway.
    }
  },
  loadDismissal: async () => {
    if (get().dismissedAt !== undefined) return;
    const at = await getInstallOfferDismissedAt().catch(() => null);
    // A dismissal made meanwhile in this session wins over the stored one.
    if (get().dismissedAt === undefined) set({ dismissedAt: at });
  },
}));

let listening = false;

/**
 * Called first thing at start (src/app/main.tsx), before React mounts: Chrome fires `beforeinstallprompt` once per
 * page load, whenever it decides to, and an event nobody listened for is lost.
 */
export function listenForInstall(win: Window = window): void {
  if (listening) return;
  listening = true;
  const media = typeof win.matchMedia === 'function' ? win.matchMedia('(display-mode: standalone)') : null;
  useInstall.setState({
    standalone: media?.matches ?? false,
    navigatorStandalone: (win.navigator as Navigator & { standalone?: boolean }).standalone,
  });
  media?.addEventListener('change', (e) => useInstall.setState({ standalone: e.matches }));
  win.addEventListener('beforeinstallprompt', (e) => {
    // No mini-infobar of the browser's own: the app offers it in its words (home page, settings).
    e.preventDefault();
    useInstall.setState({ deferred: e as BeforeInstallPromptEvent });
  });
  win.addEventListener('appinstalled', () => useInstall.setState({ installedNow: true, deferred: null }));
}

/** What to show on the settings page or the home page, now. */
export function useInstallView(surface: InstallSurface): InstallView {
  const s = useInstall();
  return installView(
    {
      standaloneDisplayMode: s.standalone,
      navigatorStandalone: s.navigatorStandalone,
      installedNow: s.installedNow,
      userAgent: navigator.userAgent,
      maxTouchPoints: navigator.maxTouchPoints,
      hasDeferredPrompt: s.deferred !== null,
      // Until the stored dismissal is read, the home page offers nothing (no flash of an offer already declined).
      dismissedAt: s.dismissedAt === undefined ? (surface === 'home' ? Date.now() : null) : s.dismissedAt,
      now: Date.now(),
    },
    surface,
  );
}
