import { expect, test, type Locator, type Page } from '@playwright/test';
import { accessibilityViolations, addPerson, completeWizard } from './helpers';

/** Picks a person in a PersonPicker: types part of the name, then taps the option. */
async function pick(page: Page, label: string, query: string, option: RegExp) {
  await page.getByRole('combobox', { name: label }).fill(query);
  await page.getByRole('option', { name: option }).click();
}

/**
 * Counts what the respondent does: an action is a tap, a selectOption or a fill (Playwright's count); touches
 * are what a thumb does on a phone — a tap is one, a native select two (open, choose), typing one to focus plus
 * one per letter.
 */
class Taps {
  actions = 0;
  touches = 0;
  log: string[] = [];
  async tap(l: Locator, what: string) {
    this.note(what, 1);
    await l.click();
  }
  async type(l: Locator, text: string, what: string) {
    this.note(`${what} «${text}»`, 1 + text.length);
    await l.fill(text);
  }
  private note(what: string, touches: number) {
    this.actions += 1;
    this.touches += touches;
    this.log.push(what);
  }
}

const shots = process.env.SHOTS;
const shot = async (page: Page, name: string, fullPage = false) => {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage });
};

const TEXTS = ['Насколько вы довольны встречами?', 'Насколько полезен наставник?', 'Насколько вы уверены в себе?', 'Хотите продолжить?'];
const scale = (page: Page, i: number) => page.getByRole('radiogroup', { name: TEXTS[i] });

/**
 * A 4-question before/after questionnaire filled at 360×740, the taps counted. Before this change each fill took
 * 10 actions (15 touches): «Заполнить», type the name, tap it, choose the pair, choose the phase, four answers, save.
 * Now the respondent's only live pair and the phase their answers say are chosen already, and the second time the
 * respondent is one tap away: 8 actions (11 touches) the first time, 7 (7) the second.
 */
test('filling a questionnaire on a phone: the only live pair and the phase chosen, a one-row scale, taps counted', async ({ page }) => {
  test.setTimeout(120_000);
  await completeWizard(page);
  await addPerson(page, { lastName: 'Петров', firstName: 'Иван', category: 'Педагог', roles: ['Наставник'] });
  await addPerson(page, { lastName: 'Орлова', firstName: 'Нина', category: 'Педагог', roles: ['Наставник'] });
  await addPerson(page, { lastName: 'Семёнова', firstName: 'Анна', category: 'Обучающийся', classLabel: '7Б', birthDate: '2012-04-02', roles: ['Наставляемый'] });
  await addPerson(page, { lastName: 'Ли', firstName: 'Борис', category: 'Обучающийся', classLabel: '7Б', birthDate: '2012-09-12', roles: ['Наставляемый'] });
  // Семёнова: one active pair and one interrupted one (listed, not chosen by itself)
  await page.goto('/mentorships/new');
  await page.getByLabel('Форма наставничества').selectOption({ label: 'Учитель – ученик' });
  await pick(page, 'Наставник (до трёх)', 'петр', /Петров И\./);
  await pick(page, 'Наставляемые', 'семен', /Семёнова А\./);
  await page.getByLabel('Название').fill('Робототехника');
  await page.getByLabel('Статус').selectOption({ label: 'активна' });
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('heading', { name: 'Робототехника' })).toBeVisible();
  await page.goto('/mentorships/new');
  await page.getByLabel('Форма наставничества').selectOption({ label: 'Учитель – ученик' });
  await pick(page, 'Наставник (до трёх)', 'орл', /Орлова Н\./);
  await pick(page, 'Наставляемые', 'семен', /Семёнова А\./);
  await page.getByLabel('Название').fill('Шахматы');
  await page.getByLabel('Статус').selectOption({ label: 'прервана' });
  await page.getByLabel('Причина, по которой работа прервана').fill('Наставник уволился');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('heading', { name: 'Шахматы' })).toBeVisible();

  // The questionnaire: three scales (the first with its end labels) and one choice, at the start and the end
  await page.goto('/questionnaires/new');
  await page.getByLabel('Название анкеты').fill('Итоги года');
  await page.getByRole('checkbox', { name: /в начале и в конце года/ }).check();
  for (let i = 0; i < 4; i++) {
    if (i) await page.getByRole('button', { name: 'Добавить вопрос' }).click();
    await page.getByLabel(`Текст вопроса ${i + 1}`).fill(TEXTS[i]!);
  }
  await page.getByRole('listitem', { name: 'Вопрос 1' }).getByText('Подписи к 1 и 10').click();
  await page.getByLabel('Подпись к 1, вопрос 1', { exact: true }).fill('совсем нет');
  await page.getByLabel('Подпись к 10, вопрос 1', { exact: true }).fill('очень довольна');
  await page.getByLabel('Вид вопроса 4').selectOption({ label: 'один вариант' });
  await page.getByLabel('Варианты ответа на вопрос 4').fill('да\nнет\nне знаю');
  await shot(page, 'builder', true);
  await page.getByRole('button', { name: 'Сохранить анкету' }).click();
  await expect(page.getByRole('heading', { name: 'Итоги года' })).toBeVisible();

  // 1. Семёнова at the start of the year, the first time on this device
  const first = new Taps();
  await first.tap(page.getByRole('link', { name: 'Заполнить' }), 'Заполнить');
  await expect(page.getByRole('group', { name: 'Недавно отвечали на этом устройстве' })).toHaveCount(0);
  await first.type(page.getByRole('combobox', { name: 'Кто отвечает' }), 'сем', 'Кто отвечает');
  await first.tap(page.getByRole('option', { name: /Семёнова А\./ }), 'Семёнова А.');
  const pairSelect = page.getByLabel('Пара или группа');
  await expect(pairSelect.locator('option:checked')).toHaveText('Робототехника');
  await expect(pairSelect.locator('option')).toHaveText(['— не указана —', 'Робототехника', 'Шахматы (прервана)']);
  await expect(page.getByRole('radio', { name: 'начало года' })).toBeChecked();
  await expect(page.getByRole('group', { name: TEXTS[0] }).getByText('1 — совсем нет')).toBeVisible();
  await expect(page.getByRole('group', { name: TEXTS[0] }).getByText('10 — очень довольна')).toBeVisible();
  await shot(page, 'fill-top');
  expect(await accessibilityViolations(page)).toEqual([]);
  // ten segments in one row, each at least 32 px wide, inside the 360 px screen
  const boxes = await Promise.all(Array.from({ length: 10 }, (_, k) => scale(page, 0).locator('.scale-seg').nth(k).boundingBox()));
  for (const b of boxes) {
    expect(b!.width).toBeGreaterThanOrEqual(32);
    expect(b!.y).toBe(boxes[0]!.y);
    expect(b!.x + b!.width).toBeLessThanOrEqual(360);
  }
  for (const [i, m] of [[0, 4], [1, 5], [2, 3]] as const) await first.tap(scale(page, i).getByRole('radio', { name: `${m} из 10` }), `${m} из 10`);
  await first.tap(page.getByRole('radio', { name: 'да', exact: true }), 'да');
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await shot(page, 'fill-answered', true);
  await first.tap(page.getByRole('button', { name: 'Сохранить ответы' }), 'Сохранить ответы');
  await expect(page).toHaveURL(/\/questionnaires\/[^/]+$/);
  await expect(page.getByText('ответов: 1', { exact: false }).first()).toBeVisible();

  // 2. Семёнова at the end of the year: one tap for her, the pair and «конец года» chosen
  const second = new Taps();
  await second.tap(page.getByRole('link', { name: 'Заполнить' }), 'Заполнить');
  await second.tap(page.getByRole('group', { name: 'Недавно отвечали на этом устройстве' }).getByRole('button', { name: 'Семёнова А.' }), 'Недавно: Семёнова А.');
  await expect(pairSelect.locator('option:checked')).toHaveText('Робототехника');
  await expect(page.getByRole('radio', { name: 'конец года' })).toBeChecked();
  for (const [i, m] of [[0, 8], [1, 9], [2, 6]] as const) await second.tap(scale(page, i).getByRole('radio', { name: `${m} из 10` }), `${m} из 10`);
  await second.tap(page.getByRole('radio', { name: 'да', exact: true }), 'да');
  await second.tap(page.getByRole('button', { name: 'Сохранить ответы' }), 'Сохранить ответы');
  await expect(page).toHaveURL(/\/questionnaires\/[^/]+$/);

  // The answers are saved: the change of each scale, and the results per question
  const change = page.getByRole('table', { name: 'Изменение за год' });
  await expect(change.getByRole('row').filter({ hasText: TEXTS[0] })).toContainText('4');
  await expect(change.getByRole('row').filter({ hasText: TEXTS[0] }).getByTestId(/^delta-/)).toHaveText('+4');
  await expect(change.getByRole('row').filter({ hasText: TEXTS[1] }).getByTestId(/^delta-/)).toHaveText('+4');
  await expect(change.getByRole('row').filter({ hasText: TEXTS[2] }).getByTestId(/^delta-/)).toHaveText('+3');
  await page.getByLabel('Когда', { exact: true }).selectOption({ label: 'конец года' });
  const result = (i: number) => page.locator('.question-result').filter({ hasText: TEXTS[i] });
  await expect(result(0)).toContainText('Средняя оценка: 8 из 10');
  await expect(result(0)).toContainText('1 — совсем нет');
  await expect(result(1)).toContainText('Средняя оценка: 9 из 10');
  await expect(result(2)).toContainText('Средняя оценка: 6 из 10');
  await expect(result(3)).toContainText('да: 1');
  await page.getByLabel('Пара или группа').selectOption({ label: 'Робототехника: Петров И. → Семёнова А.' });
  await expect(result(0)).toContainText('ответов: 1');

  // 3. Ли, in no pair; «конец года» already answered by someone, so the phase is his to choose. Unanswered
  // questions are named next to the button, the first problem is brought into view; arrows move a mark.
  await page.getByRole('link', { name: 'Заполнить' }).click();
  await pick(page, 'Кто отвечает', 'ли', /Ли Б\./);
  await expect(page.getByText('Пары или группы нет — ответ сохранится без неё.')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'начало года' })).not.toBeChecked();
  await expect(page.getByRole('radio', { name: 'конец года' })).not.toBeChecked();
  await scale(page, 0).getByRole('radio', { name: '5 из 10' }).click();
  await page.keyboard.press('ArrowRight');
  await expect(scale(page, 0).getByRole('radio', { name: '6 из 10' })).toBeChecked();
  await expect(scale(page, 0).getByRole('radio', { name: '6 из 10' })).toBeFocused();
  await page.getByRole('button', { name: 'Сохранить ответы' }).click();
  await expect(page.getByRole('alert')).toHaveText('Выберите: начало года или конец года. Ответьте на вопросы 2 и 3.');
  await expect(page.getByRole('group', { name: TEXTS[1] })).toContainText('Вопрос 2: выберите оценку от 1 до 10');
  await expect(page.getByRole('radio', { name: 'начало года' })).toBeFocused();
  await expect(page.getByRole('radio', { name: 'начало года' })).toBeInViewport();
  if (shots) await expect(page.getByText('Ответы сохранены')).toHaveCount(0, { timeout: 15_000 }); // the toast of the save before
  await shot(page, 'fill-errors');
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole('radio', { name: 'конец года' }).check();
  await scale(page, 1).getByRole('radio', { name: '7 из 10' }).click();
  await page.getByRole('button', { name: 'Сохранить ответы' }).click();
  await expect(page.getByRole('alert')).toHaveText('Вопрос 3: выберите оценку от 1 до 10.');
  await expect(scale(page, 2).getByRole('radio', { name: '1 из 10' })).toBeFocused();
  await expect(scale(page, 2)).toBeInViewport();
  await scale(page, 2).getByRole('radio', { name: '2 из 10' }).click();
  await page.getByRole('button', { name: 'Сохранить ответы' }).click();
  await expect(page).toHaveURL(/\/questionnaires\/[^/]+$/);
  await expect(page.getByText(/ответов: 3/).first()).toBeVisible();
  await expect(result(0)).toContainText('Средняя оценка: 6 из 10'); // (4 + 8 + 6) / 3

  console.log(`questionnaire fill at 360×740: first ${first.actions} actions / ${first.touches} touches (${first.log.join(', ')}); second ${second.actions} / ${second.touches} (${second.log.join(', ')}); form height ${height}px`);
  expect([first.actions, first.touches]).toEqual([8, 11]);
  expect([second.actions, second.touches]).toEqual([7, 7]);
});
