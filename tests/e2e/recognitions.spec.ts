import { test, expect } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import { addPerson, completeWizard, waitForOfflineReady } from './helpers';

test('recognitions of mentors and the director’s order «О поощрении наставников», offline, as DOCX', async ({ page, context }) => {
  await completeWizard(page);
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await addPerson(page, { lastName: 'Петров', firstName: 'Иван', middleName: 'Сергеевич', category: 'Педагог', roles: ['Наставник'] });
  await addPerson(page, { lastName: 'Орлова', firstName: 'Дарья', category: 'Обучающийся', classLabel: '10А', birthDate: '2009-03-01', roles: ['Наставник'] });

  await page.goto('/more');
  await page.getByRole('link', { name: /Поощрение наставников/ }).click();
  await expect(page.getByRole('heading', { name: 'Поощрений пока нет' })).toBeVisible();

  // Nothing chosen: the reasons under the fields
  await page.getByRole('button', { name: 'Записать' }).click();
  await expect(page.locator('.field-error', { hasText: 'Выберите наставника' })).toBeVisible();
  await expect(page.locator('.field-error', { hasText: 'Укажите, за что поощрение' })).toBeVisible();

  // A title, then a certificate
  await page.getByRole('combobox', { name: 'Наставник' }).fill('петр');
  await page.getByRole('option', { name: /Петров И\. С\./ }).click();
  await page.getByLabel('Вид поощрения').selectOption({ label: 'Звание' });
  await page.getByRole('button', { name: 'Записать' }).click();
  await expect(page.locator('.field-error', { hasText: 'Укажите звание, например «Наставник года»' })).toBeVisible();
  await page.getByLabel('Звание').fill('Наставник года');
  await page.getByLabel('За что').fill('За проект пары, ставший победителем конкурса');
  await page.getByLabel('Дата').fill('2026-05-20');
  await page.getByRole('button', { name: 'Записать' }).click();
  await expect(page.getByRole('list', { name: 'Поощрения' }).getByRole('listitem')).toHaveCount(1);

  await page.getByRole('combobox', { name: 'Наставник' }).fill('орл');
  await page.getByRole('option', { name: /Орлова Д\./ }).click();
  await page.getByLabel('Вид поощрения').selectOption({ label: 'Почётная грамота' });
  await page.getByLabel('За что').fill('За помощь пятиклассникам в учёбе');
  await page.getByRole('button', { name: 'Записать' }).click();
  const list = page.getByRole('list', { name: 'Поощрения' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByText('без приказа')).toHaveCount(2);

  // The order: both ticked, saved, each recognition now «по приказу»
  await page.getByRole('link', { name: 'Подготовить приказ о поощрении' }).click();
  await expect(page.getByLabel('Вид приказа')).toHaveValue('rewardMentors');
  await expect(page.getByLabel('Заголовок')).toHaveValue('О поощрении наставников');
  await page.getByRole('textbox', { name: 'Номер', exact: true }).fill('140-од');
  await page.locator('input[name="date"]').fill('2026-05-25');
  await page.getByRole('button', { name: 'Сохранить приказ' }).click();
  await expect(page.locator('.field-error', { hasText: 'Отметьте хотя бы одно поощрение' })).toBeVisible();
  await page.getByRole('group', { name: 'Поощрения, которые даёт приказ' }).getByRole('button', { name: 'Отметить все' }).click();
  await page.getByRole('button', { name: 'Сохранить приказ' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  const paper = page.getByRole('article', { name: 'Текст приказа' });
  await expect(paper).toContainText('О поощрении наставников');
  await expect(paper.getByRole('table')).toContainText('присвоить звание «Наставник года»');
  await expect(paper.getByRole('table')).toContainText('Орлова Дарья, 10А');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать DOCX' }).click();
  const file = await download;
  const xml = strFromU8(unzipSync(new Uint8Array(await readFile((await file.path())!)))['word/document.xml']!);
  expect(xml).toContain('140-од');
  expect(xml).toContain('Петров Иван Сергеевич');
  expect(xml).toContain('наградить почётной грамотой');

  await page.goto('/recognitions');
  await expect(list.getByText('по приказу № 140-од от 25.05.2026')).toHaveCount(2);
  await expect(page.getByRole('link', { name: 'Подготовить приказ о поощрении' })).toHaveCount(0);

  // The mentor's card shows the recognition
  await list.getByRole('link', { name: 'Петров Иван Сергеевич' }).click();
  await expect(page.getByRole('list', { name: 'Поощрения участника' })).toContainText('Звание «Наставник года»');
});

test('the register of best practices: add one with its authors offline, find it in the list and in the report', async ({ page, context }) => {
  await completeWizard(page);
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await addPerson(page, { lastName: 'Петров', firstName: 'Иван', middleName: 'Сергеевич', category: 'Педагог', roles: ['Наставник'] });

  await page.goto('/more');
  await page.getByRole('link', { name: /Лучшие практики/ }).click();
  await expect(page.getByRole('heading', { name: 'Практик пока нет' })).toBeVisible();
  await page.getByRole('button', { name: 'Добавить' }).click();
  await expect(page.locator('.field-error', { hasText: 'Укажите название практики' })).toBeVisible();
  await expect(page.locator('.field-error', { hasText: 'Опишите практику: что делали и как' })).toBeVisible();

  await page.getByLabel('Название').fill('Проектная лаборатория');
  await page.getByLabel('Форма наставничества').selectOption({ label: 'Учитель – ученик' });
  await page.getByRole('combobox', { name: 'Авторы' }).fill('петр');
  await page.getByRole('option', { name: /Петров И\. С\./ }).click();
  await page.getByRole('combobox', { name: 'Авторы' }).press('Escape');
  await page.getByLabel('Что делали и как').fill('Пары вели проекты по химии, раз в неделю — встреча в лаборатории');
  await page.getByLabel('Что получилось').fill('Три призёра районной конференции');
  await page.getByRole('button', { name: 'Добавить' }).click();
  const item = page.getByRole('list', { name: 'Лучшие практики' }).getByRole('listitem');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('2025/2026 · Учитель – ученик · Петров И. С.');
  await expect(item).toContainText('Результат: Три призёра районной конференции');

  await page.goto('/report');
  await expect(page.getByRole('region', { name: 'Практики', exact: true })).toContainText('Проектная лаборатория');
});
