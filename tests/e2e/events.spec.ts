import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from './helpers';

/**
 * The events listing and event pages, as a reader meets them: what is upcoming and past, times in Beijing time
 * whatever the browser's zone (the config runs the browser in America/New_York), the 报名 link only while
 * registration is open — also when the static page is read long after the build — and the calendar files.
 *
 * Dates come from content/events/: 世界脐带血日 (2026-11-15) and 健康齐鲁行 (2026-09-19) are over; school visits
 * take registrations until 2027-06-30 17:00 and end at 17:30 (Beijing time).
 */

const SCHOOL = '学校参观生命科普馆（2026—2027学年）';
const CORD_DAY = '世界脐带血日科普开放日';
const QILU_PAST = '健康齐鲁行：社区科普';
const LIUYI = '脐趣六一：亲子科普日';
const PREGNANCY = '618孕妇节：孕期科普与脐带血知识';

const upcoming = (page: Page) => page.getByRole('region', { name: '即将举行的活动' });
const past = (page: Page) => page.getByRole('region', { name: '往期活动' });
/** The card of one event in a list, found by its heading. */
const card = (list: Locator, title: string) =>
  list.getByRole('listitem').filter({ has: list.page().getByRole('heading', { name: title, exact: true }) });
const registerLink = (scope: Locator | Page) => scope.getByRole('link', { name: /^报名/ });
/** Undo iCalendar line folding (CRLF followed by a space). */
const unfold = (ics: string) => ics.replace(/\r\n /g, '');

test.describe('the events listing', () => {
  test('lists upcoming events soonest first and past events after them', async ({ page }) => {
    await page.goto('/events/');
    await expect(page.getByRole('heading', { level: 1, name: '科普活动' })).toBeVisible();
    await expect(page.getByText('活动日期可能调整，请以本页和报名确认信息为准')).toBeVisible();

    await expect(card(upcoming(page), SCHOOL)).toBeVisible();
    await expect(card(upcoming(page), LIUYI)).toBeVisible();
    await expect(card(upcoming(page), CORD_DAY)).toHaveCount(0);

    await expect(card(past(page), CORD_DAY)).toBeVisible();
    await expect(card(past(page), QILU_PAST)).toBeVisible();
    await expect(card(past(page), SCHOOL)).toHaveCount(0);

    const starts = await upcoming(page).locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
    expect(starts.length).toBeGreaterThan(3);
    const ms = starts.map((s) => Date.parse(s));
    expect(ms).toEqual([...ms].sort((a, b) => a - b));

    // Past: the most recent first.
    const pastTitles = await past(page).getByRole('heading', { level: 3 }).allTextContents();
    expect(pastTitles.indexOf(CORD_DAY)).toBeLessThan(pastTitles.indexOf(QILU_PAST));
  });

  test('shows times in Beijing time although the browser is in New York', async ({ page }) => {
    await page.goto('/events/');
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/New_York');
    const school = card(upcoming(page), SCHOOL);
    await expect(school).toContainText('2026年9月1日（周二） 09:00 至 2027年6月30日（周三） 17:30（北京时间）');
    // 19:30 in Beijing is 06:30 in New York: the page must still say 19:30.
    const liveCard = page.getByRole('listitem').filter({ hasText: '乐孕孕教直播' });
    await expect(liveCard).toContainText('2026年12月10日（周四） 19:30–20:30（北京时间）');
    await expect(liveCard).toContainText('线上：');
  });

  test('offers no 报名 link for an event that has ended', async ({ page }) => {
    await page.goto('/events/');
    const cordDay = card(past(page), CORD_DAY);
    await expect(cordDay).toContainText('状态：活动已结束');
    await expect(registerLink(cordDay)).toHaveCount(0);
  });

  test('links the school visit to its registration page while registration is open', async ({ page }) => {
    await page.goto('/events/');
    const school = card(upcoming(page), SCHOOL);
    await expect(school).toContainText('状态：正在报名');
    await expect(registerLink(school)).toHaveAttribute('href', '/events/school-visit-2027/rsvp/');
    await expect(registerLink(school)).toHaveAccessibleName(`报名：${SCHOOL}`);
  });

  test('filters by audience with plain links to pre-rendered pages', async ({ page }) => {
    await page.goto('/events/');
    const filter = page.getByRole('navigation', { name: '按对象查看' });
    await expect(filter.getByRole('link', { name: '全部活动' })).toHaveAttribute('aria-current', 'page');
    await filter.getByRole('link', { name: '学生', exact: true }).click();
    await expect(page).toHaveURL(/\/events\/audience\/students\/$/);
    await expect(page.getByRole('heading', { level: 1, name: '面向学生的活动' })).toBeVisible();
    await expect(filter.getByRole('link', { name: '学生', exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(card(upcoming(page), SCHOOL)).toBeVisible();
    // Family events are not for students.
    await expect(page.getByRole('heading', { name: LIUYI })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: CORD_DAY })).toHaveCount(0);
  });

  test('an audience nobody is for has no page', async ({ page }) => {
    const res = await page.goto('/events/audience/patient-families/');
    expect(res?.status()).toBe(404);
  });

  test('is accessible, filtered or not', async ({ page }) => {
    await page.goto('/events/');
    await expectAccessible(page);
    await page.goto('/events/audience/families/');
    await expectAccessible(page);
  });
});

test.describe('an event page', () => {
  test('gives time in Beijing time, place, audience, state and the registration link', async ({ page }) => {
    await page.goto('/events/qiqu-liuyi-2027/');
    await expect(page.getByRole('heading', { level: 1, name: LIUYI })).toBeVisible();
    await expect(page.getByRole('navigation', { name: '面包屑导航' }).getByRole('link', { name: '活动' })).toHaveAttribute(
      'href',
      '/events/',
    );
    const facts = page.locator('dl');
    await expect(facts).toContainText('2027年5月30日（周日） 09:30–11:30（北京时间）');
    await expect(facts).toContainText('山东省脐带血造血干细胞库 生命科普馆');
    await expect(facts).toContainText('具体集合地点随报名确认另行告知。');
    await expect(facts).toContainText('家庭');
    await expect(facts).toContainText('正在报名');
    const panel = page.getByRole('region', { name: '报名' });
    await expect(panel).toContainText('名额报满后可以登记候补');
    await expect(registerLink(panel)).toHaveAttribute('href', '/events/qiqu-liuyi-2027/rsvp/');
    // No live seat count on a static page.
    await expect(panel).not.toContainText('剩余');
  });

  test('describes itself to search engines as an Event in Beijing time', async ({ page }) => {
    await page.goto('/events/school-visit-2027/');
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    const ev = blocks.map((b) => JSON.parse(b)).find((o) => o['@type'] === 'Event');
    expect(ev).toMatchObject({
      name: SCHOOL,
      startDate: '2026-09-01T09:00:00+08:00',
      endDate: '2027-06-30T17:30:00+08:00',
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: { '@type': 'Place' },
      organizer: { name: '山东省脐带血造血干细胞库' },
    });
  });

  test('a past event shows its recap and no way to register', async ({ page }) => {
    await page.goto('/events/world-cord-blood-day-2026/');
    await expect(page.locator('dl')).toContainText('活动已结束');
    await expect(page.getByRole('heading', { level: 2, name: '活动回顾' })).toBeVisible();
    await expect(registerLink(page)).toHaveCount(0);
    await expect(page.getByRole('region', { name: '报名' })).toHaveCount(0);
  });

  test('a postponed event says so and takes no registrations', async ({ page }) => {
    await page.goto('/events/healthy-qilu-2027-03/');
    await expect(page.getByText('活动已延期，新时间另行通知').first()).toBeVisible();
    await expect(registerLink(page)).toHaveCount(0);
  });

  test('an online event names its platform', async ({ page }) => {
    await page.goto('/events/leyun-live-2026-12/');
    await expect(page.locator('dl')).toContainText('线上');
    await expect(page.locator('dl')).toContainText('本活动无需报名');
  });

  test('downloads a calendar file with the event in it', async ({ page }) => {
    await page.goto('/events/school-visit-2027/');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '把本活动加入日历（下载 .ics 文件）' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('school-visit-2027.ics');
    const ics = unfold(await readFile((await file.path()) ?? '', 'utf-8'));
    expect(ics).toContain(`SUMMARY:${SCHOOL}`);
    expect(ics).toContain('DTSTART:20260901T010000Z');

    const res = await page.request.get('/events/school-visit-2027.ics');
    expect(res.headers()['content-type']).toMatch(/^text\/calendar/);
    expect(await res.text()).toMatch(/^BEGIN:VCALENDAR\r\n/);
  });

  test('is accessible, upcoming and past', async ({ page }) => {
    await page.goto('/events/school-visit-2027/');
    await expectAccessible(page);
    await page.goto('/events/world-cord-blood-day-2026/');
    await expectAccessible(page);
  });
});

test.describe('calendar feed and RSS', () => {
  test('calendar.ics holds the upcoming events and not the past ones', async ({ request }) => {
    const res = await request.get('/events/calendar.ics');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^text\/calendar/);
    const ics = unfold(await res.text());
    expect(ics).toContain(`SUMMARY:${SCHOOL}`);
    expect(ics).toContain('SUMMARY:【已延期】健康齐鲁行：春季社区科普');
    expect(ics).not.toContain(CORD_DAY);
  });

  test('the RSS feed lists events with Beijing times', async ({ request }) => {
    const res = await request.get('/events/rss.xml');
    expect(res.headers()['content-type']).toMatch(/rss\+xml|xml/);
    const xml = await res.text();
    expect(xml).toContain(`<title>${SCHOOL}</title>`);
    expect(xml).toContain('（北京时间）');
  });
});

test.describe('a page read long after it was built', () => {
  test('moves an event that has since ended to the past list and drops its 报名 link', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2027-07-01T10:00:00+08:00'));
    await page.goto('/events/');
    const school = card(past(page), SCHOOL);
    await expect(school).toBeVisible();
    await expect(school).toContainText('状态：活动已结束');
    await expect(registerLink(school)).toBeHidden();
    await expect(card(upcoming(page), SCHOOL)).toHaveCount(0);
    // 脐趣六一 ended on 2027-05-30; the school visit ended later, so it comes first.
    const titles = await past(page).getByRole('heading', { level: 3 }).allTextContents();
    expect(titles.indexOf(SCHOOL)).toBe(0);
    expect(titles.indexOf(LIUYI)).toBeGreaterThan(0);
    expect(titles.indexOf(LIUYI)).toBeLessThan(titles.indexOf(CORD_DAY));
  });

  test('says registration has closed once it has, before the event ends', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2027-06-30T17:10:00+08:00'));
    await page.goto('/events/school-visit-2027/');
    await expect(page.locator('dl')).toContainText('报名已截止');
    await expect(registerLink(page)).toBeHidden();
  });

  test('offers 报名 once registration has opened since the build', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2027-06-01T10:00:00+08:00'));
    await page.goto('/events/');
    const pregnancy = card(upcoming(page), PREGNANCY);
    await expect(pregnancy).toContainText('状态：正在报名');
    await expect(registerLink(pregnancy)).toBeVisible();
  });

  test('says when the upcoming list has emptied', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2030-01-01T00:00:00+08:00'));
    await page.goto('/events/');
    await expect(upcoming(page).getByRole('listitem')).toHaveCount(0);
    await expect(upcoming(page).getByText('暂时没有即将举行的活动。')).toBeVisible();
    await expect(registerLink(page.getByRole('main'))).toHaveCount(0);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the listing, filters and event pages still show everything', async ({ page }) => {
    await page.goto('/events/');
    await expect(card(upcoming(page), SCHOOL)).toBeVisible();
    await expect(card(past(page), CORD_DAY)).toBeVisible();
    await expect(registerLink(card(upcoming(page), SCHOOL))).toHaveAttribute('href', '/events/school-visit-2027/rsvp/');
    await page.getByRole('navigation', { name: '按对象查看' }).getByRole('link', { name: '家庭', exact: true }).click();
    await expect(card(upcoming(page), LIUYI)).toBeVisible();
    await card(upcoming(page), LIUYI).getByRole('link', { name: LIUYI, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: LIUYI })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: '活动内容' })).toBeVisible();
    await expect(registerLink(page)).toBeVisible();
  });
});
