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
 * Every field a reader may fill in, in the order the form shows them (and so the error summary lists them); an
 * event shows those it asks. `session` is the radio group of sessions and `childAgeBands` the group of age-band
 * selects (each group's first control carries the group's id); each sensitive field is followed by its consent box.
 * A school group (`pupilsPerTeacher` in the rules) asks school, class, pupils, teachers and arrival time before the
 * lead teacher's name and phone, then an optional note of what to prepare and the safety notice; not `seats`.
 */
export const fieldOrder = [
  'session',
  'school',
  'className',
  'pupils',
  'teachers',
  'arrival',
  'name',
  'phone',
  'seats',
  'childAgeBands',
  'consentChildren',
  'dueMonth',
  'consentDueMonth',
  'prepNote',
  'safety',
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
  /** Most seats one registration may take: the event's maxPartySize, never more than its largest session. */
  maxSeats: number;
  /** Extra fields the event asks for. */
  fields: readonly ExtraField[];
  /** The sessions a reader may choose, in order (src/lib/sessions.ts); with one there is nothing to choose. */
  sessions: readonly { id: string; startsAt: string }[];
  /** A school-group event: at least one teacher for every this many pupils; seats are pupils plus teachers. */
  pupilsPerTeacher?: number | undefined;
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
  /** The chosen session's id. */
  session: string;
  /** A school group: how many pupils and teachers (their sum is `seats`), when they arrive (HH:MM, Beijing time), what
   *  to prepare (optional; never a pupil's name), and that the lead teacher acknowledged the safety notice. */
  pupils: number | null;
  teachers: number | null;
  arrival: string | null;
  prepNote: string | null;
  safety: boolean;
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

/** How early before its session a school group may plan to arrive (minutes). */
export const ARRIVAL_WINDOW = 60;
/** Longest note of what to prepare. */
export const PREP_NOTE_MAX = 100;

/** 8:40, ０８：４０ → minutes after midnight, or NaN. */
export function minutesOf(raw: string): number {
  const m = /^(\d{1,2})[:：](\d{2})$/.exec(asciiDigits(raw.trim()));
  return m && +m[1]! < 24 && +m[2]! < 60 ? +m[1]! * 60 + +m[2]! : NaN;
}
/** 520 → 08:40 */
export const hhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

/** Messages shared by the checks below. */
export const rsvpMessages = {
  consent: '请阅读隐私说明并勾选同意，才能报名',
  noticeChanged: '隐私说明已经更新。请阅读下面更新后的说明，再重新勾选同意',
  dueMonth: '请从列表里选预产月',
  consentDueMonth: '您选了预产月，请勾选同意提供预产月；不想提供，请把预产月改回「不填」',
  childAgeBands: '请为每个年龄段选择孩子的人数',
  consentChildren: '您填了孩子的年龄段，请勾选监护人同意；不想提供，请把各年龄段都改回0位',
  tooManyChildren: (n: number) => `孩子也占座位，还需至少1位大人陪同：${n}个孩子至少要选${n + 1}位`,
  session: '请选择场次',
  ratio: (per: number, pupils: number) => `每${per}名学生至少要有1位带队老师：${pupils}名学生至少要${Math.ceil(pupils / per)}位老师`,
  safety: '请阅读安全须知，并勾选确认',
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

  const group = rules.pupilsPerTeacher;
  const chosen = form.session.trim() || (rules.sessions.length === 1 ? rules.sessions[0]!.id : '');
  const session = rules.sessions.find((x) => x.id === chosen);
  if (!session) errors.session = rsvpMessages.session;

  const name = clean(form.name);
  if (!name) errors.name = group ? '请输入带队老师的姓名' : '请输入报名人姓名';
  else if (name.length < 2 || name.length > 30) errors.name = '姓名应为2到30个字';
  else if (!/\p{L}/u.test(name)) errors.name = '请输入真实姓名，不要只填数字或符号';

  const phone = normalisePhone(form.phone);
  if (!clean(form.phone)) errors.phone = '请输入手机号';
  else if (!phone) errors.phone = '请输入11位中国大陆手机号，例如13800138000';

  /** A count typed or chosen: 1 to 999, or NaN. */
  const count = (f: 'seats' | 'pupils' | 'teachers') => {
    const t = asciiDigits(form[f].trim());
    return /^\d{1,3}$/.test(t) && +t >= 1 ? +t : NaN;
  };
  let seats = count('seats');
  let pupils: number | null = null;
  let teachers: number | null = null;
  let arrival: string | null = null;
  let prepNote: string | null = null;
  if (group) {
    pupils = count('pupils');
    teachers = count('teachers');
    if (!form.pupils.trim()) errors.pupils = '请填写来参观的学生人数';
    else if (!pupils) errors.pupils = '学生人数请填1以上的整数';
    if (!form.teachers.trim()) errors.teachers = '请填写带队老师的人数';
    else if (!teachers) errors.teachers = '老师人数请填1以上的整数';
    else if (pupils && teachers * group < pupils) errors.teachers = rsvpMessages.ratio(group, pupils);
    seats = pupils + teachers;
    if (!errors.pupils && !errors.teachers && seats > rules.maxSeats)
      errors.pupils = `一份报名是一个班级，学生和老师一共最多${rules.maxSeats}位`;
    const at = minutesOf(form.arrival);
    const start = session ? minutesOf(session.startsAt.slice(11, 16)) : NaN;
    if (!form.arrival.trim()) errors.arrival = '请填写预计到达的时间，例如 08:40';
    else if (!(at >= 0)) errors.arrival = '到达时间请写成 08:40 这样的时间';
    else if (at > start || at < start - ARRIVAL_WINDOW)
      errors.arrival = `请在这一场开始前${ARRIVAL_WINDOW}分钟内到达：这一场${hhmm(start)}开始`;
    else arrival = hhmm(at);
    prepNote = clean(form.prepNote) || null;
    if (prepNote && prepNote.length > PREP_NOTE_MAX) errors.prepNote = `需要准备的事项不超过${PREP_NOTE_MAX}个字`;
    if (form.safety !== 'yes') errors.safety = rsvpMessages.safety;
  } else if (!form.seats.trim()) errors.seats = '请选择人数';
  else if (!(seats <= rules.maxSeats)) errors.seats = `人数应为1到${rules.maxSeats}位`;

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
      session: chosen,
      pupils,
      teachers,
      arrival,
      prepNote,
      safety: Boolean(group),
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
