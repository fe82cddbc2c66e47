import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN_TOKEN } from '../../playwright.config';
import { registrationState, type EventTiming as RegistrationTiming, type RegistrationState } from '../../src/lib/events';
import { readCollection } from '../fixtures/content';
import { expectAccessible, originOf } from './helpers';

/**
 * Registering for an event as a reader does it, with JavaScript on (the island) and off (plain POST and
 * redirect), every error state with axe, a full event, an ended one, cancellation and waiting-list promotion,
 * and the staff export's authentication. The server runs on a fresh database per run (playwright.config.ts).
 *
 * Events are the real ones in content/events/, picked by their properties at run time (the clock moves on;
 * no test event is published). Each kind of test uses its own event so parallel workers do not collide:
 * - FORMS: the open event with the most seats (happy paths, error states, export);
 * - FULL: the smallest open event without a waiting list, filled up by one test;
 * - WAITLIST: an open event with a waiting list, filled up by the promotion test (its children field is used
 *   by an error test that books nothing);
 * - ENDED / NOT_YET_OPEN: events with RSVP whose window is over / not yet open.
 */

interface EventInfo {
  slug: string;
  title: string;
  state: RegistrationState;
  rsvp: { capacity: number; waitlist: boolean; maxPartySize: number; fields: string[] };
}

/** An event's frontmatter as written: optional fields may be absent (the schema's defaults are filled below). */
interface EventFront {
  title: string;
  startsAt: string;
  endsAt: string;
  status?: RegistrationTiming['status'];
  rsvp?: Partial<EventInfo['rsvp']> & { capacity: number; opensAt: string; closesAt: string };
}

function readEvents(): EventInfo[] {
  const now = new Date();
  return readCollection<EventFront>('events').flatMap(({ id, data: d }) => {
    if (!d.rsvp) return [];
    const status = d.status ?? 'scheduled';
    const rsvp = { waitlist: false, maxPartySize: 4, fields: [], ...d.rsvp };
    return [{ slug: id, title: d.title, state: registrationState({ ...d, status, rsvp }, now), rsvp }];
  });
}

const events = readEvents();
const open = events.filter((e) => e.state === 'open');
const bySeats = (a: EventInfo, b: EventInfo) => a.rsvp.capacity - b.rsvp.capacity;
const FORMS = [...open].sort(bySeats).at(-1);
const WAITLIST = open.find((e) => e.rsvp.waitlist && e !== FORMS);
const FULL = open.filter((e) => !e.rsvp.waitlist && e !== FORMS && e !== WAITLIST).sort(bySeats)[0];
const CHILDREN = open.find((e) => e.rsvp.fields.includes('children') && e !== FULL);
const ENDED = events.find((e) => e.state === 'ended');
const NOT_YET_OPEN = events.find((e) => e.state === 'not-yet-open');

let counter = 0;
/** A mainland mobile number no other test in this run uses. */
function phone(): string {
  counter += 1;
  return `1${3 + (test.info().workerIndex % 7)}${String(process.pid % 1000).padStart(3, '0')}${String(counter).padStart(6, '0')}`;
}

/** What a valid form for this event holds. */
function validForm(e: EventInfo, seats = 1): Record<string, string> {
  return {
    event: e.slug,
    token: `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    name: '测试报名人',
    phone: phone(),
    seats: String(seats),
    consent: 'yes',
    website: '',
    ...(e.rsvp.fields.includes('school') ? { school: '济南市历下区实验小学', className: '五年级二班' } : {}),
    ...(e.rsvp.fields.includes('dueDate') ? { dueDate: new Date(Date.now() + 90 * 864e5).toISOString().slice(0, 10) } : {}),
  };
}

/** A form POST as a browser without JavaScript sends it (Origin included: the origin check stays on). */
function postForm(request: APIRequestContext, path: string, form: Record<string, string>, extra: Record<string, string> = {}) {
  return request.post(path, { form, headers: { Origin: originOf(test.info().project.use.baseURL), ...extra }, maxRedirects: 0 });
}
const rsvpAction = (e: EventInfo) => `/events/${e.slug}/rsvp/?_action=rsvp`;

/** Books through the no-JS path; returns the confirmation code from the redirect. */
async function book(request: APIRequestContext, e: EventInfo, form: Record<string, string>): Promise<string> {
  const res = await postForm(request, rsvpAction(e), form);
  const why = /<div role="alert">(.*?)<\/div>/s.exec(await res.text())?.[1]?.replace(/<[^>]+>/g, ' ');
  expect(res.status(), `booking refused: ${why}`).toBe(303);
  const code = /code=([2-9A-Z]{8})/.exec(res.headers()['location'] ?? '')?.[1];
  expect(code).toBeTruthy();
  return code!;
}

/** Seats left as the RSVP page says (「还剩 N 个座位」), or 0 once it says the event is full. */
async function seatsLeft(request: APIRequestContext, e: EventInfo): Promise<number> {
  const html = await (await request.get(`/events/${e.slug}/rsvp/`)).text();
  return Number(/还剩(\d+)个座位/.exec(html)?.[1] ?? 0);
}

/** Fills `left` seats with parties as large as allowed; returns each party's code and phone. */
async function fill(request: APIRequestContext, e: EventInfo, left: number) {
  const parties: { code: string; phone: string; seats: number }[] = [];
  while (left > 0) {
    const seats = Math.min(left, e.rsvp.maxPartySize, e.rsvp.capacity);
    const form = validForm(e, seats);
    parties.push({ code: await book(request, e, form), phone: form.phone!, seats });
    left -= seats;
  }
  return parties;
}

const summary = (page: Page) => page.locator('.error-summary');

/**
 * The GOV.UK error pattern: title, focused summary with an alert, links that focus their fields, a message
 * beside each field tied to it; and axe over the page in that state (not possible with JavaScript off).
 */
async function expectErrorPattern(page: Page, fields: Record<string, string>, { axe = true } = {}) {
  await expect(page).toHaveTitle(/^错误：/);
  await expect(summary(page)).toBeFocused();
  await expect(summary(page).getByRole('alert')).toContainText('请更正以下问题');
  await expect(page.getByRole('heading', { level: 2, name: '请更正以下问题' })).toBeVisible();
  for (const [id, message] of Object.entries(fields)) {
    const link = summary(page).getByRole('link', { name: message });
    await expect(link).toHaveAttribute('href', `#${id}`);
    const field = page.locator(`[id="${id}"]`);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAttribute('aria-describedby', new RegExp(`${id}-error`));
    await expect(page.locator(`[id="${id}-error"]`)).toContainText(message);
    await link.click();
    await expect(field).toBeFocused();
  }
  if (axe) await expectAccessible(page);
}

async function fillForm(page: Page, e: EventInfo, values: Partial<Record<string, string>>, consent = true) {
  if (values.name !== undefined) await page.getByLabel('姓名').fill(values.name);
  if (values.phone !== undefined) await page.getByLabel('手机号').fill(values.phone);
  if (values.seats !== undefined) await page.getByLabel('人数').selectOption(values.seats);
  if (values.children !== undefined) await page.getByLabel('同来孩子的年龄').fill(values.children);
  if (e.rsvp.fields.includes('school') && values.school !== undefined) await page.getByLabel('学校', { exact: true }).fill(values.school);
  if (e.rsvp.fields.includes('className') && values.className !== undefined) await page.getByLabel('年级和班级').fill(values.className);
  if (e.rsvp.fields.includes('dueDate') && values.dueDate !== undefined) await page.getByLabel('预产期').fill(values.dueDate);
  if (consent) await page.getByRole('checkbox', { name: /我已阅读上面的隐私说明/ }).check();
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a reader registers and lands on the confirmation code (POST, then redirect)', async ({ page }) => {
    test.skip(!FORMS, 'no open event in content/events');
    const e = FORMS!;
    await page.goto(`/events/${e.slug}/rsvp/`);
    await expect(page.getByRole('heading', { level: 1, name: `报名：${e.title}` })).toBeVisible();
    const form = validForm(e, 2);
    await fillForm(page, e, form);
    await page.getByRole('button', { name: '提交报名' }).click();
    await expect(page).toHaveURL(new RegExp(`/events/${e.slug}/rsvp/done/\\?code=[2-9A-Z]{8}$`));
    await expect(page.getByRole('heading', { level: 1, name: '报名成功' })).toBeVisible();
    const code = new URL(page.url()).searchParams.get('code')!;
    await expect(page.locator('.confirmation-code')).toHaveText(code);
    await expect(page.getByText('2位')).toBeVisible();
    expect(page.url()).not.toContain(form.phone!);
  });

  test('the privacy notice says who, why, what, how long and whom to ask, and links the policy', async ({ page }) => {
    test.skip(!FORMS, 'no open event in content/events');
    await page.goto(`/events/${FORMS!.slug}/rsvp/`);
    const notice = page.getByRole('region', { name: '隐私说明' });
    await expect(notice).toContainText('谁收集：山东省脐带血造血干细胞库');
    await expect(notice).toContainText('为什么收集');
    await expect(notice).toContainText('收集什么：姓名、手机号、人数');
    await expect(notice).toContainText('活动结束30天后删除');
    await expect(notice).toContainText('有问题找谁');
    await expect(notice).toContainText('未满14周岁的孩子，由家长或监护人报名');
    await notice.getByRole('link', { name: '阅读完整的隐私政策' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '隐私政策' })).toBeVisible();
    await expect(page.getByText('活动结束30天后')).toBeVisible();
    await expect(page.getByText(/个人信息保护法/)).toBeVisible();
  });

  test('an empty form: the summary is focused and its links focus the fields', async ({ page }) => {
    test.skip(!FORMS, 'no open event in content/events');
    const e = FORMS!;
    await page.goto(`/events/${e.slug}/rsvp/`);
    const res = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button', { name: '提交报名' }).click();
    expect((await res).status()).toBe(400);
    const expected: Record<string, string> = { name: '请输入报名人姓名', phone: '请输入手机号', consent: '请阅读隐私说明并勾选同意，才能报名' };
    if (e.rsvp.fields.includes('school')) expected.school = '请输入学校名称';
    if (e.rsvp.fields.includes('className')) expected.className = '请输入年级和班级，例如：五年级二班';
    await expectErrorPattern(page, expected, { axe: false });
  });
});

/**
 * Error pages exactly as the server renders them for a browser without JavaScript. The island's scripts are
 * blocked rather than JavaScript turned off, because axe itself runs as a script in the page.
 */
test.describe('error states as the server renders them, checked with axe', () => {
  test.beforeEach(async ({ page }) => {
    await page.route('**/_astro/**', (route) => route.abort());
  });

  test('an empty form: every required field in the summary', async ({ page }) => {
    test.skip(!FORMS, 'no open event in content/events');
    const e = FORMS!;
    await page.goto(`/events/${e.slug}/rsvp/`);
    await expectAccessible(page);
    await page.getByRole('button', { name: '提交报名' }).click();
    const expected: Record<string, string> = { name: '请输入报名人姓名', phone: '请输入手机号', consent: '请阅读隐私说明并勾选同意，才能报名' };
    if (e.rsvp.fields.includes('school')) expected.school = '请输入学校名称';
    if (e.rsvp.fields.includes('className')) expected.className = '请输入年级和班级，例如：五年级二班';
    await expectErrorPattern(page, expected);
  });

  test('wrong values: messages beside the fields, and everything typed is kept', async ({ page }) => {
    test.skip(!FORMS, 'no open event in content/events');
    const e = FORMS!;
    await page.goto(`/events/${e.slug}/rsvp/`);
    await fillForm(page, e, { name: '李雷', phone: '1380013800', seats: '2', school: '一中', className: '初二（3）班' }, false);
    await page.getByRole('button', { name: '提交报名' }).click();
    const errors: Record<string, string> = {
      phone: '请输入11位中国大陆手机号，例如13800138000',
      consent: '请阅读隐私说明并勾选同意，才能报名',
    };
    if (e.rsvp.fields.includes('school')) errors.school = '学校名称应为4到40个字，请写全称';
    await expectErrorPattern(page, errors);
    await expect(page.getByLabel('姓名')).toHaveValue('李雷');
    await expect(page.getByLabel('手机号')).toHaveValue('1380013800');
    await expect(page.getByLabel('人数')).toHaveValue('2');
    if (e.rsvp.fields.includes('school')) await expect(page.getByLabel('学校', { exact: true })).toHaveValue('一中');
    if (e.rsvp.fields.includes('className')) await expect(page.getByLabel('年级和班级')).toHaveValue('初二（3）班');
    await expect(page.getByLabel('姓名')).not.toHaveAttribute('aria-invalid');

    // Corrected, the same page books.
    await fillForm(page, e, { phone: phone(), school: '济南市历下区实验小学' });
    await page.getByRole('button', { name: '提交报名' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '报名成功' })).toBeVisible();
    await expectAccessible(page);
  });

  test('a family event: children’s ages must fit the seats, with one adult', async ({ page }) => {
    test.skip(!CHILDREN, 'no open family event in content/events');
    const e = CHILDREN!;
    await page.goto(`/events/${e.slug}/rsvp/`);
    await expect(page.getByText('未满14周岁的孩子，由家长或监护人报名')).toBeVisible();
    await fillForm(page, e, { name: '韩梅梅', phone: phone(), seats: '2', children: '6，3' });
    await page.getByRole('button', { name: /提交报名|加入候补名单/ }).click();
    await expectErrorPattern(page, { children: '孩子也占座位，还需至少1位大人陪同：2个孩子至少要选3位' });
    await expect(page.getByLabel('同来孩子的年龄')).toHaveValue('6，3');
    await expect(page.getByRole('checkbox', { name: /我已阅读上面的隐私说明/ })).toBeChecked();
  });

  test('the same phone twice: told kindly, with the way to cancel', async ({ page, request }) => {
    test.skip(!FORMS, 'no open event in content/events');
    const e = FORMS!;
    const form = validForm(e);
    await book(request, e, form);
    await page.goto(`/events/${e.slug}/rsvp/`);
    await fillForm(page, e, { ...form, phone: form.phone!.replace(/^(\d{3})(\d{4})/, '$1 $2 ') });
    const res = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button', { name: '提交报名' }).click();
    expect((await res).status()).toBe(409);
    await expectErrorPattern(page, { phone: '这个手机号已经报名了本活动，不用再报。要改人数，请先取消原来的报名，再重新报名。' });
    await expect(summary(page).getByRole('link', { name: '去取消原来的报名' })).toHaveAttribute('href', '/rsvp/cancel/');
  });

  test('a full event: too big a party is told what is left; then 已满 and no form', async ({ page, request }) => {
    test.skip(!FULL, 'no open event without a waiting list in content/events');
    const e = FULL!;
    // Leave fewer seats than one full party, so the largest party no longer fits.
    const left = await seatsLeft(request, e);
    const remainder = Math.max(1, Math.min(e.rsvp.maxPartySize, e.rsvp.capacity) - 1);
    await fill(request, e, left - remainder);
    expect(await seatsLeft(request, e)).toBe(remainder);

    await page.goto(`/events/${e.slug}/rsvp/`);
    await expect(page.getByText(`还剩${remainder}个座位`)).toBeVisible();
    await fillForm(page, e, { ...validForm(e), seats: String(remainder + 1) });
    await page.getByRole('button', { name: '提交报名' }).click();
    await expectErrorPattern(page, { seats: `只剩${remainder}个座位了。请把人数减到${remainder}位以内再提交。` });

    await fill(request, e, remainder);
    await page.goto(`/events/${e.slug}/rsvp/`);
    await expect(page.getByText('本活动名额已满，不能再报名了。')).toBeVisible();
    await expect(page.locator('form.rsvp-form')).toHaveCount(0);
    await expectAccessible(page);

    const res = await postForm(request, rsvpAction(e), validForm(e));
    expect(res.status()).toBe(409);
    expect(await res.text()).toContain('已满');
  });

  test('an ended event shows its state and no form; a forged POST is refused', async ({ page, request }) => {
    test.skip(!ENDED, 'no ended event with RSVP in content/events');
    const e = ENDED!;
    await page.goto(`/events/${e.slug}/rsvp/`);
    await expect(page.getByText('这个活动已经结束，不能再报名。')).toBeVisible();
    await expect(page.locator('form.rsvp-form')).toHaveCount(0);
    await expectAccessible(page);

    const res = await postForm(request, rsvpAction(e), validForm(e));
    expect(res.status()).toBe(403);
    const html = await res.text();
    expect(html).toContain('活动已结束，现在不能报名。');
    expect(html).toMatch(/<title>错误：/);
    const csv = await request.get(`/admin/events/${e.slug}/rsvps.csv`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect((await csv.text()).trim().split('\r\n')).toHaveLength(1); // the header row only
  });

  test('an event whose registration has not opened says when it opens', async ({ page, request }) => {
    test.skip(!NOT_YET_OPEN, 'no event with registration still to open in content/events');
    const e = NOT_YET_OPEN!;
    await page.goto(`/events/${e.slug}/rsvp/`);
    await expect(page.getByText(/报名将于.+开始/)).toBeVisible();
    await expect(page.locator('form.rsvp-form')).toHaveCount(0);
    await expectAccessible(page);
    expect((await postForm(request, rsvpAction(e), validForm(e))).status()).toBe(403);
  });

  test('the cancel form explains its own mistakes', async ({ page }) => {
    await page.goto('/rsvp/cancel/');
    await expectAccessible(page);
    await page.getByRole('button', { name: '取消报名' }).click();
    await expectErrorPattern(page, { code: '请输入确认码', phone: '请输入报名时填写的手机号' });
  });

  test('an unknown event is a 404', async ({ request }) => {
    expect((await request.get('/events/no-such-event/rsvp/')).status()).toBe(404);
    expect((await request.get('/events/no-such-event/rsvp/done/?code=ABCD2345')).status()).toBe(404);
  });
});

test.describe('with JavaScript', () => {
  const hydrated = (page: Page) => page.waitForSelector('astro-island:not([ssr])');

  test('the island checks the form in place, then books through the action', async ({ page }) => {
    test.skip(!FORMS, 'no open event in content/events');
    const e = FORMS!;
    await page.goto(`/events/${e.slug}/rsvp/`);
    await hydrated(page);
    const posts: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && posts.push(new URL(r.url()).pathname));

    await page.getByRole('button', { name: '提交报名' }).click();
    await expect(summary(page)).toBeVisible();
    expect(posts).toEqual([]); // checked in the browser with the shared rules: nothing sent
    await expectErrorPattern(page, { name: '请输入报名人姓名', phone: '请输入手机号' });

    await fillForm(page, e, validForm(e, 3));
    await page.getByRole('button', { name: '提交报名' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '报名成功' })).toBeVisible();
    expect(posts).toEqual(['/_actions/rsvp/']);
    await expect(page.locator('.confirmation-code')).toHaveText(/^[2-9A-Z]{8}$/);
    await expect(page.getByText('3位')).toBeVisible();
    await expectAccessible(page);
  });

  test('a refusal from the server is shown in place, with the title and focus', async ({ page, request }) => {
    test.skip(!FORMS, 'no open event in content/events');
    const e = FORMS!;
    const form = validForm(e);
    await book(request, e, form);
    await page.goto(`/events/${e.slug}/rsvp/`);
    await hydrated(page);
    await fillForm(page, e, form);
    await page.getByRole('button', { name: '提交报名' }).click();
    await expect(summary(page)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/events/${e.slug}/rsvp/$`)); // shown in place: no page load
    await expectErrorPattern(page, { phone: '这个手机号已经报名了本活动，不用再报。要改人数，请先取消原来的报名，再重新报名。' });
  });

  test('if the action cannot be reached, the form posts the plain way and still books', async ({ page }) => {
    test.skip(!FORMS, 'no open event in content/events');
    const e = FORMS!;
    await page.route('**/_actions/**', (route) => route.abort());
    await page.goto(`/events/${e.slug}/rsvp/`);
    await hydrated(page);
    await fillForm(page, e, validForm(e));
    await page.getByRole('button', { name: '提交报名' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '报名成功' })).toBeVisible();
  });
});

test.describe('waiting list and cancellation', () => {
  test('a full event queues people; a cancellation promotes those in line whose party fits, in order', async ({ page, request }) => {
    test.skip(!WAITLIST, 'no open event with a waiting list in content/events');
    const e = WAITLIST!;
    const parties = await fill(request, e, await seatsLeft(request, e));
    const freed = parties[0]!;
    const m = freed.seats;

    // JS on: the island sends the form; the reader lands on the waiting-list page, first in line.
    await page.goto(`/events/${e.slug}/rsvp/`);
    await expect(page.getByText(/名额已满。您可以报名候补/)).toBeVisible();
    await page.waitForSelector('astro-island:not([ssr])');
    await fillForm(page, e, validForm(e, Math.max(1, m - 1)));
    await page.getByRole('button', { name: '加入候补名单' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '已加入候补名单' })).toBeVisible();
    await expect(page.getByText('第1位')).toBeVisible();
    await expectAccessible(page);
    const first = new URL(page.url()).searchParams.get('code')!;
    // Behind it: a party of 2 that will not fit what is left after the first, then a party of 1 that will.
    const detailed = m >= 4;
    const second = detailed ? await book(request, e, validForm(e, 2)) : '';
    const third = detailed ? await book(request, e, validForm(e, 1)) : '';

    // Cancel with the wrong phone: refused, without saying whether the code exists.
    await page.goto(`/rsvp/cancel/?code=${freed.code}`);
    await expect(page.getByRole('heading', { level: 1, name: '取消报名' })).toBeVisible();
    await expect(page.getByLabel('确认码')).toHaveValue(freed.code);
    await expectAccessible(page);
    await page.getByLabel('手机号').fill('13900000000');
    await page.getByRole('button', { name: '取消报名' }).click();
    await expectErrorPattern(page, { code: '确认码和手机号对不上，或者这个报名已经取消了。请检查后再试。' });
    await expect(page.getByLabel('确认码')).toHaveValue(freed.code);

    await page.getByLabel('手机号').fill(freed.phone);
    await page.getByRole('button', { name: '取消报名' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '已取消报名' })).toBeVisible();
    await expectAccessible(page);

    const statusOf = async (code: string) => {
      await page.goto(`/events/${e.slug}/rsvp/done/?code=${code}`);
      return page.getByRole('heading', { level: 1 }).textContent();
    };
    expect(await statusOf(freed.code)).toBe('这个报名已经取消');
    expect(await statusOf(first)).toBe('报名成功');
    if (detailed) {
      expect(await statusOf(second)).toBe('已加入候补名单');
      await expect(page.getByText('第1位')).toBeVisible();
      expect(await statusOf(third)).toBe('报名成功');
      expect(await seatsLeft(request, e)).toBe(0);
    }
  });
});

test.describe('abuse defences', () => {
  test('a filled honeypot books nothing', async ({ request }) => {
    test.skip(!FORMS, 'no open event in content/events');
    const form: Record<string, string> = { ...validForm(FORMS!), website: 'http://spam.example/' };
    const res = await postForm(request, rsvpAction(FORMS!), form);
    expect(res.status()).toBe(400);
    const csv = await request.get(`/admin/events/${FORMS!.slug}/rsvps.csv`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(await csv.text()).not.toContain(form.phone);
  });

  test('a body over 16 KB is refused with 413', async ({ request }) => {
    test.skip(!FORMS, 'no open event in content/events');
    const res = await postForm(request, rsvpAction(FORMS!), { ...validForm(FORMS!), name: '长'.repeat(8000) });
    expect(res.status()).toBe(413);
  });

  test('a cross-site POST is refused by the origin check', async ({ request }) => {
    test.skip(!FORMS, 'no open event in content/events');
    const res = await request.post(rsvpAction(FORMS!), { form: validForm(FORMS!), maxRedirects: 0, headers: { Origin: 'https://evil.example' } });
    expect(res.status()).toBe(403);
  });
});

test.describe('staff export', () => {
  const url = () => `/admin/events/${FORMS!.slug}/rsvps.csv`;

  test('needs the bearer token: none or a wrong one gets 401', async ({ request }) => {
    test.skip(!FORMS, 'no open event in content/events');
    const none = await request.get(url());
    expect(none.status()).toBe(401);
    expect(none.headers()['www-authenticate']).toMatch(/^Bearer/);
    const wrong = await request.get(url(), { headers: { Authorization: 'Bearer not-the-token-0123456789' } });
    expect(wrong.status()).toBe(401);
    expect(wrong.headers()['www-authenticate']).toMatch(/^Bearer/);
    expect(await wrong.text()).not.toContain('测试报名人');
  });

  test('with the token: a CSV for Excel, Chinese intact, formulas neutralised', async ({ request }) => {
    test.skip(!FORMS, 'no open event in content/events');
    const e = FORMS!;
    const evil = '=HYPERLINK("x.example","点我")';
    await book(request, e, { ...validForm(e), name: evil });
    const res = await request.get(url(), { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers()['content-disposition']).toMatch(new RegExp(`attachment; filename="rsvps-${e.slug}-\\d{8}\\.csv"`));
    const bytes = await res.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toMatch(/^"确认码","状态","候补顺序","姓名","手机号","人数"/);
    expect(text).toContain(`"'=HYPERLINK(""x.example"",""点我"")"`);
    expect(text).not.toMatch(/(^|,)"=/m);
    const unknown = await request.get('/admin/events/no-such-event/rsvps.csv', { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(unknown.status()).toBe(404);
  });
});
