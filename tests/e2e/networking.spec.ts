import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { accessibilityViolations, addPerson, completeWizard, waitForOfflineReady } from './helpers';

/** Picks a person in a PersonPicker: types part of the name, then taps the option. */
async function pick(page: Page, label: string, query: string, option: RegExp, close = true) {
  const box = page.getByRole('combobox', { name: label });
  await box.fill(query);
  await page.getByRole('option', { name: option }).click();
  // The list of matches stays open for more picks; Esc closes it.
  if (close) await box.press('Escape');
}

async function answer(page: Page, who: string, label: string, picks: [string, RegExp][]) {
  await expect(page.getByRole('heading', { name: who })).toBeVisible();
  // the list stays open: a tap on the button below it must still land (the list closes after the tap, not before)
  for (const [q, o] of picks) await pick(page, label, q, o, false);
  await page.getByRole('button', { name: 'Сохранить и дальше' }).click();
}

async function logMeeting(page: Page, expected: string, pickKind?: string) {
  await page.getByRole('link', { name: 'Записать встречу' }).click();
  await expect(page.getByRole('radio', { name: expected })).toBeChecked();
  if (pickKind) await page.getByRole('radio', { name: pickKind }).check({ force: true });
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page).toHaveURL(/\/mentorships\/[0-9a-f-]{36}$/);
}

/**
 * The year's work end to end on a phone, offline after the first visit: networking with attendance → preference
 * questionnaires filled in one after another → suggestions accepted (a group for the mentor with two places) →
 * the pair's five meetings of the right kinds → a plan → the approval order as DOCX, opened and read.
 */
test('networking → preferences → suggestions accepted → a pair and a group → five meetings → a plan → the order as DOCX', async ({ page, context }) => {
  test.setTimeout(120_000);
  await completeWizard(page);
  await waitForOfflineReady(page);
  await context.setOffline(true);

  await addPerson(page, { lastName: 'Петров', firstName: 'Иван', category: 'Педагог', roles: ['Наставник'] });
  await page.getByRole('link', { name: 'Изменить' }).click();
  await page.getByLabel('Сколько наставляемых может вести').fill('2');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
  await addPerson(page, { lastName: 'Орлова', firstName: 'Нина', category: 'Педагог', roles: ['Наставник'] });
  await addPerson(page, { lastName: 'Семёнова', firstName: 'Анна', category: 'Обучающийся', classLabel: '7Б', birthDate: '2011-04-02', roles: ['Наставляемый'] });
  await addPerson(page, { lastName: 'Ли', firstName: 'Борис', category: 'Обучающийся', classLabel: '7Б', birthDate: '2011-09-12', roles: ['Наставляемый'] });
  await addPerson(page, { lastName: 'Ким', firstName: 'Вера', category: 'Обучающийся', classLabel: '8А', birthDate: '2010-12-01', roles: ['Наставляемый'] });

  // The networking meeting and who came
  await page.goto('/more');
  await page.getByRole('link', { name: /Нетворкинг и подбор пар/ }).click();
  await expect(page.getByRole('heading', { name: 'Нетворкингов ещё не было' })).toBeVisible();
  await page.getByLabel('Дата').fill('2025-09-25');
  await page.getByLabel('Место').fill('Актовый зал');
  await page.getByRole('button', { name: 'Создать нетворкинг' }).click();
  await expect(page).toHaveURL(/\/networking\/[0-9a-f-]{36}$/);
  await page.getByRole('button', { name: 'Отметить всех (5)' }).click();
  await expect(page.getByText('Отмечено: 5 человек')).toBeVisible();
  await expect(page.getByText('Заполнено 0 из 5.')).toBeVisible();

  // The curator fills in the questionnaires one after another
  await page.getByRole('link', { name: 'Заполнить анкеты' }).click();
  await answer(page, 'Ким В., 8А', 'Предпочтительные наставники', [['орл', /Орлова Н\./]]);
  await answer(page, 'Ли Б., 7Б', 'Предпочтительные наставники', [['петр', /Петров И\./]]);
  await answer(page, 'Орлова Н.', 'Предпочтительные наставляемые', [['ким', /Ким В\./]]);
  // ranks can be reordered: Ли first, then Семёнова
  await expect(page.getByRole('heading', { name: 'Петров И.' })).toBeVisible();
  await pick(page, 'Предпочтительные наставляемые', 'сем', /Семёнова А\./);
  await pick(page, 'Предпочтительные наставляемые', 'ли', /Ли Б\./);
  await page.getByRole('button', { name: 'Выше: Ли Б., 7Б' }).click();
  await expect(page.getByRole('list', { name: 'Порядок предпочтений' }).getByRole('listitem').first()).toContainText('1. Ли Б., 7Б');
  await page.getByRole('button', { name: 'Сохранить и дальше' }).click();
  await answer(page, 'Семёнова А., 7Б', 'Предпочтительные наставники', [['петр', /Петров И\./]]);
  await expect(page.getByText('Заполнено 5 из 5.')).toBeVisible();

  // Suggestions with their reasons; change shows why another mentor would fit; accept all three
  await page.getByRole('link', { name: 'Подбор пар' }).click();
  const suggestions = page.getByRole('list', { name: 'Предложения пар' });
  await expect(suggestions.getByRole('listitem').filter({ has: page.locator('.suggestion-pair') })).toHaveCount(3);
  const kim = page.getByRole('listitem', { name: 'Ким В., 8А и Орлова Н.' });
  await expect(kim).toContainText('Учитель – ученик');
  await expect(kim).toContainText(/совместимость \d+ из 100/);
  await kim.getByRole('button', { name: 'Изменить' }).click();
  await kim.getByLabel('Другой наставник').selectOption({ label: 'Петров И. — свободно 2 из 2' });
  await expect(kim.getByText('свободных мест: 2 из 2', { exact: false })).toBeVisible();
  await kim.getByRole('button', { name: 'Принять', exact: true }).click();
  await page.getByRole('listitem', { name: 'Ли Б., 7Б и Петров И.' }).getByRole('button', { name: 'Принять', exact: true }).click();
  // A rejection; then the app is closed and opened again: every decision is still there, and a rejection can be taken back
  await page.getByRole('listitem', { name: 'Семёнова А., 7Б и Петров И.' }).getByRole('button', { name: 'Отклонить' }).click();
  await expect(page.getByRole('heading', { name: 'Отклонено: 1' })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Принято: 2' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Отклонённые пары' })).toContainText('Семёнова А., 7Б ← Петров И.');
  await expect(page.getByRole('listitem', { name: 'Семёнова А., 7Б и Петров И.' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Предлагать снова' }).click();
  await expect(page.getByRole('heading', { name: /^Отклонено/ })).toHaveCount(0);
  await page.getByRole('listitem', { name: 'Семёнова А., 7Б и Петров И.' }).getByRole('button', { name: 'Принять', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Принято: 3' })).toBeVisible();
  // a mentor's second accepted mentee makes a group unless the curator unticks it
  await expect(page.getByRole('checkbox', { name: 'Петров И.: объединить 2 наставляемых в группу' })).toBeChecked();
  await page.getByRole('button', { name: 'Создать пары и группы (2)' }).click();
  await expect(page).toHaveURL(/\/mentorships$/);
  await expect(page.getByTestId('mentorships-count')).toContainText('2');

  // The pair: five meetings of the right kinds
  await page.getByRole('link', { name: /Ким В/ }).click();
  await logMeeting(page, 'Встреча-знакомство');
  await logMeeting(page, 'Пробная встреча');
  await logMeeting(page, 'Встреча-планирование');
  await logMeeting(page, 'Совместная работа');
  await logMeeting(page, 'Совместная работа', 'Итоговая встреча');
  for (const kind of ['intro', 'trial', 'planning', 'work', 'final']) await expect(page.getByTestId(`stage-${kind}`)).toContainText('этап пройден');

  // A plan with items
  await page.getByRole('link', { name: 'Составить план' }).click();
  await page.getByRole('button', { name: 'Создать план' }).click();
  for (const item of ['Подготовить проект по биологии', 'Выступить на конференции']) {
    await page.getByLabel('Что сделать').fill(item);
    await page.getByRole('button', { name: 'Добавить пункт' }).click();
    await expect(page.getByRole('list', { name: 'Пункты плана' })).toContainText(item);
  }

  // The order approving the plan, downloaded as DOCX and read
  await page.goto('/orders/new');
  const checklist = page.getByRole('group', { name: 'Пары и группы, чьи планы утверждаются' });
  await expect(checklist).toContainText('Орлова Н. → Ким В., 8А');
  await checklist.getByRole('button', { name: 'Отметить все' }).click();
  await page.getByRole('textbox', { name: 'Номер', exact: true }).fill('125-од');
  await page.locator('input[name="date"]').fill('2025-11-14');
  await page.getByRole('button', { name: 'Сохранить приказ' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать DOCX' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Приказ_125-од_2025-11-14.docx');
  const files = unzipSync(new Uint8Array(await readFile((await file.path())!)));
  const xml = strFromU8(files['word/document.xml']!);
  for (const text of ['№ 125-од', 'Об утверждении индивидуальных планов наставнических пар/групп', 'Орлова Нина', 'Ким Вера, 8А']) expect(xml).toContain(text);
  await context.setOffline(false);
});

/**
 * A mentor's places hold during matching: with one place taken by an accepted suggestion she shows «мест нет», the
 * second mentee cannot be given to her without the curator adding a place, and then both make one group.
 */
test('matching respects a mentor’s places; adding a place forms a group of her two mentees', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 360, height: 740 });
  await completeWizard(page);
  await addPerson(page, { lastName: 'Петрова', firstName: 'Мария', category: 'Педагог', roles: ['Наставник'] });
  await addPerson(page, { lastName: 'Ли', firstName: 'Борис', category: 'Обучающийся', classLabel: '7Б', birthDate: '2011-09-12', roles: ['Наставляемый'] });
  await addPerson(page, { lastName: 'Ким', firstName: 'Вера', category: 'Обучающийся', classLabel: '8А', birthDate: '2010-12-01', roles: ['Наставляемый'] });
  await page.goto('/networking');
  await page.getByLabel('Дата').fill('2025-09-25');
  await page.getByRole('button', { name: 'Создать нетворкинг' }).click();
  await expect(page).toHaveURL(/\/networking\/[0-9a-f-]{36}$/);
  await page.getByRole('link', { name: 'Подбор пар' }).click();

  // one place: one suggestion, the other mentee waits «Без пары»
  const suggestions = page.getByRole('list', { name: 'Предложения пар' });
  await expect(suggestions.locator('.suggestion')).toHaveCount(1);
  const suggestion = suggestions.locator('.suggestion').first();
  await suggestion.getByRole('button', { name: 'Изменить' }).click();
  await expect(suggestion.getByLabel('Другой наставник').locator('option', { hasText: 'Петрова М. — свободно 1 из 1' })).toHaveCount(1);
  await suggestion.getByRole('button', { name: 'Принять', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Принято: 1' })).toBeVisible();

  const waiting = page.getByRole('list', { name: 'Без пары' }).getByRole('listitem');
  await expect(waiting).toHaveCount(1);
  await waiting.getByRole('button', { name: 'Назначить наставника' }).click();
  await waiting.getByLabel('Наставник', { exact: true }).selectOption({ label: 'Петрова М. — мест нет' });
  await expect(waiting.getByRole('alert')).toContainText('Все места наставника заняты (1 место)');
  await expect(waiting.getByRole('button', { name: 'Принять с этим наставником' })).toHaveCount(0);
  if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/matching-no-places.png` });
  await waiting.getByRole('button', { name: 'Добавить место (станет 2) и принять' }).click();

  await expect(page.getByRole('heading', { name: 'Принято: 2' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Петрова М.: объединить 2 наставляемых в группу' })).toBeChecked();
  await expect(page.getByRole('list', { name: 'Без пары' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Создать пары и группы (1)' }).click();
  await expect(page).toHaveURL(/\/mentorships$/);
  await expect(page.getByTestId('mentorships-count')).toContainText('1');
  // the new place is on the mentor's card
  await page.goto('/people');
  await page.getByRole('link', { name: /Петрова/ }).first().click();
  await expect(page.locator('.card-fields > div', { hasText: 'Сколько наставляемых может вести' }).locator('dd')).toHaveText('2');
});

/**
 * New pairs from matching start together with one tap; a meeting dated before its pair's start is said, and the
 * start can move to it (a pair entered late logs meetings held before), both sides of the start day.
 */
test('«Начать работу со всеми» starts the new pairs; a meeting before the start is flagged and can move it', async ({ page }) => {
  test.setTimeout(90_000);
  await page.clock.setFixedTime(new Date('2025-10-10T10:00:00+10:00'));
  await completeWizard(page);
  await addPerson(page, { lastName: 'Петрова', firstName: 'Мария', category: 'Педагог', roles: ['Наставник'] });
  await addPerson(page, { lastName: 'Орлова', firstName: 'Нина', category: 'Педагог', roles: ['Наставник'] });
  await addPerson(page, { lastName: 'Ли', firstName: 'Борис', category: 'Обучающийся', classLabel: '7Б', birthDate: '2011-09-12', roles: ['Наставляемый'] });
  await addPerson(page, { lastName: 'Ким', firstName: 'Вера', category: 'Обучающийся', classLabel: '8А', birthDate: '2010-12-01', roles: ['Наставляемый'] });
  await page.goto('/networking');
  await page.getByRole('button', { name: 'Создать нетворкинг' }).click();
  await page.getByRole('link', { name: 'Подбор пар' }).click();
  for (let i = 0; i < 2; i++) await page.getByRole('list', { name: 'Предложения пар' }).getByRole('button', { name: 'Принять', exact: true }).first().click();
  await page.getByRole('button', { name: 'Создать пары и группы (2)' }).click();
  await expect(page).toHaveURL(/\/mentorships$/);

  const startAll = page.getByRole('button', { name: 'Начать работу со всеми (2)' });
  await expect(startAll).toBeVisible();
  if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/start-all.png` });
  await startAll.click();
  await expect(page.getByRole('region', { name: 'Формируются' })).toHaveCount(0);
  const rows = page.getByRole('list', { name: 'Пары и группы' }).getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'формируется' })).toHaveCount(0);
  await expect(rows.filter({ hasText: 'активна' })).toHaveCount(2);

  await rows.first().getByRole('link').first().click();
  await page.getByRole('link', { name: 'Записать встречу' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Встреча раньше начала работы пары' });
  await page.getByLabel('Дата').fill('2025-10-10');
  await expect(notice).toHaveCount(0);
  await page.getByLabel('Дата').fill('2025-10-09');
  await expect(notice).toContainText('(10.10.2025)');
  await page.getByLabel('Дата').fill('2025-10-03');
  await expect(page.getByRole('checkbox', { name: 'Перенести начало работы на дату встречи' })).toBeChecked();
  if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/meeting-before-start.png` });
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page).toHaveURL(/\/mentorships\/[0-9a-f-]{36}$/);
  // the start moved: a meeting on the new start day fits, the day before does not
  await page.getByRole('link', { name: 'Записать встречу' }).click();
  await page.getByLabel('Дата').fill('2025-10-03');
  await expect(notice).toHaveCount(0);
  await page.getByLabel('Дата').fill('2025-10-02');
  await expect(notice).toContainText('(03.10.2025)');
});
