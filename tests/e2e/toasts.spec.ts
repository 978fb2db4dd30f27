import { expect, test, type Locator, type Page } from '@playwright/test';
import { addPerson, completeWizard } from './helpers';

/**
 * The short message after a save must not stand between the user and the next button: at the button's centre
 * `elementFromPoint` finds the button (or something inside it) while the message is still on screen, the message's box
 * does not overlap the button nor the bottom navigation, and a tap on the button works at once.
 */
async function expectReachableUnderToast(page: Page, button: Locator, toastText: string | RegExp) {
  const toast = page.locator('.toast').filter({ hasText: toastText });
  await expect(toast).toBeVisible();
  await expect(page.locator('.toast')).toHaveCount(1);
  const hit = await button.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return { ok: !!at && (at === el || el.contains(at)), at: at ? `${at.tagName}.${at.className}` : 'nothing' };
  });
  expect(hit, `at the centre of the button: ${hit.at}`).toEqual(expect.objectContaining({ ok: true }));
  const t = (await toast.boundingBox())!;
  const b = (await button.boundingBox())!;
  const nav = (await page.getByRole('navigation', { name: 'Основные разделы' }).boundingBox())!;
  const overlaps = (p: typeof t, q: typeof t) => p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
  expect(overlaps(t, b), 'the message covers the button').toBe(false);
  expect(t.y + t.height, 'the message covers the bottom navigation').toBeLessThanOrEqual(nav.y);
  // Still there: the check above was made while the message was showing.
  await expect(toast).toBeVisible();
}

test('after «Сохранить» the message neither covers «Записать встречу» nor «Скачать DOCX»; it goes in about 2.5 s', async ({ page }) => {
  await completeWizard(page);
  await addPerson(page, { lastName: 'Петров', firstName: 'Иван', middleName: 'Сергеевич', category: 'Педагог', roles: ['Наставник'] });
  await addPerson(page, { lastName: 'Семёнова', firstName: 'Анна', category: 'Обучающийся', classLabel: '7Б', birthDate: '2011-04-02', roles: ['Наставляемый'] });

  // A pair: saved, its page shows «Пара или группа создана» and «Записать встречу» is tappable at once.
  await page.goto('/mentorships/new');
  await page.getByLabel('Форма наставничества').selectOption({ label: 'Учитель – ученик' });
  await page.getByRole('combobox', { name: 'Наставник (до трёх)' }).fill('петр');
  await page.getByRole('option', { name: /Петров И\. С\./ }).click();
  await page.getByRole('combobox', { name: 'Наставляемые' }).fill('семен');
  await page.getByRole('option', { name: /Семёнова А\./ }).click();
  await page.getByLabel('Название').fill('Робототехника');
  await page.getByLabel('Статус').selectOption({ label: 'активна' });
  await page.getByRole('button', { name: 'Сохранить' }).click();
  const logMeeting = page.getByRole('link', { name: 'Записать встречу' });
  await expectReachableUnderToast(page, logMeeting, 'Пара или группа создана');

  // A meeting: saved, back on the pair's page, the next meeting can be logged straight away.
  await logMeeting.click();
  await expect(page).toHaveURL(/\/meetings\/new$/);
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page).toHaveURL(/\/mentorships\/[0-9a-f-]{36}$/);
  await expectReachableUnderToast(page, logMeeting, /^Записано: /);
  const saved = Date.now();
  await logMeeting.click();
  await expect(page).toHaveURL(/\/meetings\/new$/);
  // The message does not linger: gone in about 2.5 s (the old one stayed 4 s).
  await expect(page.locator('.toast')).toHaveCount(0, { timeout: 3500 });
  expect(Date.now() - saved).toBeLessThan(3500);

  // An order: saved, «Скачать DOCX» is tappable while «Приказ сохранён» is on screen.
  await page.goto('/orders/new?kind=fixMentorships');
  await page.getByRole('textbox', { name: 'Номер', exact: true }).fill('98-од');
  await page.locator('input[name="date"]').fill('2025-09-30');
  await page.getByRole('checkbox', { name: /Петров И\. С\./ }).check();
  await page.getByRole('button', { name: 'Сохранить приказ' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  const docx = page.getByRole('button', { name: 'Скачать DOCX' });
  await expectReachableUnderToast(page, docx, 'Приказ сохранён');
  const download = page.waitForEvent('download');
  await docx.click();
  expect((await download).suggestedFilename()).toBe('Приказ_98-од_2025-09-30.docx');
  // The newer message replaces the older: one at a time.
  await expect(page.locator('.toast')).toHaveText('Файл DOCX сохранён в загрузки');
  await expect(page.locator('.toast')).toHaveCount(1);
});

test('a message with «Вернуть» stays longer, its button alone takes a tap, and the message is announced politely', async ({ page }) => {
  // The page's timers under Playwright's clock: the message's time is moved on, not waited for.
  await page.clock.install();
  await completeWizard(page);
  await addPerson(page, { lastName: 'Ли', firstName: 'Борис', category: 'Обучающийся', classLabel: '7Б', birthDate: '2011-09-12' });
  await page.getByRole('button', { name: 'Удалить' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Удалить' }).click();
  await expect(page).toHaveURL(/\/people$/);
  const region = page.getByRole('status').filter({ has: page.locator('.toast') });
  await expect(region).toHaveAttribute('aria-live', 'polite');
  const undo = region.getByRole('button', { name: 'Вернуть' });
  await expect(undo).toBeVisible();
  // Only the action button takes pointer events; the text of the message lets a tap through.
  expect(await page.locator('.toast').evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none');
  expect(await undo.evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('auto');
  // Past a plain message's 2.5 s, a message with an action is still there.
  await page.clock.runFor(3000);
  await expect(undo).toBeVisible();
  await undo.click();
  await expect(page.locator('.toast')).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Ли Борис/ })).toBeVisible();
});
