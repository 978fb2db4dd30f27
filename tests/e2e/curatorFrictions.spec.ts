import { expect, test } from '@playwright/test';
import { completeWizard } from './helpers';

/** Frictions a new curator hit: a partner's representative, the report's signers and statuses, a pair's title. */

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
