/**
 * «Установка на телефон»: what the app offers, decided from facts about the browser and nothing else, so that
 * every rule is a unit test (tests/unit/domain/install.test.ts). The facts are gathered in src/ui/installStore.ts.
 */

/**
 * - `installed` — the app runs from the home screen (or has just been installed from this tab);
 * - `prompt` — the browser gave us its install dialog (`beforeinstallprompt`): a button opens it;
 * - `ios-instructions` — Safari on an iPhone or iPad has no dialog: «Поделиться → На экран „Домой“»;
 * - `browser-menu` — any other browser: its own menu item, if it has one;
 * - `hidden` — nothing to show here (the home page's offer only).
 */
export type InstallView = 'installed' | 'prompt' | 'ios-instructions' | 'browser-menu' | 'hidden';

/** The settings page always explains; the home page offers only the one-tap dialog, and only until dismissed. */
export type InstallSurface = 'settings' | 'home';

export interface InstallFacts {
  /** `matchMedia('(display-mode: standalone)').matches`. */
  standaloneDisplayMode: boolean;
  /** Safari's own `navigator.standalone` (undefined elsewhere). */
  navigatorStandalone?: boolean;
  /** `appinstalled` fired in this tab: the app is on the home screen, though this tab is still the browser. */
  installedNow?: boolean;
  userAgent: string;
  /** `navigator.maxTouchPoints`: an iPad's Safari says «Macintosh» in its user agent, but a Mac has no touch screen. */
  maxTouchPoints?: number;
  /** A `beforeinstallprompt` event is kept and not yet used. */
  hasDeferredPrompt: boolean;
  /** When the home page's offer was last dismissed (ms since the epoch), or null if never. */
  dismissedAt: number | null;
  /** Now, ms since the epoch. */
  now: number;
}

/** A dismissed offer on the home page stays away this long, then may come back once the browser offers again. */
export const DISMISS_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The home page's offer is still dismissed: less than DISMISS_DAYS since then (a clock moved back counts as dismissed). */
export function isDismissed(dismissedAt: number | null, now: number): boolean {
  return dismissedAt !== null && now - dismissedAt < DISMISS_DAYS * DAY_MS;
}

export function isInstalled(f: Pick<InstallFacts, 'standaloneDisplayMode' | 'navigatorStandalone' | 'installedNow'>): boolean {
  return f.standaloneDisplayMode || f.navigatorStandalone === true || f.installedNow === true;
}

/** An iPhone, iPod or iPad (iPadOS Safari presents itself as a Mac, but with a touch screen). */
export function isIos(userAgent: string, maxTouchPoints = 0): boolean {
  return /\b(iPhone|iPad|iPod)\b/.test(userAgent) || (/\bMacintosh\b/.test(userAgent) && maxTouchPoints > 1);
}

/**
 * Safari itself, not Chrome, Firefox, Edge, Opera, Yandex or Google's app on iOS (they mark their user agents),
 * and not a messenger's web view (Safari's user agent has «Safari/…», a web view's has not).
 */
export function isIosSafari(userAgent: string, maxTouchPoints = 0): boolean {
  return (
    isIos(userAgent, maxTouchPoints) &&
    /\bSafari\//.test(userAgent) &&
    !/\b(CriOS|FxiOS|EdgiOS|OPiOS|OPT|YaBrowser|GSA|DuckDuckGo|Instagram|FBAN|FBAV|Telegram)\b/.test(userAgent)
  );
}

export function installView(f: InstallFacts, surface: InstallSurface): InstallView {
  const installed = isInstalled(f);
  if (surface === 'home') return !installed && f.hasDeferredPrompt && !isDismissed(f.dismissedAt, f.now) ? 'prompt' : 'hidden';
  if (installed) return 'installed';
  if (f.hasDeferredPrompt) return 'prompt';
  if (isIosSafari(f.userAgent, f.maxTouchPoints)) return 'ios-instructions';
  return 'browser-menu';
}
