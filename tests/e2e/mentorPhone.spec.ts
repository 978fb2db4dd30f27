import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { accessibilityViolations, addPerson, completeWizard, waitForOfflineReady } from './helpers';
import { device, dir, importBundle, nameDevice } from './devices';

async function pick(page: Page, label: string, query: string, option: RegExp) {
  await page.getByRole('combobox', { name: label }).fill(query);
  await page.getByRole('option', { name: option }).click();
}

async function shot(page: Page, name: string) {
  if (process.env.SHOTS) await page.screenshot({ path: join(process.env.SHOTS, `${name}.png`), fullPage: true });
}

test('a mentor’s phone started from a pair file: the mentor’s day, «Отправить куратору» with what is not sent, only part of the school', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const A = await device(browser, baseURL!);
  const B = await device(browser, baseURL!);
  // 40 days after the pair was formed and no meeting yet: the card says how long, in the school year the wizard sets.
  await A.page.clock.setFixedTime(new Date('2025-10-01T10:00:00+10:00'));
  await B.page.clock.setFixedTime(new Date('2025-11-10T10:00:00+10:00'));

  // The curator's phone: two pairs of two mentors; Petrov's goes to his phone.
  await completeWizard(A.page);
  await waitForOfflineReady(A.page);
  await A.ctx.setOffline(true);
  await addPerson(A.page, { lastName: 'Петров', firstName: 'Иван', middleName: 'Сергеевич', category: 'Педагог', roles: ['Наставник'] });
  await addPerson(A.page, { lastName: 'Орлова', firstName: 'Нина', category: 'Педагог', roles: ['Наставник'] });
  await addPerson(A.page, { lastName: 'Семёнова', firstName: 'Анна', category: 'Обучающийся', classLabel: '7Б', birthDate: '2011-04-02', roles: ['Наставляемый'] });
  await addPerson(A.page, { lastName: 'Козлов', firstName: 'Борис', category: 'Обучающийся', classLabel: '8А', birthDate: '2010-05-03', roles: ['Наставляемый'] });
  for (const [mentor, mq, mentee, eq, title] of [
    [/Петров И\. С\./, 'петр', /Семёнова А\./, 'семен', 'Робототехника'],
    [/Орлова Н\./, 'орло', /Козлов Б\./, 'козл', 'Шахматы'],
  ] as const) {
    await A.page.goto('/mentorships/new');
    await A.page.getByLabel('Форма наставничества').selectOption({ label: 'Учитель – ученик' });
    await pick(A.page, 'Наставник (до трёх)', mq, mentor);
    await pick(A.page, 'Наставляемые', eq, mentee);
    await A.page.getByLabel('Название').fill(title);
    await A.page.getByRole('button', { name: 'Сохранить' }).click();
    await expect(A.page.getByTestId('mentorship-status')).toHaveText('формируется');
  }
  await nameDevice(A.page, 'Телефон куратора');
  await A.page.goto('/exchange');
  await A.page.getByRole('radio', { name: /Только выбранные пары и группы/ }).check();
  await A.page.getByRole('checkbox', { name: /Робототехника/ }).check();
  const download = A.page.waitForEvent('download');
  await A.page.getByRole('button', { name: 'Сохранить файл обмена' }).click();
  const pairFile = join(dir, 'mentor-pair.json.gz');
  await (await download).saveAs(pairFile);

  // The mentor's new phone starts from that file, offline, and opens on his own day.
  await B.page.goto('/');
  await waitForOfflineReady(B.page);
  await B.ctx.setOffline(true);
  await B.page.getByText('Школа уже ведётся на другом устройстве?').click();
  await B.page.getByLabel('Файл обмена', { exact: true }).setInputFiles(pairFile);
  await B.page.getByRole('button', { name: 'Загрузить данные' }).click();
  await expect(B.page.getByRole('heading', { name: 'Мои пары' })).toBeVisible();
  await expect(B.page.getByText(/Петров И\. С\., на этом телефоне — только ваши пары/)).toBeVisible();
  const card = B.page.getByRole('listitem', { name: /Робототехника/ });
  await expect(card).toContainText('встреч ещё не было · дальше: встреча-знакомство');
  await expect(B.page.getByRole('list', { name: 'Мои пары и группы' }).getByRole('listitem')).toHaveCount(1);
  await expect(B.page.getByText(/\d+ наставник/)).toHaveCount(0);
  await shot(B.page, 'mentor-home');
  expect(await accessibilityViolations(B.page)).toEqual([]);

  // A meeting from the card; home then says what the curator has not got.
  await card.getByRole('link', { name: 'Записать встречу' }).click();
  await expect(B.page).toHaveURL(/\/meetings\/new$/);
  await B.page.getByLabel('Заметки').fill('Познакомились, выбрали проект');
  await B.page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(B.page.getByRole('list', { name: 'Журнал встреч' }).getByRole('listitem')).toHaveCount(1);
  await B.page.goto('/');
  await expect(card).toContainText('последняя встреча сегодня · дальше: пробная встреча');
  await expect(B.page.getByTestId('pending')).toHaveText(/^Не отправлено: \d+ запис/);
  await shot(B.page, 'mentor-home-pending');

  const sent = B.page.waitForEvent('download');
  await B.page.getByRole('button', { name: 'Отправить куратору' }).click();
  const back = await sent;
  expect(back.suggestedFilename()).toMatch(/\.json\.gz$/);
  const backFile = join(dir, 'mentor-back.json.gz');
  await back.saveAs(backFile);
  await expect(B.page.getByTestId('pending')).toHaveText(/^Всё отправлено; куратор ещё не прислал ответный файл/);

  // Only part of the school here: no «Вся школа», the school's profile read-only, a notice on monitoring.
  await B.page.goto('/exchange');
  await expect(B.page.getByTestId('mentor-phone-scope')).toBeVisible();
  await expect(B.page.getByRole('radio', { name: /Вся школа/ })).toHaveCount(0);
  await expect(B.page.getByRole('checkbox', { name: /Робототехника/ })).toBeChecked();
  await B.page.goto('/settings');
  await expect(B.page.getByTestId('school-readonly')).toContainText('МКОУ СОШ № 2');
  await expect(B.page.getByRole('button', { name: 'Сохранить', exact: true })).toHaveCount(0);
  await expect(B.page.getByRole('radio', { name: /Наставника — только мои пары/ })).toBeChecked();
  await shot(B.page, 'mentor-settings');
  await B.page.goto('/monitoring');
  await expect(B.page.getByTestId('partial-school')).toContainText('только часть школы');
  await expect(B.page.getByTestId('partial-school')).toContainText('«Телефон куратора»');
  await shot(B.page, 'mentor-monitoring');

  // The curator gets the meeting; after the curator's next file the phone knows it has arrived.
  await importBundle(A.page, backFile);
  await A.page.goto('/mentorships');
  await A.page.getByRole('link', { name: /Робототехника/ }).first().click();
  await expect(A.page.getByRole('list', { name: 'Журнал встреч' }).getByRole('listitem')).toHaveCount(1);
  await expect(A.page.getByRole('heading', { name: 'Обзор' })).toHaveCount(0);
  await A.page.goto('/');
  await expect(A.page.getByRole('heading', { name: 'Обзор' })).toBeVisible();

  // The owner makes it the curator's device again: the overview comes back, and «Вся школа» with it.
  await B.page.goto('/settings');
  await B.page.getByRole('radio', { name: /Куратора или директора/ }).check();
  // The role is stored once the message says so; a reload before that would read the old one.
  await expect(B.page.getByText('Теперь это устройство куратора: видна вся школа')).toBeVisible();
  await B.page.goto('/');
  await expect(B.page.getByRole('heading', { name: 'Обзор' })).toBeVisible();
  await B.page.goto('/exchange');
  await expect(B.page.getByRole('radio', { name: /Вся школа/ })).toBeVisible();

  await A.ctx.close();
  await B.ctx.close();
});
