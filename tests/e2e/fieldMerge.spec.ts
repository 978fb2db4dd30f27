import { expect, test, type Page } from '@playwright/test';
import { accessibilityViolations, addPerson, completeWizard, waitForOfflineReady } from './helpers';
import { device, exportBundle, importBundle, nameDevice } from './devices';

async function pick(page: Page, label: string, query: string, option: RegExp) {
  await page.getByRole('combobox', { name: label }).fill(query);
  await page.getByRole('option', { name: option }).click();
}

async function openPair(page: Page) {
  await page.goto('/mentorships');
  await page.getByRole('link', { name: /Робот/ }).first().click();
  await expect(page).toHaveURL(/\/mentorships\/[0-9a-f-]{36}$/);
}

async function renamePair(page: Page, title: string) {
  await openPair(page);
  await page.getByRole('link', { name: 'Изменить' }).click();
  await page.getByLabel('Название').fill(title);
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

async function openPlan(page: Page) {
  await openPair(page);
  await page.getByRole('link', { name: /Открыть план|Составить план/ }).first().click();
  await expect(page.getByTestId('plan-percent')).toBeVisible();
}

async function swap(a: Page, b: Page, n: number) {
  const fa = await exportBundle(a, `fm-a${n}.json.gz`);
  const fb = await exportBundle(b, `fm-b${n}.json.gz`);
  await importBundle(a, fb);
  await importBundle(b, fa);
}

test('two phones edit different fields of one pair and one plan item: both edits on both, no conflict; the same field is settled on «Конфликты», and a mix the rules refuse saves nothing', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const A = await device(browser, baseURL!);
  const B = await device(browser, baseURL!);

  // The curator's phone: a pair with a plan of one item.
  await completeWizard(A.page);
  await waitForOfflineReady(A.page);
  await A.ctx.setOffline(true);
  await addPerson(A.page, { lastName: 'Петров', firstName: 'Иван', middleName: 'Сергеевич', category: 'Педагог', roles: ['Наставник'] });
  await addPerson(A.page, { lastName: 'Семёнова', firstName: 'Анна', category: 'Обучающийся', classLabel: '7Б', birthDate: '2011-04-02', roles: ['Наставляемый'] });
  await A.page.goto('/mentorships/new');
  await A.page.getByLabel('Форма наставничества').selectOption({ label: 'Учитель – ученик' });
  await pick(A.page, 'Наставник (до трёх)', 'петр', /Петров И\. С\./);
  await pick(A.page, 'Наставляемые', 'семен', /Семёнова А\./);
  await A.page.getByLabel('Название').fill('Робототехника');
  await A.page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(A.page.getByTestId('mentorship-status')).toHaveText('формируется');
  await A.page.getByRole('link', { name: 'Составить план' }).click();
  await A.page.getByRole('button', { name: 'Создать план' }).click();
  await A.page.getByLabel('Что сделать').fill('Знакомство');
  await A.page.getByRole('button', { name: 'Добавить пункт' }).click();
  await expect(A.page.getByRole('list', { name: 'Пункты плана' })).toContainText('Знакомство');
  await nameDevice(A.page, 'Телефон куратора');
  const a0 = await exportBundle(A.page, 'fm-a0.json.gz');

  // The mentor's phone starts from that file.
  await B.page.goto('/');
  await waitForOfflineReady(B.page);
  await B.ctx.setOffline(true);
  await B.page.getByText('Школа уже ведётся на другом устройстве?').click();
  await B.page.getByLabel('Файл обмена', { exact: true }).setInputFiles(a0);
  await B.page.getByRole('button', { name: 'Загрузить данные' }).click();
  await expect(B.page.getByRole('heading', { name: 'Обзор' })).toBeVisible();
  await nameDevice(B.page, 'Телефон наставника');

  // Different fields: the mentor starts the work and ticks the item; the curator renames the pair and the item.
  await openPair(B.page);
  await B.page.getByRole('button', { name: 'Начать работу' }).click();
  await expect(B.page.getByTestId('mentorship-status')).toHaveText('активна');
  await openPlan(B.page);
  await B.page.getByLabel('Статус пункта «Знакомство»').selectOption({ label: 'выполнено' });
  await expect(B.page.getByTestId('plan-percent')).toHaveText('100 %');

  await renamePair(A.page, 'Робототехника 2.0');
  await openPlan(A.page);
  await A.page.getByRole('button', { name: /Подробнее/ }).click();
  await A.page.getByLabel('Что сделать').first().fill('Знакомство и правила');
  await A.page.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(A.page.getByRole('list', { name: 'Пункты плана' })).toContainText('Знакомство и правила');

  await swap(A.page, B.page, 1);
  for (const page of [A.page, B.page]) {
    await openPair(page);
    await expect(page.getByRole('heading', { name: 'Робототехника 2.0' })).toBeVisible();
    await expect(page.getByTestId('mentorship-status')).toHaveText('активна');
    await openPlan(page);
    await expect(page.getByRole('list', { name: 'Пункты плана' })).toContainText('Знакомство и правила');
    await expect(page.getByLabel('Статус пункта «Знакомство и правила»')).toHaveValue('done');
    await expect(page.getByTestId('plan-percent')).toHaveText('100 %');
    await page.goto('/exchange');
    await expect(page.getByRole('link', { name: /Конфликты:/ })).toHaveCount(0);
    await expect(page.getByText('Конфликтов нет.')).toBeVisible();
  }

  // The same field on both phones: a conflict on both, only that field shown, with who wrote each value.
  await renamePair(A.page, 'Роботы куратора');
  await renamePair(B.page, 'Роботы наставника');
  await swap(A.page, B.page, 2);
  for (const page of [A.page, B.page]) {
    await page.goto('/exchange/conflicts');
    const card = page.locator('section.conflict');
    await expect(card).toHaveCount(1);
    await expect(card.getByRole('group')).toHaveCount(1);
    await expect(card.getByRole('group', { name: 'Название' })).toBeVisible();
    const title = card.getByRole('group', { name: 'Название' });
    await expect(title.getByText('Роботы куратора', { exact: true })).toBeVisible();
    await expect(title.getByText('Роботы наставника', { exact: true })).toBeVisible();
    await expect(title.getByText(/это устройство/)).toBeVisible();
    await expect(title.getByText(page === A.page ? /«Телефон наставника»/ : /«Телефон куратора»/)).toBeVisible();
  }
  expect(await accessibilityViolations(A.page)).toEqual([]);
  if (process.env.SHOTS) await A.page.screenshot({ path: `${process.env.SHOTS}/conflict-title.png`, fullPage: true });
  await A.page.getByRole('radio', { name: /Роботы наставника/ }).check();
  await A.page.getByRole('button', { name: 'Сохранить выбор' }).click();
  await expect(A.page.getByRole('heading', { name: 'Конфликтов нет' })).toBeVisible();
  await importBundle(B.page, await exportBundle(A.page, 'fm-a3.json.gz'));
  await B.page.goto('/exchange/conflicts');
  await expect(B.page.getByRole('heading', { name: 'Конфликтов нет' })).toBeVisible();
  await openPair(B.page);
  await expect(B.page.getByRole('heading', { name: 'Роботы наставника' })).toBeVisible();

  // The pair ended differently on the two phones: interrupted with a reason on one, finished on the other.
  await openPair(A.page);
  await A.page.getByRole('button', { name: 'Прервать досрочно' }).click();
  await A.page.getByLabel('Причина').fill('Переезд семьи');
  await A.page.getByRole('button', { name: 'Прервать', exact: true }).click();
  await expect(A.page.getByTestId('mentorship-status')).toHaveText('прервана');
  await openPair(B.page);
  await B.page.getByRole('button', { name: 'Завершить' }).click();
  await B.page.getByRole('dialog').getByRole('button', { name: 'Завершить' }).click();
  await expect(B.page.getByTestId('mentorship-status')).toHaveText('завершена');
  await importBundle(A.page, await exportBundle(B.page, 'fm-b4.json.gz'));

  await A.page.goto('/exchange/conflicts');
  const card = A.page.locator('section.conflict');
  await expect(card.getByRole('group', { name: 'Статус' })).toBeVisible();
  await expect(card.getByRole('group', { name: 'Статус' })).toContainText('прервана');
  await expect(card.getByRole('group', { name: 'Статус' })).toContainText('завершена');
  // «прервана» with the other phone's empty reason: the rules refuse it, the page says why, nothing is saved
  await card.getByRole('group', { name: 'Статус' }).getByRole('radio', { name: /прервана/ }).check();
  await card.getByRole('group', { name: /Причина/ }).getByRole('radio', { name: /пусто/ }).check();
  await expect(card.getByText('Укажите причину, по которой работа прервана')).toBeVisible();
  await card.getByRole('button', { name: 'Сохранить выбор' }).click();
  await expect(card.getByRole('alert')).toContainText('не сохранить');
  if (process.env.SHOTS) await A.page.screenshot({ path: `${process.env.SHOTS}/conflict-refused.png`, fullPage: true });
  await expect(card).toBeVisible();
  // a valid choice: the reason goes with the interruption
  await card.getByRole('group', { name: /Причина/ }).getByRole('radio', { name: /Переезд семьи/ }).check();
  await expect(card.getByText('Укажите причину, по которой работа прервана')).toHaveCount(0);
  await card.getByRole('button', { name: 'Сохранить выбор' }).click();
  await expect(A.page.getByRole('heading', { name: 'Конфликтов нет' })).toBeVisible();

  // Exports keep working: B takes A's file without a complaint and agrees.
  await importBundle(B.page, await exportBundle(A.page, 'fm-a5.json.gz'));
  await openPair(B.page);
  await expect(B.page.getByTestId('mentorship-status')).toHaveText('прервана');
  await expect(B.page.getByText('Переезд семьи')).toBeVisible();

  await A.ctx.close();
  await B.ctx.close();
});
