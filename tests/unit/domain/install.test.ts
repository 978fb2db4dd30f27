import { describe, expect, it } from 'vitest';
import { DISMISS_DAYS, installView, isDismissed, isIos, isIosSafari, type InstallFacts } from '../../../src/domain/install';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 0, 15, 3, 0, 0);

const UA = {
  androidChrome: 'Mozilla/5.0 (Linux; Android 11; Pixel 5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Mobile Safari/537.36',
  androidWebView: 'Mozilla/5.0 (Linux; Android 11; Pixel 5; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/139.0.0.0 Mobile Safari/537.36',
  iphoneSafari: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  iphoneChrome: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1',
  iphoneYandex: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 YaBrowser/24.6.3.345 Mobile/15E148 Safari/604.1',
  iphoneWebView: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  ipadDesktop: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  firefoxDesktop: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
};

function facts(over: Partial<InstallFacts> = {}): InstallFacts {
  return {
    standaloneDisplayMode: false,
    navigatorStandalone: undefined,
    installedNow: false,
    userAgent: UA.androidChrome,
    maxTouchPoints: 5,
    hasDeferredPrompt: false,
    dismissedAt: null,
    now: NOW,
    ...over,
  };
}

describe('isDismissed: the home offer stays away for DISMISS_DAYS', () => {
  it('is not dismissed when it never was', () => {
    expect(isDismissed(null, NOW)).toBe(false);
  });
  it('is dismissed just now and a millisecond before the period ends', () => {
    expect(isDismissed(NOW, NOW)).toBe(true);
    expect(isDismissed(NOW - DISMISS_DAYS * DAY + 1, NOW)).toBe(true);
  });
  it('comes back exactly DISMISS_DAYS later and after', () => {
    expect(isDismissed(NOW - DISMISS_DAYS * DAY, NOW)).toBe(false);
    expect(isDismissed(NOW - 365 * DAY, NOW)).toBe(false);
  });
  it('a dismissal «in the future» (the clock moved back) still counts as dismissed', () => {
    expect(isDismissed(NOW + DAY, NOW)).toBe(true);
  });
});

describe('isIos / isIosSafari', () => {
  it('an iPhone is iOS, an Android phone and a desktop are not', () => {
    expect(isIos(UA.iphoneSafari)).toBe(true);
    expect(isIos(UA.androidChrome, 5)).toBe(false);
    expect(isIos(UA.firefoxDesktop)).toBe(false);
  });
  it('an iPad presenting itself as a Mac is iOS only with a touch screen', () => {
    expect(isIos(UA.ipadDesktop, 5)).toBe(true);
    expect(isIos(UA.ipadDesktop, 0)).toBe(false);
    expect(isIos(UA.ipadDesktop, 1)).toBe(false);
  });
  it('Safari is Safari; Chrome, Yandex and a web view on an iPhone are not', () => {
    expect(isIosSafari(UA.iphoneSafari)).toBe(true);
    expect(isIosSafari(UA.iphoneChrome)).toBe(false);
    expect(isIosSafari(UA.iphoneYandex)).toBe(false);
    expect(isIosSafari(UA.iphoneWebView)).toBe(false);
  });
});

describe('installView on the settings page', () => {
  it('installed: display-mode standalone, Safari’s navigator.standalone, or appinstalled in this tab', () => {
    expect(installView(facts({ standaloneDisplayMode: true, hasDeferredPrompt: true }), 'settings')).toBe('installed');
    expect(installView(facts({ userAgent: UA.iphoneSafari, navigatorStandalone: true }), 'settings')).toBe('installed');
    expect(installView(facts({ installedNow: true }), 'settings')).toBe('installed');
    // the other side: Safari's «false» is a tab, not an installed app
    expect(installView(facts({ userAgent: UA.iphoneSafari, navigatorStandalone: false }), 'settings')).toBe('ios-instructions');
  });
  it('prompt when the browser gave its dialog, the browser menu when it did not', () => {
    expect(installView(facts({ hasDeferredPrompt: true }), 'settings')).toBe('prompt');
    expect(installView(facts({ hasDeferredPrompt: false }), 'settings')).toBe('browser-menu');
  });
  it('a dismissal of the home offer does not hide the settings button', () => {
    expect(installView(facts({ hasDeferredPrompt: true, dismissedAt: NOW }), 'settings')).toBe('prompt');
  });
  it('iPhone and iPad Safari get «Поделиться → На экран „Домой“»; a Mac, another iOS browser or a web view the menu', () => {
    expect(installView(facts({ userAgent: UA.iphoneSafari }), 'settings')).toBe('ios-instructions');
    expect(installView(facts({ userAgent: UA.ipadDesktop, maxTouchPoints: 5 }), 'settings')).toBe('ios-instructions');
    expect(installView(facts({ userAgent: UA.ipadDesktop, maxTouchPoints: 0 }), 'settings')).toBe('browser-menu');
    expect(installView(facts({ userAgent: UA.iphoneChrome }), 'settings')).toBe('browser-menu');
    expect(installView(facts({ userAgent: UA.iphoneWebView }), 'settings')).toBe('browser-menu');
  });
  it('Android: a web view and Firefox without the dialog get the menu', () => {
    expect(installView(facts({ userAgent: UA.androidWebView }), 'settings')).toBe('browser-menu');
    expect(installView(facts({ userAgent: UA.firefoxDesktop, maxTouchPoints: 0 }), 'settings')).toBe('browser-menu');
  });
  it('never hidden: the settings page always explains', () => {
    for (const userAgent of Object.values(UA))
      for (const hasDeferredPrompt of [false, true])
        expect(installView(facts({ userAgent, hasDeferredPrompt }), 'settings')).not.toBe('hidden');
  });
});

describe('installView on the home page', () => {
  it('offers only with the dialog available', () => {
    expect(installView(facts({ hasDeferredPrompt: true }), 'home')).toBe('prompt');
    expect(installView(facts({ hasDeferredPrompt: false }), 'home')).toBe('hidden');
  });
  it('never instructions on the home page: iPhone Safari sees nothing there', () => {
    expect(installView(facts({ userAgent: UA.iphoneSafari }), 'home')).toBe('hidden');
  });
  it('nothing once installed, even if a dialog is still kept', () => {
    expect(installView(facts({ hasDeferredPrompt: true, standaloneDisplayMode: true }), 'home')).toBe('hidden');
    expect(installView(facts({ hasDeferredPrompt: true, installedNow: true }), 'home')).toBe('hidden');
  });
  it('a dismissal is remembered for DISMISS_DAYS, to the millisecond', () => {
    const p = { hasDeferredPrompt: true };
    expect(installView(facts({ ...p, dismissedAt: NOW }), 'home')).toBe('hidden');
    expect(installView(facts({ ...p, dismissedAt: NOW - DISMISS_DAYS * DAY + 1 }), 'home')).toBe('hidden');
    expect(installView(facts({ ...p, dismissedAt: NOW - DISMISS_DAYS * DAY }), 'home')).toBe('prompt');
    expect(installView(facts({ ...p, dismissedAt: null }), 'home')).toBe('prompt');
  });
});
