/**
 * The charity section as content: the index leads to every project file, and every project page shows what its file
 * says a family needs: who qualifies, the help, the documents, the numbered steps, the partners, its figures (or
 * none) and how to reach the bank. Derived from content/charity/, whatever projects it holds.
 */
import { expect, test } from '@playwright/test';
import { isoDay, readCollection, section } from './real-content';

interface Project {
  title: string;
  order?: number;
  eligibility: string[];
  help: string[];
  documents: string[];
  howToApply: string[];
  partners?: string[];
  figures?: string[];
  updatedAt: string;
}

const projects = readCollection<Project>('charity').sort((a, b) => (a.data.order ?? 100) - (b.data.order ?? 100));

test('/charity/ leads to every project, in the files’ order', async ({ page }) => {
  await page.goto('/charity/');
  await expect(page.getByRole('heading', { level: 1, name: '公益项目' })).toBeVisible();
  const cards = page.getByRole('main').getByRole('heading', { level: 3 }).getByRole('link');
  expect(await cards.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
    projects.map((p) => `/charity/${p.id}/`),
  );
  await expect(cards).toHaveText(projects.map((p) => p.data.title));
});

for (const p of projects) {
  const d = p.data;
  test(`/charity/${p.id}/ shows who qualifies, the help, the documents, the steps, partners, figures and contact`, async ({
    page,
  }) => {
    await page.goto(`/charity/${p.id}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(d.title);
    await expect(page.getByRole('navigation', { name: '面包屑导航' }).getByRole('link', { name: '公益项目' })).toHaveAttribute('href', '/charity/');

    await expect(section(page, '谁可以申请').getByRole('listitem')).toHaveText(d.eligibility);
    await expect(section(page, '能得到什么帮助').getByRole('listitem')).toHaveText(d.help);
    await expect(section(page, '要准备的材料').getByRole('listitem')).toHaveText(d.documents);
    await expect(section(page, '怎样申请').locator('ol > li')).toHaveText(d.howToApply);

    const partners = d.partners ?? [];
    if (partners.length > 0) await expect(section(page, '合作单位').getByRole('listitem')).toHaveText(partners);
    else await expect(section(page, '合作单位')).toHaveCount(0);

    const figures = d.figures ?? [];
    if (figures.length > 0) await expect(section(page, '项目数字').getByRole('listitem')).toHaveCount(figures.length);
    else await expect(section(page, '项目数字')).toHaveCount(0);

    await expect(section(page, '联系本库').getByRole('link', { name: '本库近期活动' })).toHaveAttribute('href', '/events/');
    await expect(page.getByRole('main').getByText('本页更新').locator('time')).toHaveAttribute('datetime', isoDay(d.updatedAt));
  });
}
