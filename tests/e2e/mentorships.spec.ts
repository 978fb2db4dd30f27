import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import { accessibilityViolations, addPerson, completeWizard, waitForDraft, waitForOfflineReady } from './helpers';

/** Picks a person in a PersonPicker: types part of the name, then taps the option. */
async function pick(page: Page, label: string, query: string, option: RegExp) {
  const box = page.getByRole('combobox', { name: label });
  await box.fill(query);
  await page.getByRole('option', { name: option }).click();
}

/** Logs a meeting from the pair's page; checks the kind the app suggests, or picks another. */
async function logMeeting(page: Page, expected: string, opts: { pick?: string; notes?: string } = {}) {
  await page.getByRole('link', { name: 'Записать встречу' }).click();
  await expect(page).toHaveURL(/\/meetings\/new$/);
  await expect(page.getByRole('radio', { name: expected })).toBeChecked();
  if (opts.pick) await page.getByRole('radio', { name: opts.pick }).check({ force: true });
  await expect(page.getByLabel('Минут')).toHaveValue('45');
  // The notes of the meeting saved just before are not carried over by a late draft write.
  await expect(page.getByLabel('Заметки')).toHaveValue('');
  if (opts.notes) await page.getByLabel('Заметки').fill(opts.notes);
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page).toHaveURL(/\/mentorships\/[0-9a-f-]{36}$/);
}

test('pairs and groups: create, the five meetings by their suggested kinds, the timeline, a plan at 33 %, all of it offline', async ({ page, context }) => {
  await completeWizard(page);
  await addPerson(page, { lastName: 'Петров', firstName: 'Иван', middleName: 'Сергеевич', category: 'Педагог', roles: ['Наставник'] });
  await addPerson(page, { lastName: 'Орлова', firstName: 'Нина', category: 'Педагог', roles: ['Наставник'] });
  await addPerson(page, { lastName: 'Семёнова', firstName: 'Анна', category: 'Обучающийся', classLabel: '7Б', birthDate: '2011-04-02', roles: ['Наставляемый'] });
  await addPerson(page, { lastName: 'Ли', firstName: 'Борис', category: 'Обучающийся', classLabel: '7Б', birthDate: '2011-09-12', roles: ['Наставляемый'] });
  await addPerson(page, { lastName: 'Ким', firstName: 'Вера', category: 'Обучающийся', classLabel: '8А', birthDate: '2010-12-01', roles: ['Наставляемый'] });

  // The empty list says what to do first.
  await page.getByRole('link', { name: 'Пары' }).click();
  await expect(page.getByRole('heading', { name: 'Пока нет ни одной пары или группы' })).toBeVisible();
  await page.getByRole('link', { name: 'Создать пару или группу' }).click();

  // Nothing chosen: the reasons, in Russian, under the fields.
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.locator('.field-error', { hasText: 'Выберите форму наставничества' })).toBeVisible();
  await expect(page.locator('.field-error', { hasText: 'Выберите наставника' })).toBeVisible();
  await expect(page.locator('.field-error', { hasText: 'Выберите хотя бы одного наставляемого' })).toBeVisible();

  // A pair.
  await page.getByLabel('Форма наставничества').selectOption({ label: 'Учитель – ученик' });
  await pick(page, 'Наставник (до трёх)', 'петр', /Петров И\. С\./);
  await pick(page, 'Наставляемые', 'семен', /Семёнова А\./);
  await expect(page.getByRole('list', { name: 'Выбрано: наставляемые' })).toContainText('Семёнова А.');
  await page.getByLabel('Название').fill('Робототехника');
  await page.getByLabel('Статус').selectOption({ label: 'активна' });
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('heading', { name: 'Робототехника' })).toBeVisible();
  await expect(page.getByTestId('mentorship-status')).toHaveText('активна');
  const pairUrl = page.url();
  // The mentee's card lists the pair, with her role and its status.
  await page.getByRole('link', { name: /Семёнова А\./ }).click();
  await expect(page.getByRole('heading', { name: /Семёнова Анна/ })).toBeVisible();
  const hers = page.getByRole('list', { name: 'Пары и группы участника' });
  await expect(hers.getByRole('listitem')).toHaveCount(1);
  await expect(hers).toContainText('Робототехника');
  await expect(hers).toContainText('наставляемый · активна');

  // A group: one mentor, two mentees; the draft survives a reload half-way.
  await page.goto('/mentorships/new');
  await page.getByLabel('Форма наставничества').selectOption({ label: 'Учитель – ученик' });
  await pick(page, 'Наставник (до трёх)', 'орл', /Орлова Н\./);
  await pick(page, 'Наставляемые', 'ли', /Ли Б\./);
  await page.getByRole('combobox', { name: 'Наставляемые' }).press('Escape');
  await page.getByLabel('Название').fill('Клуб чтения');
  await waitForDraft(page, 'Клуб чтения');
  await page.reload();
  await expect(page.getByText('Восстановлен несохранённый черновик этой формы.')).toBeVisible();
  await expect(page.getByLabel('Название')).toHaveValue('Клуб чтения');
  await pick(page, 'Наставляемые', 'ким', /Ким В\./);
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('heading', { name: 'Клуб чтения' })).toBeVisible();
  await expect(page.getByText('Группа ·')).toBeVisible();

  // Ending the group early asks for a reason.
  await page.getByRole('button', { name: 'Начать работу' }).click();
  await expect(page.getByTestId('mentorship-status')).toHaveText('активна');
  await page.getByRole('button', { name: 'Прервать досрочно' }).click();
  const dialog = page.getByRole('dialog', { name: 'Прервать работу досрочно' });
  await dialog.getByRole('button', { name: 'Прервать' }).click();
  await expect(dialog.getByText('Укажите причину, по которой работа прервана')).toBeVisible();
  await dialog.getByLabel('Причина').fill('Наставник ушёл в декрет');
  await dialog.getByRole('button', { name: 'Прервать' }).click();
  await expect(page.getByTestId('mentorship-status')).toHaveText('прервана');
  await expect(page.getByText('Наставник ушёл в декрет')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Записать встречу' })).toHaveCount(0);
  await expect(page.getByText(/Работа прервана .*новые встречи не записываются/)).toBeVisible();

  // The pair's five meetings, each time with the kind the app suggests (the last one, the final, picked).
  await page.goto(pairUrl);
  await logMeeting(page, 'Встреча-знакомство', { notes: 'Познакомились, обсудили интересы' });
  await logMeeting(page, 'Пробная встреча');
  await logMeeting(page, 'Встреча-планирование', { notes: 'Составили план' });
  await logMeeting(page, 'Совместная работа');
  await logMeeting(page, 'Совместная работа', { pick: 'Итоговая встреча' });
  for (const kind of ['intro', 'trial', 'planning', 'work', 'final']) await expect(page.getByTestId(`stage-${kind}`)).toContainText('этап пройден');
  await expect(page.getByRole('list', { name: 'Журнал встреч' }).getByRole('listitem')).toHaveCount(5);
  await expect(page.getByRole('list', { name: 'Журнал встреч' }).getByRole('link').first()).toContainText('Итоговая встреча');

  // The plan: title defaulted after the mentee, three items, one done: 33 %, flagged under 90 %.
  await page.getByRole('link', { name: 'Составить план' }).click();
  await expect(page.getByRole('heading', { name: 'Плана ещё нет' })).toBeVisible();
  await expect(page.getByLabel('Название плана')).toHaveValue('Индивидуальный план: Семёнова А., 7Б');
  await page.getByRole('button', { name: 'Создать план' }).click();
  await expect(page.getByTestId('plan-approval')).toHaveText('Черновик: план ещё не утверждён приказом директора.');
  for (const item of ['Собрать робота-манипулятора', 'Выступить на школьной конференции', 'Подготовить портфолио проекта']) {
    await page.getByLabel('Что сделать').fill(item);
    await page.getByRole('button', { name: 'Добавить пункт' }).click();
    await expect(page.getByRole('list', { name: 'Пункты плана' })).toContainText(item);
  }
  await expect(page.getByLabel('Что сделать')).toHaveValue('');
  await page.getByLabel('Статус пункта «Собрать робота-манипулятора»').selectOption({ label: 'выполнено' });
  await expect(page.getByTestId('plan-percent')).toHaveText('33 %');
  await expect(page.getByTestId('plan-flag')).toContainText('Меньше 90 %');

  // The plan to print and sign, and as DOCX.
  await page.getByRole('link', { name: 'Печать' }).click();
  const paper = page.getByRole('article', { name: 'Текст плана' });
  await expect(paper).toContainText('Индивидуальный план: Семёнова А., 7Б');
  await expect(paper).toContainText('Наставляемый: Семёнова Анна, 7Б');
  await expect(paper.getByRole('table')).toContainText('Собрать робота-манипулятора');
  await expect(paper).toContainText('Выполнено 1 из 3 (33 %)');
  // The screens full of data pass the same accessibility checks as the empty ones: the print view, the plan, the pair.
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.goBack();
  await expect(page.getByTestId('plan-percent')).toHaveText('33 %');
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.goto(pairUrl);
  await expect(page.getByRole('list', { name: 'Журнал встреч' }).getByRole('listitem')).toHaveCount(5);
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.goBack();
  await page.getByRole('link', { name: 'Печать' }).click();
  await expect(paper).toContainText('Выполнено 1 из 3 (33 %)');
  const planFile = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать DOCX' }).click();
  const docx = await planFile;
  expect(docx.suggestedFilename()).toMatch(/^Индивидуальный_план-_Семёнова_А.,_7Б_\d{4}-\d\d-\d\d\.docx$/);
  const xml = strFromU8(unzipSync(new Uint8Array(await readFile((await docx.path())!)))['word/document.xml']!);
  expect(xml).toContain('Подготовить портфолио проекта');

  // Who I am: my pairs first.
  await page.goto('/mentorships');
  await page.getByRole('button', { name: /Я — …/ }).click();
  await pick(page, 'Кто пользуется этим телефоном?', 'петров', /Петров И\. С\./);
  await expect(page.getByText('Я — Петров Иван Сергеевич')).toBeVisible();
  const mine = page.getByRole('list', { name: 'Мои пары и группы' });
  await expect(mine.getByRole('listitem')).toHaveCount(1);
  await expect(mine).toContainText('5/5 этапов');
  await expect(mine).toContainText('план 33 %');
  await expect(mine.getByRole('img', { name: 'Требует внимания' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Остальные пары и группы' })).toContainText('прервана');
  await page.getByText('Фильтры').click();
  await page.getByLabel('Статус').selectOption({ label: 'прервана' });
  await expect(page.getByTestId('mentorships-count')).toHaveText('Найдено: 1 из 2');

  // Offline: a reload of the pair's page finds it all on the device.
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await page.goto(pairUrl);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Робототехника' })).toBeVisible();
  for (const kind of ['intro', 'trial', 'planning', 'work', 'final']) await expect(page.getByTestId(`stage-${kind}`)).toContainText('этап пройден');
  await expect(page.getByRole('list', { name: 'Журнал встреч' }).getByRole('listitem')).toHaveCount(5);
  await expect(page.getByText('33 %')).toBeVisible();
  await expect(page.getByText('меньше 90 %')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Петров И. С.', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Семёнова А., 7Б', exact: true })).toBeVisible();

  // A meeting is logged offline too, from a draft that survived a reload; deleting it can be undone.
  await page.getByRole('link', { name: 'Записать встречу' }).click();
  await page.getByLabel('Заметки').fill('Разбор ошибок после конференции');
  await waitForDraft(page, 'Разбор ошибок после конференции');
  await page.reload();
  await expect(page.getByText('Восстановлен несохранённый черновик этой встречи.')).toBeVisible();
  await expect(page.getByLabel('Заметки')).toHaveValue('Разбор ошибок после конференции');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('list', { name: 'Журнал встреч' }).getByRole('listitem')).toHaveCount(6);
  await page.getByRole('link', { name: /Разбор ошибок/ }).click();
  await page.getByRole('button', { name: 'Удалить встречу' }).click();
  await expect(page.getByRole('list', { name: 'Журнал встреч' }).getByRole('listitem')).toHaveCount(5);
  await page.getByRole('button', { name: 'Вернуть' }).click();
  await expect(page.getByRole('list', { name: 'Журнал встреч' }).getByRole('listitem')).toHaveCount(6);
  await context.setOffline(false);
});

test('a plan approved by an order shows the order, and an edit of an item after it shows «изменён после утверждения»', async ({ page }) => {
  await completeWizard(page);
  await addPerson(page, { lastName: 'Петров', firstName: 'Иван', category: 'Педагог', roles: ['Наставник'] });
  await addPerson(page, { lastName: 'Семёнова', firstName: 'Анна', category: 'Обучающийся', classLabel: '7Б', birthDate: '2011-04-02', roles: ['Наставляемый'] });
  await page.goto('/mentorships/new');
  await page.getByLabel('Форма наставничества').selectOption({ label: 'Учитель – ученик' });
  await pick(page, 'Наставник (до трёх)', 'петров', /Петров И\./);
  await pick(page, 'Наставляемые', 'семен', /Семёнова А\./);
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByTestId('mentorship-status')).toHaveText('формируется');
  await page.getByRole('link', { name: 'Составить план' }).click();
  await page.getByRole('button', { name: 'Создать план' }).click();
  for (const item of ['Проект по химии', 'Олимпиада']) {
    await page.getByLabel('Что сделать').fill(item);
    await page.getByRole('button', { name: 'Добавить пункт' }).click();
    await expect(page.getByRole('list', { name: 'Пункты плана' })).toContainText(item);
  }
  const planUrl = page.url();

  await page.goto('/orders/new');
  await page.getByRole('textbox', { name: 'Номер', exact: true }).fill('7-од');
  await page.locator('input[name="date"]').fill('2025-11-25');
  await page.getByRole('group', { name: 'Пары и группы, чьи планы утверждаются' }).getByRole('button', { name: 'Отметить все' }).click();
  await page.getByRole('button', { name: 'Сохранить приказ' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);

  await page.goto(planUrl);
  await expect(page.getByTestId('plan-approval')).toHaveText('Утверждён приказом № 7-од от 25.11.2025.');
  // Progress is not a change of what was approved.
  await page.getByLabel('Статус пункта «Олимпиада»').selectOption({ label: 'выполнено' });
  await expect(page.getByTestId('plan-percent')).toHaveText('50 %');
  await expect(page.getByTestId('plan-approval')).toContainText('Утверждён приказом № 7-од');
  // A new wording is.
  await page.getByRole('button', { name: 'Подробнее о пункте «Проект по химии»' }).click();
  await page.getByLabel('Что сделать', { exact: true }).first().fill('Проект по химии и биологии');
  await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(page.getByTestId('plan-approval')).toContainText('Изменён после утверждения приказом № 7-од от 25.11.2025');
  await page.goto(planUrl.replace(/\/plan$/, ''));
  await expect(page.getByText('изменён после утверждения')).toBeVisible();
});
