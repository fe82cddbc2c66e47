/**
 * The RSVP form's rules, written once: the server's action checks every submission with them, and the island
 * checks the same form in the browser before sending it. Plain TypeScript on purpose (no zod): this module is
 * part of the RSVP page's JavaScript budget. Pure: no Node, no Astro, no secrets.
 *
 * Sensitive items (PIPL art. 28: a due month is health information; anything about a child under 14) are
 * optional, and each needs its own consent box ticked (art. 29, 31): a value sent without its consent is refused
 * at that box, so nothing of it is stored. The consents that came with the values are part of the clean result.
 */
import type { rsvpFields } from '../../content.config';
import { NOTICE_VERSION } from './notice';

/** Extra questions an event may declare in its content (`rsvp.fields`). */
export type ExtraField = (typeof rsvpFields)[number];

/**
 * Every field a reader fills in, in the order the form shows them (and so the error summary lists them).
 * `childAgeBands` is the group of age-band selects (its first select carries the id); each sensitive field is
 * followed by its consent box.
 */
export const fieldOrder = [
  'name',
  'phone',
  'seats',
  'childAgeBands',
  'consentChildren',
  'school',
  'className',
  'dueMonth',
  'consentDueMonth',
  'consent',
] as const;
export type RsvpField = (typeof fieldOrder)[number];

/**
 * Children's age bands, youngest first: [form field, label]. Bands instead of ages or birthdays (the coarse form,
 * FACTS §6); the line at 14 is PIPL's for a child's information.
 */
export const ageBands = [
  ['kids0to2', '不满3岁'],
  ['kids3to6', '3到6岁'],
  ['kids7to11', '7到11岁'],
  ['kids12to13', '12到13岁'],
  ['kids14to17', '14到17岁'],
] as const;
export type AgeBand = (typeof ageBands)[number][0];
/** How many children came in each band; bands with none are left out. */
export type ChildBands = Partial<Record<AgeBand, number>>;

/** A consent a registration can carry: the privacy notice (always), and one per sensitive item given. */
export type Consent = 'privacy' | 'dueMonth' | 'childAgeBands';

/** What the server and the island need to know about the event to check a form. */
export interface RsvpRules {
  /** Most seats one registration may take: the event's maxPartySize, never more than its capacity. */
  maxSeats: number;
  /** Extra fields the event asks for. */
  fields: readonly ExtraField[];
}

/** Names a posted form may carry: the fields (the age bands one select each), the hidden ones and the honeypot. */
export type FormKey = Exclude<RsvpField, 'childAgeBands'> | AgeBand | 'token' | 'event' | 'notice' | 'website';

/** The form as posted: every value a string ('' when absent). `website` is the honeypot. */
export type RsvpForm = Record<FormKey, string>;

/** A submission that passed every rule, normalised (phone as 11 digits, numbers as numbers). */
export interface RsvpValues {
  event: string;
  token: string;
  name: string;
  phone: string;
  seats: number;
  /** Children per age band (family events, optional, with a guardian's consent); each child also takes a seat. */
  childAgeBands: ChildBands | null;
  school: string | null;
  className: string | null;
  /** 预产月, YYYY-MM (pregnancy events, optional, with its own consent). */
  dueMonth: string | null;
  /** The consents given: `privacy`, and one for each sensitive item above that is not null. */
  consents: Consent[];
  /** The privacy notice version the form showed (NOTICE_VERSION). */
  notice: string;
}

export type FieldErrors<F extends string = RsvpField> = Partial<Record<F, string>>;

/** A check's result: the clean values, or a message per field in error. */
export type Checked<T, F extends string = RsvpField> = { ok: true; value: T } | { ok: false; errors: FieldErrors<F> };

/** Ages count as children who need a guardian's registration below this age (PIPL art. 31). */
export const GUARDIAN_AGE = 14;

const formKeys: FormKey[] = [
  ...fieldOrder.filter((f): f is Exclude<RsvpField, 'childAgeBands'> => f !== 'childAgeBands'),
  ...ageBands.map(([k]) => k),
  'token',
  'event',
  'notice',
  'website',
];

/** Reads the posted form into plain strings; files and missing fields become ''. */
export function readForm(data: FormData): RsvpForm {
  const form = {} as RsvpForm;
  for (const key of formKeys) {
    const v = data.get(key);
    form[key] = typeof v === 'string' ? v : '';
  }
  return form;
}

/** Full-width digits (typed with a Chinese keyboard) become ASCII digits. */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** 138 0013 8000, 138-0013-8000, +86 13800138000 → 13800138000. Returns '' for anything that is not one. */
export function normalisePhone(raw: string): string {
  const s = asciiDigits(raw)
    .replace(/[\s\-－—()（）]/g, '')
    .replace(/^(\+|＋|00)?86(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(s) ? s : '';
}

/** A text field, trimmed, with inner runs of spaces made single. */
const clean = (s: string) => s.trim().replace(/\s+/g, ' ');

const TOKEN = /^[A-Za-z0-9_-]{16,100}$/;
const SLUG = /^[a-z0-9][a-z0-9-]{0,80}$/;

const BEIJING = 8 * 3600_000;

/**
 * The months a due month may be, oldest first, by the Beijing calendar: from three months back (a baby born
 * early, or a registration made after the birth) to ten months ahead. YYYY-MM.
 */
export function dueMonths(now: Date): string[] {
  const t = new Date(now.getTime() + BEIJING);
  return Array.from({ length: 14 }, (_, i) =>
    new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + i - 3, 1)).toISOString().slice(0, 7),
  );
}

/** Messages shared by the checks below. */
export const rsvpMessages = {
  consent: '请阅读隐私说明并勾选同意，才能报名',
  noticeChanged: '隐私说明已经更新。请阅读下面更新后的说明，再重新勾选同意',
  dueMonth: '请从列表里选预产月',
  consentDueMonth: '您选了预产月，请勾选同意提供预产月；不想提供，请把预产月改回「不填」',
  childAgeBands: '请为每个年龄段选择孩子的人数',
  consentChildren: '您填了孩子的年龄段，请勾选监护人同意；不想提供，请把各年龄段都改回0位',
  tooManyChildren: (n: number) => `孩子也占座位，还需至少1位大人陪同：${n}个孩子至少要选${n + 1}位`,
};

/** Checks a submission against the rules. `now` bounds the due month (server clock on the server). */
export function validateRsvp(form: RsvpForm, rules: RsvpRules, now: Date = new Date()): Checked<RsvpValues> {
  const errors: FieldErrors = {};
  const asks = (f: ExtraField) => rules.fields.includes(f);
  const consents: Consent[] = ['privacy'];
  /** A sensitive value stands only with its own box ticked; otherwise the box says so. */
  const consented = (box: 'consentChildren' | 'consentDueMonth', consent: Consent) => {
    const yes = form[box] === 'yes';
    if (yes) consents.push(consent);
    else errors[box] = rsvpMessages[box];
    return yes;
  };

  const name = clean(form.name);
  if (!name) errors.name = '请输入报名人姓名';
  else if (name.length < 2 || name.length > 30) errors.name = '姓名应为2到30个字';
  else if (!/\p{L}/u.test(name)) errors.name = '请输入真实姓名，不要只填数字或符号';

  const phone = normalisePhone(form.phone);
  if (!clean(form.phone)) errors.phone = '请输入手机号';
  else if (!phone) errors.phone = '请输入11位中国大陆手机号，例如13800138000';

  const seatsText = asciiDigits(form.seats.trim());
  const seats = /^\d{1,3}$/.test(seatsText) ? Number(seatsText) : NaN;
  if (!seatsText) errors.seats = '请选择人数';
  else if (!(seats >= 1 && seats <= rules.maxSeats))
    errors.seats = `人数应为1到${rules.maxSeats}位`;

  let childAgeBands: ChildBands | null = null;
  if (asks('childAgeBands')) {
    const bands: ChildBands = {};
    let children = 0;
    let bad = false;
    for (const [k] of ageBands) {
      const t = asciiDigits(form[k].trim());
      if (!/^\d{0,2}$/.test(t)) bad = true;
      else if (+t) children += bands[k] = +t;
    }
    if (bad) errors.childAgeBands = rsvpMessages.childAgeBands;
    else if (children && !errors.seats && children > seats - 1) errors.childAgeBands = rsvpMessages.tooManyChildren(children);
    else if (children && consented('consentChildren', 'childAgeBands')) childAgeBands = bands;
  }

  const school = clean(form.school);
  if (asks('school')) {
    if (!school) errors.school = '请输入学校名称';
    else if (school.length < 4 || school.length > 40) errors.school = '学校名称应为4到40个字，请写全称';
  }

  const className = clean(form.className);
  if (asks('className')) {
    if (!className) errors.className = '请输入年级和班级，例如：五年级二班';
    else if (className.length > 20) errors.className = '年级和班级不超过20个字';
  }

  let dueMonth: string | null = null;
  const month = asciiDigits(form.dueMonth.trim());
  if (asks('dueMonth') && month) {
    if (!dueMonths(now).includes(month)) errors.dueMonth = rsvpMessages.dueMonth;
    else if (consented('consentDueMonth', 'dueMonth')) dueMonth = month;
  }

  if (form.consent !== 'yes') errors.consent = rsvpMessages.consent;
  else if (form.notice !== NOTICE_VERSION) errors.consent = rsvpMessages.noticeChanged;

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      event: form.event.trim(),
      token: form.token.trim(),
      name,
      phone,
      seats,
      childAgeBands,
      school: asks('school') ? school : null,
      className: asks('className') ? className : null,
      dueMonth,
      consents,
      notice: NOTICE_VERSION,
    },
  };
}

/** Hidden fields a browser always sends; when they are wrong the page was not ours or is too old. */
export function hiddenFieldsValid(form: Pick<RsvpForm, 'token' | 'event'>): boolean {
  return TOKEN.test(form.token.trim()) && SLUG.test(form.event.trim());
}

/** Confirmation codes: 8 characters from the alphabet in src/server/codes.ts (no 0 O 1 I L, no E). */
export const CODE_PATTERN = /^[2-9ABCDFGHJKMNP-Z]{8}$/;

/** " abcd-2345" → "ABCD2345": codes are read aloud and retyped, so case, spaces and dashes do not matter. */
export function normaliseCode(raw: string): string {
  return asciiDigits(raw).replace(/[\s-]/g, '').toUpperCase();
}

export type CancelField = 'code' | 'phone';

export interface CancelValues {
  code: string;
  phone: string;
}

/** Checks the cancellation form: a confirmation code and the phone number it was booked with. */
export function validateCancel(form: { code: string; phone: string }): Checked<CancelValues, CancelField> {
  const errors: FieldErrors<CancelField> = {};
  const code = normaliseCode(form.code);
  if (!code) errors.code = '请输入确认码';
  else if (!CODE_PATTERN.test(code)) errors.code = '确认码是8位字母和数字，请对照报名成功页面检查';
  const phone = normalisePhone(form.phone);
  if (!clean(form.phone)) errors.phone = '请输入报名时填写的手机号';
  else if (!phone) errors.phone = '请输入11位中国大陆手机号，例如13800138000';
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value: { code, phone } };
}
