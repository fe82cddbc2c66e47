import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../helpers';

/**
 * Teaching material as a teacher uses it: find a lesson by grade band, read the plan, and print it as clean A4
 * with the worksheet and the answer key each on their own page.
 */

const bands = ['小学', '初中', '高中'];
const lessonPath = '/schools/immunity-and-hla/';

const section = (page: Page, heading: string) => page.getByRole('region', { name: heading });

/** Pages in a PDF: page objects are `/Type /Page`; the page tree is `/Type /Pages`. */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

test('the index groups at least six lessons by grade band', async ({ page }) => {
  await page.goto('/schools/');
  await expect(page.getByRole('heading', { level: 1, name: '教学资源' })).toBeVisible();
  let total = 0;
  for (const band of bands) {
    const links = section(page, band).getByRole('listitem').getByRole('link');
    const n = await links.count();
    expect(n, `${band} lessons`).toBeGreaterThanOrEqual(2);
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      expect(href).toMatch(/^\/schools\/[a-z0-9-]+\/$/);
    }
    total += n;
  }
  expect(total).toBeGreaterThanOrEqual(6);

  // The ambassador programme: what it is, and where a school signs up (a training event, or the events list).
  const ambassadors = section(page, '校园科普宣传员');
  await expect(ambassadors).toContainText('科普宣传员');
  expect(await ambassadors.locator('a[href^="/events/"]').count()).toBeGreaterThan(0);
  const visit = section(page, '预约带班参观生命科普馆');
  await expect(visit).toContainText('学校名称和班级人数');
  await expect(visit.getByRole('link', { name: '填写带班参观预约表' })).toHaveAttribute(
    'href',
    '/events/school-visit-2027/rsvp/',
  );
  await expect(visit.getByRole('link', { name: /参观活动/ })).toHaveAttribute('href', '/events/school-visit-2027/');

  await expectAccessible(page);
});

test('a lesson page shows objectives, the timed flow, the worksheet and the answer key', async ({ page }) => {
  await page.goto('/schools/');
  await section(page, '高中').getByRole('link', { name: /免疫与 HLA 配型/ }).click();
  await expect(page).toHaveURL(new RegExp(`${lessonPath}$`));

  await expect(page.getByRole('heading', { level: 1, name: /免疫与 HLA 配型/ })).toBeVisible();
  await expect(page.getByText('教材章节待核对', { exact: true })).toBeVisible();

  await expect(page.getByRole('heading', { level: 2, name: '教学目标' })).toBeVisible();
  const flow = page.getByRole('table', { name: /各环节时间安排（共45分钟）/ });
  await expect(flow.getByRole('rowheader')).toHaveCount(5);
  await expect(flow.getByRole('row').nth(1)).toContainText('第0–5分钟');
  await expect(flow.getByRole('row').last()).toContainText('–45分钟');

  await expect(page.getByRole('heading', { level: 2, name: '课堂活动' })).toBeVisible();

  const worksheet = section(page, '学生练习单：HLA 配型与遗传');
  await expect(worksheet).toContainText('姓名');
  await expect(worksheet).toContainText('班级');
  await expect(worksheet.getByRole('listitem')).toHaveCount(5);
  // Pupils get the questions only.
  await expect(worksheet).not.toContainText('答案');

  const key = section(page, '教师答案：HLA 配型与遗传');
  await expect(key.getByRole('listitem')).toHaveCount(5);
  await expect(key).toContainText('1/2×1/2=1/4');

  // Glossary links land on the glossary's anchors.
  await expect(page.getByRole('link', { name: '人类白细胞抗原（HLA）' }).first()).toHaveAttribute('href', '/glossary/#hla');

  await expect(page.locator('script[src]')).toHaveCount(0);
  await expect(page.locator('astro-island')).toHaveCount(0);
  await expect(page.locator('script:not([type="application/ld+json"])')).toHaveCount(1);

  await expectAccessible(page);
});

test('printed, a lesson is clean A4: no site chrome, link targets as text, worksheet and key on new pages', async ({
  page,
}) => {
  await page.goto(lessonPath);
  await page.emulateMedia({ media: 'print' });

  await expect(page.locator('header.site-header')).toBeHidden();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
  await expect(page.locator('footer.site-footer')).toBeHidden();
  await expect(page.getByRole('navigation', { name: '面包屑导航' })).toBeHidden();

  // innerText leaves out what print hides: the navigation's words must not reach the paper.
  const printed = await page.evaluate(() => document.body.innerText);
  expect(printed).toContain('学生练习单');
  expect(printed).not.toContain('资质查验');
  expect(printed).not.toContain('跳到正文');
  expect(printed).not.toContain('全国卫生健康热线');

  const glossaryLink = page.locator('main a[href="/glossary/#hla"]').first();
  const after = await glossaryLink.evaluate((a) => getComputedStyle(a, '::after').content);
  expect(after).toContain('/glossary/#hla');

  const breaks = await page.evaluate(() =>
    ['.worksheet', '.answer-key'].map((s) => getComputedStyle(document.querySelector(s) as Element).breakBefore),
  );
  expect(breaks).toEqual(['page', 'page']);

  const pdf = await page.pdf({ format: 'A4' });
  // The plan, then the worksheet on its own page, then the answer key on its own page.
  expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(3);

  // On screen the chrome is back.
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
});

test('an unknown lesson is a 404', async ({ page }) => {
  const res = await page.goto('/schools/no-such-lesson/');
  expect(res?.status()).toBe(404);
});
