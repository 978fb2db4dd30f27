import { test, expect } from '@playwright/test';
import { addPerson, completeWizard, waitForOfflineReady } from './helpers';

test('the overview says what needs attention and leads to it: a consent to collect, a backup to make', async ({ page, context }) => {
  await completeWizard(page);
  await waitForOfflineReady(page);
  await context.setOffline(true);

  // An empty school has nothing to attend to yet
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'С чего начать' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Требует внимания' })).toHaveCount(0);

  await addPerson(page, { lastName: 'Семёнова', firstName: 'Анна', category: 'Обучающийся', classLabel: '7Б', birthDate: '2013-04-02', roles: ['Наставляемый'] });
  await page.getByRole('link', { name: 'Обзор' }).click();
  const due = page.getByRole('list', { name: 'Требует внимания' });
  // The wizard of these tests sets 2025/2026; once the clock is past August 2026 the overview says a new year has begun.
  const now = new Date();
  const current = now.getMonth() >= 8 ? `${now.getFullYear()}/${now.getFullYear() + 1}` : `${now.getFullYear() - 1}/${now.getFullYear()}`;
  const yearLine = current === '2025/2026' ? [] : [`Идёт ${current} учебный год, а в сведениях о школе — 2025/2026: показатели считаются за 2025/2026`];
  await expect(due.getByRole('link')).toHaveText([...yearLine, 'Нет согласия на обработку данных: 1 участник', 'Резервной копии ещё нет: сохраните файл обмена «Вся школа»']);

  // Each line opens the screen where the work is done
  await due.getByRole('link', { name: /Нет согласия/ }).click();
  await expect(page).toHaveURL(/\/consents$/);
  await expect(page.getByRole('link', { name: /Семёнова Анна/ }).first()).toBeVisible();

  await page.getByRole('link', { name: 'Обзор' }).click();
  await due.getByRole('link', { name: /Резервной копии ещё нет/ }).click();
  await expect(page).toHaveURL(/\/exchange$/);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Сохранить файл обмена' }).click();
  await download;
  await expect(page.getByRole('status').filter({ hasText: 'Сохранено:' })).toBeVisible();

  // The backup is made: only the consent is left
  await page.getByRole('link', { name: 'Обзор' }).click();
  await expect(due.getByRole('link')).toHaveText([...yearLine, 'Нет согласия на обработку данных: 1 участник']);
});
