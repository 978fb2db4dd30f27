import { expect, test, type Locator, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import readXlsxFile from 'read-excel-file/node';
import { addPerson, completeWizard } from './helpers';

/** Frictions a new curator hit: a partner's representative, the report's signers and statuses, a pair's title. */

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/** A birth date `years` years ago today (under 14 for the consent rule when years < 14). */
const bornYearsAgo = (years: number) => {
  const d = new Date();
  d.setFullYear(d.getFullYear() - years, d.getMonth(), 1);
  return d.toISOString().slice(0, 10);
};

/** The box fits the 360 px viewport: nothing of it is past the right edge. */
async function expectWithinViewport(page: Page, el: Locator) {
  const box = (await el.boundingBox())!;
  const width = page.viewportSize()!.width;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
}

/** The table's scrolling box has nothing to scroll sideways. */
async function expectNoSideScroll(region: Locator) {
  const { scrollWidth, clientWidth } = await region.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

test('a partner\'s card adds a representative: the form comes preset, and saving lands back on the card listing them', async ({ page }) => {
  await completeWizard(page);
  await page.goto('/partners/new');
  await page.getByLabel('Название').fill('ООО «Кахунский агрокомплекс»');
  await page.getByLabel('Вид организации').selectOption({ label: 'Предприятие' });
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('heading', { name: 'ООО «Кахунский агрокомплекс»' })).toBeVisible();
  const cardUrl = page.url();
  await expect(page.getByText('Представителей пока нет.')).toBeVisible();

  await page.getByRole('link', { name: 'Добавить представителя' }).click();
  await expect(page).toHaveURL(/\/people\/new\?partner=[0-9a-f-]{36}$/);
  await expect(page.getByLabel('Категория')).toHaveValue('partnerRep');
  await expect(page.getByLabel('Организация-партнёр').locator('option:checked')).toHaveText('ООО «Кахунский агрокомплекс»');
  // Back leads to the card it came from.
  await expect(page.getByRole('link', { name: 'Назад' })).toHaveAttribute('href', new URL(cardUrl).pathname);
  await page.getByLabel('Фамилия').fill('Ким');
  await page.getByRole('textbox', { name: 'Имя', exact: true }).fill('Олег');
  await page.getByRole('checkbox', { name: 'Наставник' }).check();
  await page.getByRole('button', { name: 'Сохранить' }).click();

  await expect(page).toHaveURL(cardUrl);
  const reps = page.getByRole('list', { name: /Представители/ });
  await expect(reps.getByRole('link', { name: /Ким Олег/ })).toContainText('Наставник');
  await expect(page.getByText('Представителей пока нет.')).toHaveCount(0);

  // A second one from the same card: the form opens preset again, not with the first one's draft.
  await page.getByRole('link', { name: 'Добавить представителя' }).click();
  await expect(page.getByLabel('Фамилия')).toHaveValue('');
  await expect(page.getByLabel('Категория')).toHaveValue('partnerRep');

  // A link to a partner that is not there opens an empty form, not a category with no organisation to show.
  await page.goto('/people/new?partner=00000000-0000-4000-8000-000000000000');
  await expect(page.getByLabel('Категория')).toHaveValue('');

  // The partners' target says what it is a share of.
  await page.goto('/monitoring');
  await expect(page.getByTestId('target-partnersWithMentors')).toContainText('цель: 2 % от числа организаций-партнёров');
  await expect(page.getByRole('listitem', { name: 'Партнёры, предоставившие наставников' })).toContainText('1 из 1');
});

/** A teacher who signed herself and a 12-year-old whose mother signed, both with a consent on record. */
async function twoConsents(page: Page) {
  await completeWizard(page);
  await addPerson(page, { lastName: 'Петров', firstName: 'Иван', middleName: 'Сергеевич', category: 'Педагог', roles: ['Наставник'] });
  await page.getByRole('link', { name: 'Оформить согласие' }).click();
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByTestId('consent-status')).toHaveText('Действующее согласие есть.');
  await addPerson(page, { lastName: 'Семёнова', firstName: 'Анна', category: 'Обучающийся', classLabel: '6Б', birthDate: bornYearsAgo(12), roles: ['Наставляемый'] });
  await page.getByRole('link', { name: 'Оформить согласие' }).click();
  await page.getByLabel('ФИО законного представителя').fill('Семёнова Ольга Ивановна');
  await page.getByLabel('Кем приходится участнику').fill('мать');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByTestId('consent-status')).toHaveText('Действующее согласие есть.');
}

test('the report\'s consents, on the page and in the XLSX, name who signed; the capacity has a column of its own', async ({ page }) => {
  await twoConsents(page);
  await page.goto('/report');
  const consents = page.getByRole('region', { name: 'Таблица: Согласия' });
  await expect(consents.getByRole('row').filter({ hasText: 'Семёнова Анна' })).toContainText('Семёнова Ольга Ивановна');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать XLSX' }).click();
  const sheets = (await readXlsxFile((await (await download).path())!)) as unknown as { sheet: string; data: unknown[][] }[];
  const data = sheets.find((s) => s.sheet === 'Согласия')!.data;
  expect(data[3]).toEqual(['Участник', 'Категория', 'Согласие', 'Кто подписал', 'Подписант', 'Дата', 'Примечание']);
  expect(data.find((r) => r[0] === 'Семёнова Анна')?.slice(0, 5)).toEqual(['Семёнова Анна', 'Обучающийся', 'есть', 'Семёнова Ольга Ивановна', 'законный представитель (мать)']);
  expect(data.find((r) => r[0] === 'Петров Иван Сергеевич')?.slice(3, 5)).toEqual(['Петров Иван Сергеевич', 'сам участник']);
});

test('the report at 360 px: each row a card with its status in view, no sideways scroll; paper keeps the table', async ({ page }) => {
  await twoConsents(page);
  await page.goto('/report');
  const indicators = page.getByRole('region', { name: 'Таблица: Показатели' });
  const row = indicators.getByRole('row').filter({ hasText: 'Наставники среди педагогов' });
  const status = row.getByRole('cell').filter({ hasText: /^(выполнено|под угрозой|не выполнено|нет данных)$/ });
  await expect(status).toHaveText('под угрозой');
  await expect(status).toBeInViewport();
  await expectWithinViewport(page, status);
  for (const label of ['Учтено', 'Из (всего в базе)', 'Статус']) await expectWithinViewport(page, row.locator(`td[data-label="${label}"]`));
  await expect(row.locator('td[data-label="Учтено"]')).toHaveText('1');
  await expect(row.locator('td[data-label="Из (всего в базе)"]')).toHaveText('38');
  // The label shows beside the value: the column's name, drawn from data-label.
  expect(await status.evaluate((el) => getComputedStyle(el, '::before').content)).toContain('Статус');
  for (const name of ['Показатели', 'Пары и группы', 'Согласия']) await expectNoSideScroll(page.getByRole('region', { name: `Таблица: ${name}` }));
  const consents = page.getByRole('region', { name: 'Таблица: Согласия' });
  await expect(consents.getByRole('row').filter({ hasText: 'Семёнова Анна' }).locator('td[data-label="Кто подписал"]')).toHaveText('Семёнова Ольга Ивановна');
  // Still a table to assistive technology: its rows and column headers are there.
  await expect(indicators.getByRole('columnheader', { name: 'Статус' })).toHaveCount(1);
  // Paper gets the table as a table.
  await page.emulateMedia({ media: 'print' });
  expect(await indicators.locator('table').evaluate((el) => getComputedStyle(el).display)).toBe('table');
  await page.emulateMedia({ media: 'screen' });
});

test('the import preview at 360 px shows each row\'s status without scrolling sideways', async ({ page }) => {
  await completeWizard(page);
  await page.goto('/people/import');
  await page.getByLabel('Файл списка (.xlsx или .csv)').setInputFiles(fixture('class-7b-cp1251.csv'));
  const bad = page.locator('tr[data-status="bad"]');
  await expect(bad).toHaveCount(1);
  const status = bad.locator('td[data-label="Статус"]');
  await expect(status).toHaveText('Ошибка');
  await status.scrollIntoViewIfNeeded();
  await expectWithinViewport(page, status);
  // The status heads the card, above the name.
  const name = bad.locator('td[data-label="ФИО"]');
  expect((await status.boundingBox())!.y).toBeLessThan((await name.boundingBox())!.y);
  await expectNoSideScroll(page.getByRole('region', { name: 'Строки файла' }));
});

test('a pair\'s page is titled by its people (a student with her class), a group by its title and mentor', async ({ page }) => {
  await completeWizard(page);
  await addPerson(page, { lastName: 'Петров', firstName: 'Иван', middleName: 'Сергеевич', category: 'Педагог', roles: ['Наставник'] });
  await addPerson(page, { lastName: 'Семёнова', firstName: 'Анна', category: 'Обучающийся', classLabel: '7Б', birthDate: '2011-04-02', roles: ['Наставляемый'] });
  await addPerson(page, { lastName: 'Ли', firstName: 'Борис', category: 'Обучающийся', classLabel: '7Б', birthDate: '2011-09-12', roles: ['Наставляемый'] });
  const pick = async (label: string, query: string, option: RegExp) => {
    await page.getByRole('combobox', { name: label }).fill(query);
    await page.getByRole('option', { name: option }).click();
  };

  await page.goto('/mentorships/new');
  await page.getByLabel('Форма наставничества').selectOption({ label: 'Учитель – ученик' });
  await pick('Наставник (до трёх)', 'петр', /Петров И\. С\./);
  await pick('Наставляемые', 'семен', /Семёнова А\./);
  await page.getByLabel('Название').fill('Робототехника');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toHaveText('Петров И. С. → Семёнова А., 7Б');
  await expect(page.getByRole('heading', { name: 'Робототехника' })).toBeVisible();
  await expect(page).toHaveTitle(/^Петров И\. С\. → Семёнова А\., 7Б — /);
  // Within the header at 360 px, beside the back arrow and «Изменить».
  await expectWithinViewport(page, h1);
  await expectWithinViewport(page, page.getByRole('link', { name: 'Изменить' }));

  await page.getByRole('link', { name: 'Изменить' }).click();
  await pick('Наставляемые', 'ли', /Ли Б\./);
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(h1).toHaveText('Робототехника · Петров И. С.');
});
