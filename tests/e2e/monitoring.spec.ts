import { expect, test, type Page } from '@playwright/test';
import readXlsxFile from 'read-excel-file/node';
import { addPerson, completeWizard, waitForOfflineReady } from './helpers';

async function answerQuestionnaire(page: Page, title: string, phase: string, mark: number, choice: string, date: string) {
  await page.goto('/questionnaires');
  await page.getByRole('link', { name: new RegExp(title) }).click();
  await page.getByRole('link', { name: 'Заполнить' }).click();
  // Семёнова is the only mentee of the school: she is chosen already
  await expect(page.getByRole('list', { name: 'Выбрано: кто отвечает' })).toContainText('Семёнова А.');
  // the phase is chosen already: the start while nobody has answered at the end, the end after her start
  await expect(page.getByRole('radio', { name: phase })).toBeChecked();
  await page.getByLabel('Дата', { exact: true }).fill(date);
  await page.getByRole('radiogroup', { name: 'Насколько вы уверены в себе?' }).getByRole('radio', { name: `${mark} из 10` }).click();
  await page.getByRole('radio', { name: choice }).check();
  await page.getByRole('button', { name: 'Сохранить ответы' }).click();
  await expect(page).toHaveURL(/\/questionnaires\/[^/]+$/);
}

/**
 * The year measured, at 360×740, offline after the first visit: the template roadmap for the year, a row done with
 * its document, a training group with sessions, a questionnaire built and answered at the start and the end with the
 * change shown, the dashboard's numbers matching what was entered, and the XLSX report read back.
 */
test('roadmap, training, a before/after questionnaire, the dashboard and the XLSX report', async ({ page, context }) => {
  test.setTimeout(120_000);
  // Late May of the school year the wizard sets: both answers of the before/after questionnaire are in the past.
  await page.clock.setFixedTime(new Date('2026-05-25T10:00:00+10:00'));
  await completeWizard(page); // 420 students, 38 teachers, 2025/2026
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await addPerson(page, { lastName: 'Петров', firstName: 'Иван', category: 'Педагог', roles: ['Наставник'] });
  await addPerson(page, { lastName: 'Орлова', firstName: 'Нина', category: 'Педагог', roles: ['Наставник'] });
  await addPerson(page, { lastName: 'Семёнова', firstName: 'Анна', category: 'Обучающийся', classLabel: '7Б', birthDate: '2012-04-02', roles: ['Наставляемый'] });

  // The roadmap of the year appears from the template; a row is done with its document, and stays so offline
  await page.goto('/more');
  await page.getByRole('link', { name: /Дорожная карта/ }).click();
  await expect(page.getByTestId('roadmap-progress')).toHaveText('Выполнено 0 из 14 · просрочено: 8');
  const row = page.getByRole('listitem', { name: 'Утверждение индивидуальных планов' });
  await expect(row).toContainText('До конца ноября 2025 г.');
  await expect(row.getByText('просрочено')).toBeVisible();
  await row.getByLabel('Прикрепить документ: Утверждение индивидуальных планов').setInputFiles({
    name: 'Приказ 125-од.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% приказ\n'),
  });
  await expect(page.getByTestId('roadmap-progress')).toHaveText('Выполнено 1 из 14 · просрочено: 7');
  await page.reload();
  await expect(row.getByRole('combobox')).toHaveValue('done');
  await expect(row.getByRole('button', { name: 'Приказ 125-од.pdf' })).toBeVisible();
  await page.getByRole('button', { name: 'По месяцам' }).click();
  await expect(page.getByRole('region', { name: 'Ноябрь 2025' })).toContainText('Утверждение индивидуальных планов');

  // Mentor training: a group, two sessions by two experts
  await page.goto('/training');
  await expect(page.getByRole('heading', { name: 'Групп обучения пока нет' })).toBeVisible();
  await page.getByLabel('Название группы').fill('Группа 1');
  for (const q of ['петр', 'орл']) {
    const box = page.getByRole('combobox', { name: 'Наставники в группе' });
    await box.fill(q);
    await page.getByRole('option', { name: q === 'петр' ? /Петров И\./ : /Орлова Н\./ }).click();
    await box.press('Escape');
  }
  await page.getByRole('button', { name: 'Создать группу' }).click();
  // the new group opens at once: nothing to tap twice
  await expect(page).toHaveURL(/\/training\/[0-9a-f-]{36}$/);
  for (const [date, topic, expert] of [
    ['2025-10-01', 'Роль наставника', 'Иванова М. П.'],
    ['2025-10-08', 'Индивидуальный план', 'Сидоров А. А.'],
  ]) {
    await page.getByLabel('Дата занятия').fill(date!);
    await page.getByLabel('Тема').fill(topic!);
    await page.getByLabel('Эксперт').fill(expert!);
    await page.getByRole('checkbox', { name: 'Петров И.' }).check();
    await page.getByRole('button', { name: 'Записать', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Занятия' })).toContainText(topic!);
  }
  await expect(page.getByTestId('group-bar')).toContainText('Занятий проведено: 2 из 10 · экспертов: 2 · посещаемость 50 %');
  await page.goto('/training');
  await expect(page.getByTestId('experts-bar')).toContainText('Экспертов привлечено: 2');
  await expect(page.getByTestId('experts-bar')).toContainText('выполнено');

  // A questionnaire built and answered twice; the change shows
  await page.goto('/questionnaires');
  await page.getByRole('link', { name: 'Новая' }).click();
  await page.getByLabel('Название анкеты').fill('Уверенность в себе');
  await page.getByRole('checkbox', { name: /в начале и в конце года/ }).check();
  await page.getByLabel('Текст вопроса 1').fill('Насколько вы уверены в себе?');
  await page.getByRole('button', { name: 'Добавить вопрос' }).click();
  await page.getByLabel('Текст вопроса 2').fill('Как часто вы выступаете?');
  await page.getByLabel('Вид вопроса 2').selectOption({ label: 'один вариант' });
  await page.getByRole('button', { name: 'Сохранить анкету' }).click();
  await expect(page.locator('.field-error', { hasText: 'Нужно не меньше двух вариантов ответа' })).toBeVisible();
  await page.getByLabel('Варианты ответа на вопрос 2').fill('часто\nредко');
  await page.getByRole('button', { name: 'Сохранить анкету' }).click();
  await expect(page.getByRole('heading', { name: 'Уверенность в себе' })).toBeVisible();
  await answerQuestionnaire(page, 'Уверенность в себе', 'начало года', 4, 'редко', '2025-10-01');
  await answerQuestionnaire(page, 'Уверенность в себе', 'конец года', 7, 'часто', '2026-05-20');
  const change = page.getByRole('table', { name: 'Изменение за год' });
  await expect(change).toContainText('Насколько вы уверены в себе?');
  await expect(page.getByTestId(/^delta-/)).toHaveText('+3');

  // The dashboard's numbers are the data's: 2 teacher mentors of 38, no student mentors, no consents yet
  await page.goto('/monitoring');
  await expect(page.getByTestId('value-mentorsAmongTeachers')).toHaveText('5,3 %');
  // The school is set to 2025/2026 and so is the clock: no word about another year (its boundary: below).
  await expect(page.getByTestId('year-mismatch')).toHaveCount(0);
  await expect(page.getByRole('listitem', { name: 'Наставники среди педагогов' })).toContainText('2 из 38');
  await expect(page.getByTestId('value-mentorsAmongStudents')).toHaveText('0 %');
  await expect(page.getByTestId('value-consents')).toHaveText('0 %');
  await expect(page.getByTestId('status-consents')).toHaveText('не выполнено');
  const consents = page.getByRole('listitem', { name: 'Участники с согласием на обработку данных' });
  await consents.getByText('Без действующего согласия: 3').click();
  await expect(consents.getByRole('link', { name: 'Семёнова Анна' })).toBeVisible();
  await expect(page.getByTestId('training-experts')).toContainText('Экспертов: 2');
  // The year's change, one line per questionnaire, its questions on demand
  const yearChange = page.locator('details.q-change').filter({ hasText: 'Уверенность в себе' });
  await expect(yearChange.locator('summary')).toContainText('в среднем +3,0');
  await expect(yearChange.getByRole('list', { name: 'Изменение: Уверенность в себе' }).getByRole('listitem').filter({ hasText: 'Насколько вы уверены в себе?' })).toContainText('4,0 → 7,0 +3,0');

  // The curator's SWOT analysis: a point per line, shown on the dashboard and carried into the report
  const swot = page.getByRole('region', { name: 'SWOT-анализ программы' });
  await expect(swot).toContainText('Не заполнен');
  await swot.getByRole('link', { name: 'Заполнить' }).click();
  await page.getByLabel('Сильные стороны').fill('- Все пары провели встречу-знакомство\n- Партнёр дал площадку');
  await page.getByLabel('Угрозы').fill('Отток педагогов');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page).toHaveURL(/\/monitoring$/);
  await expect(swot.getByRole('listitem')).toHaveText(['Все пары провели встречу-знакомство', 'Партнёр дал площадку', 'Отток педагогов']);
  await expect(swot.getByRole('link', { name: 'Изменить' })).toBeVisible();

  // The XLSX report, read back with the same spreadsheet library
  await page.goto('/report');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать XLSX' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Мониторинг_.*\.xlsx$/);
  const sheets = (await readXlsxFile((await file.path())!)) as unknown as { sheet: string; data: unknown[][] }[];
  expect(sheets.map((s) => s.sheet)).toEqual(['Показатели', 'Пары и группы', 'Встречи', 'Планы', 'Согласия', 'Обучение', 'Мероприятия', 'Анкеты', 'Поощрения', 'Практики', 'SWOT-анализ']);
  const named = (name: string) => sheets.find((x) => x.sheet === name)!;
  expect(named('SWOT-анализ').data.slice(4)).toEqual([
    ['Сильные стороны', 'Все пары провели встречу-знакомство'],
    ['Сильные стороны', 'Партнёр дал площадку'],
    ['Угрозы', 'Отток педагогов'],
  ]);
  const indicators = named('Показатели').data;
  expect(indicators.find((r) => r[0] === 'Наставники среди педагогов')).toEqual(['Наставники среди педагогов', 5.3, 10, 2, 38, 'под угрозой']);
  expect(indicators.find((r) => r[0] === 'Участники с согласием на обработку данных')?.[5]).toBe('не выполнено');
  expect(named('Анкеты').data.find((r) => r[1] === 'Насколько вы уверены в себе?')).toEqual(['Уверенность в себе', 'Насколько вы уверены в себе?', 1, 4, 7, 3]);

  // 31 August is the year's last day; from 1 September the dashboard says which year it counts.
  await page.clock.setFixedTime(new Date('2026-08-31T10:00:00+10:00'));
  await page.goto('/monitoring');
  await expect(page.getByTestId('value-mentorsAmongTeachers')).toHaveText('5,3 %');
  await expect(page.getByTestId('year-mismatch')).toHaveCount(0);
  await page.clock.setFixedTime(new Date('2026-09-01T10:00:00+10:00'));
  await page.reload();
  await expect(page.getByTestId('year-mismatch')).toContainText('Показатели считаются за 2025/2026');
  await context.setOffline(false);
});
