import { expect, test } from '@playwright/test';
import { addPerson, completeWizard, waitForDraft, waitForOfflineReady } from './helpers';

test('first run: the wizard refuses bad input in Russian, then asks for the school once', async ({ page }) => {
  await page.goto('/people');
  await expect(page).toHaveURL(/\/welcome$/);
  await page.getByLabel('Учебный год').fill('2025-26');
  await page.getByRole('button', { name: 'Начать работу' }).click();
  await expect(page.locator('.field-error', { hasText: 'Укажите название школы' })).toBeVisible();
  await expect(page.locator('.field-error', { hasText: 'Учебный год: в виде 2025/2026' })).toBeVisible();
  await expect(page.locator('.field-error', { hasText: 'Число обучающихся: не меньше 1' })).toBeVisible();
  // The summary above the button names each field; a tap (or Enter) takes the keyboard there.
  await page.getByRole('list', { name: 'Ошибки в форме' }).getByRole('button', { name: 'Название школы: Укажите название школы' }).click();
  await expect(page.getByLabel('Название школы')).toBeFocused();
  await completeWizard(page);
  await expect(page.getByRole('heading', { name: 'Пока нет ни одного участника' })).toBeVisible();
  await page.reload();
  await expect(page).toHaveURL(/\/people$/);
});

test('add, find, edit and delete a participant; the under-14 mark; undo of a deletion', async ({ page }) => {
  await completeWizard(page);

  // A student without a class is refused with the reason under the field, and nothing is stored.
  await page.goto('/people/new');
  await page.getByLabel('Фамилия').fill('Семёнова');
  await page.getByRole('textbox', { name: 'Имя', exact: true }).fill('Анна');
  await page.getByLabel('Категория').selectOption({ label: 'Обучающийся' });
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.locator('.field-error', { hasText: 'Укажите класс обучающегося' })).toBeVisible();
  await expect(page.locator('.field-error', { hasText: /Укажите дату рождения обучающегося/ })).toBeVisible();

  await page.getByLabel('Класс').fill('7 б');
  await page.getByLabel('Дата рождения').fill('2013-04-02');
  await page.getByRole('checkbox', { name: 'Наставляемый' }).check();
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('heading', { name: 'Семёнова Анна' })).toBeVisible();
  await expect(page.getByText(/Младше 14 лет/)).toBeVisible();
  await expect(page.getByText('7Б', { exact: true })).toBeVisible();

  await addPerson(page, { lastName: 'Петров', firstName: 'Иван', middleName: 'Сергеевич', category: 'Педагог', roles: ['Наставник'] });

  await page.getByRole('link', { name: 'Участники' }).click();
  await expect(page.getByTestId('people-count')).toHaveText('Всего: 2 участника');
  await page.getByLabel('Поиск по ФИО или классу').fill('СЕМЕН');
  await expect(page.getByTestId('people-count')).toHaveText('Найдено: 1 из 2');
  await expect(page.getByRole('link', { name: /Семёнова Анна/ })).toBeVisible();
  await expect(page.getByText('до 14 лет')).toBeVisible();
  await page.getByLabel('Поиск по ФИО или классу').fill('иван петров');
  await expect(page.getByRole('link', { name: /Петров Иван Сергеевич/ })).toBeVisible();

  await page.getByRole('link', { name: /Петров Иван Сергеевич/ }).click();
  await page.getByRole('link', { name: 'Изменить' }).click();
  await page.getByLabel('Отчество').fill('Степанович');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('heading', { name: 'Петров Иван Степанович' })).toBeVisible();

  await page.getByRole('button', { name: 'Удалить' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Удалить' }).click();
  await expect(page).toHaveURL(/\/people$/);
  await expect(page.getByTestId('people-count')).toHaveText('Всего: 1 участник');
  await page.getByRole('button', { name: 'Вернуть' }).click();
  await expect(page.getByTestId('people-count')).toHaveText('Всего: 2 участника');
});

test('a half-filled form survives a reload as a draft', async ({ page }) => {
  await completeWizard(page);
  await page.goto('/people/new');
  await page.getByLabel('Фамилия').fill('Кузнецова');
  await page.getByLabel('Заметки').fill('Пришла с мамой на нетворкинг');
  await waitForDraft(page, 'Пришла с мамой на нетворкинг');
  await page.reload();
  await expect(page.getByText('Восстановлен несохранённый черновик этой формы.')).toBeVisible();
  await expect(page.getByLabel('Фамилия')).toHaveValue('Кузнецова');
  await expect(page.getByLabel('Заметки')).toHaveValue('Пришла с мамой на нетворкинг');
});

test('partners: add an organisation and see its representatives', async ({ page }) => {
  await completeWizard(page);
  await page.getByRole('link', { name: 'Ещё' }).click();
  await page.getByRole('link', { name: /^Партнёры/ }).click();
  await expect(page.getByRole('heading', { name: 'Пока нет организаций-партнёров' })).toBeVisible();
  await page.getByRole('link', { name: 'Добавить организацию' }).click();
  await page.getByLabel('Название').fill('ООО «Кахунский агрокомплекс»');
  await page.getByLabel('Вид организации').selectOption({ label: 'Предприятие' });
  await page.getByLabel('Телефон').fill('abc');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.locator('.field-error', { hasText: 'Телефон: только цифры, пробелы, скобки, дефис и +' })).toBeVisible();
  await page.getByLabel('Телефон').fill('+7 (423) 555-12-34');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('heading', { name: 'ООО «Кахунский агрокомплекс»' })).toBeVisible();

  await page.goto('/people/new');
  await page.getByLabel('Фамилия').fill('Ким');
  await page.getByRole('textbox', { name: 'Имя', exact: true }).fill('Олег');
  await page.getByLabel('Категория').selectOption({ label: 'Представитель партнёра' });
  await page.getByLabel('Организация-партнёр').selectOption({ label: 'ООО «Кахунский агрокомплекс»' });
  await page.getByRole('checkbox', { name: 'Наставник' }).check();
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('heading', { name: 'Ким Олег' })).toBeVisible();
  await page.goto('/partners');
  await expect(page.getByText('Предприятие · наставников: 1')).toBeVisible();
});

test('offline: after the first visit the app starts and shows its data with no network', async ({ page, context }) => {
  await completeWizard(page);
  await addPerson(page, { lastName: 'Орлова', firstName: 'Дарья', category: 'Обучающийся', classLabel: '9А', birthDate: '2010-09-01' });
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Орлова Дарья' })).toBeVisible();
  await page.goto('/people');
  await expect(page.getByRole('link', { name: /Орлова Дарья/ })).toBeVisible();
  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: 'Хранилище на устройстве' })).toBeVisible();
  await expect(page.getByLabel('Название школы')).toHaveValue('МКОУ СОШ № 2 с. п. Кахун');
  // a route never visited before comes from the precache too
  await page.goto('/partners/new');
  await expect(page.getByRole('heading', { name: 'Новая организация' })).toBeVisible();
  await context.setOffline(false);
});
