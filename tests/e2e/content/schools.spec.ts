/**
 * Teaching material as content: the index lists every lesson file under its grade band in teaching order, and every
 * lesson page shows what its file says: the curriculum mark, objectives, the timed flow, the worksheet (questions
 * only) and the answer key, the glossary links. Derived from content/lessons/; printing is tested on the fixture site.
 */
import { expect, test } from '@playwright/test';
import { GRADE_BANDS } from '../../../src/lib/lessons';
import { isoDay, readCollection, section } from './real-content';

interface Lesson {
  title: string;
  gradeBand: string;
  order?: number;
  duration: number;
  objectives: string[];
  unconfirmed?: Record<string, string>;
  flow: { minutes: number; step: string }[];
  worksheet: { title: string; items: { prompt: string; answer: string }[] };
  glossary?: string[];
  updatedAt: string;
}

const lessons = readCollection<Lesson>('lessons');
const teachingOrder = (a: (typeof lessons)[number], b: (typeof lessons)[number]) =>
  (a.data.order ?? 100) - (b.data.order ?? 100) || a.id.localeCompare(b.id);

test('/schools/ lists every lesson under its grade band, in teaching order', async ({ page }) => {
  await page.goto('/schools/');
  await expect(page.getByRole('heading', { level: 1, name: '教学资源' })).toBeVisible();
  for (const band of GRADE_BANDS) {
    const files = lessons.filter((l) => l.data.gradeBand === band).sort(teachingOrder);
    const links = section(page, band).getByRole('listitem').getByRole('link');
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href'))), band).toEqual(
      files.map((l) => `/schools/${l.id}/`),
    );
    await expect(links).toHaveText(files.map((l) => l.data.title));
  }
});

for (const l of lessons) {
  const d = l.data;
  test(`/schools/${l.id}/ shows the plan, the timed flow, the worksheet, the answer key and its terms`, async ({ page }) => {
    await page.goto(`/schools/${l.id}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(d.title);
    await expect(page.getByRole('navigation', { name: '面包屑导航' }).getByRole('link', { name: '教学资源' })).toHaveAttribute('href', '/schools/');
    // A chapter link nobody has checked against the book says so.
    await expect(page.getByText('教材章节待核对', { exact: true })).toHaveCount(d.unconfirmed?.curriculum ? 1 : 0);
    await expect(page.getByRole('main').locator('time').first()).toHaveAttribute('datetime', isoDay(d.updatedAt));

    for (const o of d.objectives) await expect(page.getByRole('main').getByRole('listitem').filter({ hasText: o }).first()).toBeVisible();

    const flow = page.getByRole('table', { name: `各环节时间安排（共${d.duration}分钟）` });
    await expect(flow.getByRole('rowheader')).toHaveText(d.flow.map((s) => s.step));
    await expect(flow.getByRole('row').nth(1)).toContainText('第0–');
    await expect(flow.getByRole('row').last()).toContainText(`–${d.duration}分钟`);

    // Pupils get the questions only; the key has every answer.
    const worksheet = section(page, `学生练习单：${d.worksheet.title}`);
    await expect(worksheet).toContainText('姓名');
    await expect(worksheet.getByRole('listitem')).toHaveCount(d.worksheet.items.length);
    for (const item of d.worksheet.items) await expect(worksheet).not.toContainText(item.answer);
    const key = section(page, `教师答案：${d.worksheet.title}`);
    await expect(key.getByRole('listitem')).toHaveCount(d.worksheet.items.length);
    for (const [i, item] of d.worksheet.items.entries()) await expect(key.getByRole('listitem').nth(i)).toContainText(item.answer);

    for (const id of d.glossary ?? []) {
      await expect(page.locator(`main .lesson-terms a[href="/glossary/#${id}"]`)).toHaveCount(1);
    }
  });
}
