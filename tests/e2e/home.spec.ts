import { test, expect } from '@playwright/test';
import { addPerson, completeWizard, waitForOfflineReady } from './helpers';

test('the overview says what needs attention and leads to it: a consent to collect, a backup to make', async ({ page, context }) => {
  // Inside the school year the wizard sets (2025/2026); the line about a new year is tested at its boundary below.
  await page.clock.setFixedTime(new Date('2026-05-25T10:00:00+10:00'));
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
  await expect(due.getByRole('link')).toHaveText(['Нет согласия на обработку данных: 1 участник', 'Резервной копии ещё нет: сохраните файл обмена «Вся школа»']);

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
  await expect(due.getByRole('link')).toHaveText(['Нет согласия на обработку данных: 1 участник']);

  // 31 August is still 2025/2026; on 1 September the overview says a new year has begun.
  await page.clock.setFixedTime(new Date('2026-08-31T10:00:00+10:00'));
  await page.reload();
  await expect(due.getByRole('link').first()).toHaveText('Нет согласия на обработку данных: 1 участник');
  await expect(due).not.toContainText('учебный год');
  await page.clock.setFixedTime(new Date('2026-09-01T10:00:00+10:00'));
  await page.reload();
  await expect(due.getByRole('link').first()).toHaveText('Идёт 2026/2027 учебный год, а в сведениях о школе — 2025/2026: показатели считаются за 2025/2026');
});

test('the «младше 14 лет» tile opens the list filtered to them, and the day a student turns 14 she leaves it', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-03-01T10:00:00+10:00'));
  await completeWizard(page);
  await addPerson(page, { lastName: 'Семёнова', firstName: 'Анна', category: 'Обучающийся', classLabel: '7Б', birthDate: '2012-03-02', roles: ['Наставляемый'] });
  await addPerson(page, { lastName: 'Петров', firstName: 'Иван', category: 'Педагог', roles: ['Наставник'] });
  await page.goto('/');
  await page.getByRole('link', { name: /1 младше 14 лет/ }).click();
  await expect(page).toHaveURL(/\/people\?age=under$/);
  await expect(page.getByTestId('people-count')).toContainText('1 из 2');
  await expect(page.getByRole('link', { name: /Семёнова Анна/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Петров Иван/ })).toHaveCount(0);
  // her fourteenth birthday: the same filter no longer holds her
  await page.clock.setFixedTime(new Date('2026-03-02T10:00:00+10:00'));
  await page.reload();
  await expect(page.getByTestId('people-count')).toContainText('0 из 2');
  await page.goto('/');
  await expect(page.getByRole('link', { name: /0 младше 14 лет/ })).toBeVisible();
});
