/**
 * The RSVP form's rules, written once: the server's action checks every submission with them, and the island
 * checks the same form in the browser before sending it. Plain TypeScript on purpose (no zod): this module is
 * part of the RSVP page's JavaScript budget. Pure: no Node, no Astro, no secrets.
 */
import type { rsvpFields } from '../../content.config';

/** Extra questions an event may declare in its content (`rsvp.fields`). */
export type ExtraField = (typeof rsvpFields)[number];

/** Every field a reader fills in, in the order the form shows them (and so the error summary lists them). */
export const fieldOrder = ['name', 'phone', 'seats', 'children', 'school', 'className', 'dueDate', 'consent'] as const;
export type RsvpField = (typeof fieldOrder)[number];

/** What the server and the island need to know about the event to check a form. */
export interface RsvpRules {
  /** Most seats one registration may take: the event's maxPartySize, never more than its capacity. */
  maxSeats: number;
  /** Extra fields the event asks for. */
  fields: readonly ExtraField[];
}

/** The form as posted: every value a string ('' when absent). `website` is the honeypot. */
export type RsvpForm = Record<RsvpField | 'token' | 'event' | 'website', string>;

/** A submission that passed every rule, normalised (phone as 11 digits, numbers as numbers). */
export interface RsvpValues {
  event: string;
  token: string;
  name: string;
  phone: string;
  seats: number;
  /** Ages of the children who come (family events); each child also takes a seat. */
  childAges: number[];
  school: string | null;
  className: string | null;
  /** YYYY-MM-DD. */
  dueDate: string | null;
}

export type FieldErrors<F extends string = RsvpField> = Partial<Record<F, string>>;

/** A check's result: the clean values, or a message per field in error. */
export type Checked<T, F extends string = RsvpField> = { ok: true; value: T } | { ok: false; errors: FieldErrors<F> };

/** Ages count as children who need a guardian's registration below this age (PIPL art. 31). */
export const GUARDIAN_AGE = 14;

const formKeys = [...fieldOrder, 'token', 'event', 'website'] as const;

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

/** Parses "6，3" / "6岁 3岁" / "6、3" into ages; undefined when any part is not a whole age. */
export function parseAges(raw: string): number[] | undefined {
  const parts = asciiDigits(raw)
    .split(/[\s,，、;；和及]+/)
    .map((p) => p.replace(/(周岁|岁)$/, ''))
    .filter(Boolean);
  const ages = parts.map((p) => (/^\d{1,2}$/.test(p) ? Number(p) : NaN));
  return ages.every((a) => a >= 0 && a <= 17) ? ages : undefined;
}

const DAY = 86_400_000;

/** Checks a submission against the rules. `now` bounds the due date (server clock on the server). */
export function validateRsvp(form: RsvpForm, rules: RsvpRules, now: Date = new Date()): Checked<RsvpValues> {
  const errors: FieldErrors = {};
  const asks = (f: ExtraField) => rules.fields.includes(f);

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

  let childAges: number[] = [];
  if (asks('children') && clean(form.children)) {
    const ages = parseAges(form.children);
    if (!ages) errors.children = '请用数字写每个孩子的年龄（0到17岁），用逗号隔开，例如：6，3';
    else if (ages.length > 10) errors.children = '孩子最多填写10位';
    else if (!errors.seats && ages.length > seats - 1)
      errors.children = `孩子也占座位，还需至少1位大人陪同：${ages.length}个孩子至少要选${ages.length + 1}位`;
    else childAges = ages;
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

  const dueDate = asciiDigits(form.dueDate.trim());
  if (asks('dueDate')) {
    const t = /^\d{4}-\d{2}-\d{2}$/.test(dueDate) ? Date.parse(`${dueDate}T00:00:00+08:00`) : NaN;
    const real = !Number.isNaN(t) && new Date(t + 8 * 3600_000).toISOString().slice(0, 10) === dueDate;
    if (!dueDate) errors.dueDate = '请填写预产期';
    else if (!real) errors.dueDate = '请按「年-月-日」填写预产期，例如2027-03-18';
    // Mothers who have just given birth come too; no pregnancy lasts beyond about ten months from now.
    else if (t < now.getTime() - 365 * DAY || t > now.getTime() + 300 * DAY)
      errors.dueDate = '预产期应在一年前到十个月后之间，请检查年份';
  }

  if (form.consent !== 'yes') errors.consent = '请阅读隐私说明并勾选同意，才能报名';

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      event: form.event.trim(),
      token: form.token.trim(),
      name,
      phone,
      seats,
      childAges,
      school: asks('school') ? school : null,
      className: asks('className') ? className : null,
      dueDate: asks('dueDate') ? dueDate : null,
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
