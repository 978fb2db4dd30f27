import { beforeAll, describe, expect, it, vi } from 'vitest';
import { listenForInstall, useInstall } from '../../../src/ui/installStore';
import { getInstallOfferDismissedAt } from '../../../src/storage/install';

/** A window with just what listenForInstall touches: events, navigator and a (display-mode) query that can change. */
const media = Object.assign(new EventTarget(), { matches: false });
const win = Object.assign(new EventTarget(), {
  navigator: {} as Navigator,
  matchMedia: () => media,
}) as unknown as Window;

function installEvent(outcome: 'accepted' | 'dismissed') {
  const e = new Event('beforeinstallprompt', { cancelable: true });
  const prompt = vi.fn(async () => undefined);
  Object.assign(e, { prompt, userChoice: Promise.resolve({ outcome, platform: 'web' }) });
  return { e, prompt };
}

beforeAll(() => listenForInstall(win));

describe('installStore', () => {
  it('keeps the browser’s dialog and stops its own mini-infobar', () => {
    const { e } = installEvent('accepted');
    win.dispatchEvent(e);
    expect(e.defaultPrevented).toBe(true);
    expect(useInstall.getState().deferred).toBe(e);
  });

  it('opens the dialog once; «accepted» marks the app installed', async () => {
    const { e, prompt } = installEvent('accepted');
    win.dispatchEvent(e);
    expect(await useInstall.getState().promptInstall()).toBe('accepted');
    expect(prompt).toHaveBeenCalledTimes(1);
    expect(useInstall.getState().deferred).toBeNull();
    expect(useInstall.getState().installedNow).toBe(true);
    expect(await useInstall.getState().promptInstall()).toBe('unavailable');
    expect(prompt).toHaveBeenCalledTimes(1);
    useInstall.setState({ installedNow: false });
  });

  it('«dismissed» in the dialog is remembered like «Не сейчас»', async () => {
    useInstall.setState({ dismissedAt: undefined });
    const { e } = installEvent('dismissed');
    win.dispatchEvent(e);
    const before = Date.now();
    expect(await useInstall.getState().promptInstall()).toBe('dismissed');
    expect(useInstall.getState().dismissedAt).toBeGreaterThanOrEqual(before);
    expect(await getInstallOfferDismissedAt()).toBe(useInstall.getState().dismissedAt);
  });

  it('reads a stored dismissal once', async () => {
    const stored = await getInstallOfferDismissedAt();
    useInstall.setState({ dismissedAt: undefined });
    await useInstall.getState().loadDismissal();
    expect(useInstall.getState().dismissedAt).toBe(stored);
  });

  it('follows appinstalled and the display mode', () => {
    win.dispatchEvent(installEvent('accepted').e);
    win.dispatchEvent(new Event('appinstalled'));
    expect(useInstall.getState()).toMatchObject({ installedNow: true, deferred: null });
    const change = Object.assign(new Event('change'), { matches: true });
    media.dispatchEvent(change);
    expect(useInstall.getState().standalone).toBe(true);
  });
});
