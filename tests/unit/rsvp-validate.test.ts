/**
 * The one set of form rules the server and the island share: what passes, what is refused, and the Chinese
 * message a reader sees for each mistake.
 */
import { describe, expect, it } from 'vitest';
import { NOTICE_VERSION } from '../../src/lib/rsvp/notice';
import {
  ageBands,
  dueMonths,
  fieldOrder,
  hiddenFieldsValid,
  normaliseCode,
  normalisePhone,
  readForm,
  rsvpMessages,
  validateCancel,
  validateRsvp,
  type RsvpForm,
  type RsvpRules,
} from '../../src/lib/rsvp/validate';
import { classFields } from './rsvp-fixtures';

const NOW = new Date('2031-03-01T10:00:00+08:00');
const one = [{ id: 'main', startsAt: '2031-03-10T09:00:00+08:00' }];
const plain: RsvpRules = { maxSeats: 4, fields: [], sessions: one };
const family: RsvpRules = { maxSeats: 4, fields: ['childAgeBands'], sessions: one };
const school: RsvpRules = { maxSeats: 60, fields: ['school', 'className'], sessions: one };
const mothers: RsvpRules = { maxSeats: 2, fields: ['dueMonth'], sessions: one };
/** A school-group event with a morning and an afternoon session, one teacher per 20 pupils. */
const classes: RsvpRules = {
  maxSeats: 60,
  fields: ['school', 'className'],
  sessions: [
    { id: 'am', startsAt: '2031-03-10T09:00:00+08:00' },
    { id: 'pm', startsAt: '2031-03-10T14:00:00+08:00' },
  ],
  pupilsPerTeacher: 20,
};

function form(over: Partial<RsvpForm> = {}): RsvpForm {
  return {
    name: '王小明',
    phone: '13800138000',
    seats: '2',
    kids0to2: '',
    kids3to6: '',
    kids7to11: '',
    kids12to13: '',
    kids14to17: '',
    consentChildren: '',
    school: '',
    className: '',
    dueMonth: '',
    consentDueMonth: '',
    session: '',
    pupils: '',
    teachers: '',
    arrival: '',
    prepNote: '',
    safety: '',
    consent: 'yes',
    notice: NOTICE_VERSION,
    token: 'tok_0123456789abcdef',
    event: 'family-day',
    website: '',
    ...over,
  };
}
const errorsOf = (f: RsvpForm, rules = plain) => {
  const r = validateRsvp(f, rules, NOW);
  return r.ok ? {} : r.errors;
};

describe('a complete form', () => {
  it('passes and comes out normalised', () => {
    const r = validateRsvp(form({ name: '  欧阳  娜娜 ', phone: '+86 138-0013-8000', seats: '２' }), plain, NOW);
    expect(r).toEqual({
      ok: true,
      value: {
        event: 'family-day',
        token: 'tok_0123456789abcdef',
        name: '欧阳 娜娜',
        phone: '13800138000',
        seats: 2,
        childAgeBands: null,
        school: null,
        className: null,
        dueMonth: null,
        session: 'main',
        pupils: null,
        teachers: null,
        arrival: null,
        prepNote: null,
        safety: false,
        consents: ['privacy'],
        notice: NOTICE_VERSION,
      },
    });
  });

  it('reads a posted FormData, treating missing fields as empty', () => {
    const fd = new FormData();
    fd.set('name', '李华');
    fd.set('consent', 'yes');
    fd.set('kids3to6', '2');
    expect(readForm(fd)).toMatchObject({ name: '李华', consent: 'yes', kids3to6: '2', phone: '', dueMonth: '', website: '' });
  });
});

describe('each field refuses bad input with a message', () => {
  it('an empty form names every required field', () => {
    const e = errorsOf(form({ name: '', phone: '', seats: '', consent: '' }));
    expect(e).toEqual({
      name: '请输入报名人姓名',
      phone: '请输入手机号',
      seats: '请选择人数',
      consent: '请阅读隐私说明并勾选同意，才能报名',
    });
  });

  it('name', () => {
    expect(errorsOf(form({ name: '王' })).name).toBe('姓名应为2到30个字');
    expect(errorsOf(form({ name: '王'.repeat(31) })).name).toBe('姓名应为2到30个字');
    expect(errorsOf(form({ name: '12345' })).name).toBe('请输入真实姓名，不要只填数字或符号');
    expect(errorsOf(form({ name: '阿依古丽·买买提' })).name).toBeUndefined();
  });

  it('phone: mainland mobile numbers only', () => {
    for (const bad of ['1380013800', '138001380000', '12800138000', '23800138000', '1380013800a', '+1 415 555 0100'])
      expect(errorsOf(form({ phone: bad })).phone, bad).toBe('请输入11位中国大陆手机号，例如13800138000');
    for (const good of ['13800138000', '138 0013 8000', '138-0013-8000', '+8613800138000', '0086 138 0013 8000', '１３８００１３８０００'])
      expect(normalisePhone(good), good).toBe('13800138000');
  });

  it('seats: 1 to the most one party may take', () => {
    for (const bad of ['0', '5', '-1', '1.5', 'two', '999999'])
      expect(errorsOf(form({ seats: bad })).seats, bad).toBe('人数应为1到4位');
    expect(errorsOf(form({ seats: '4' })).seats).toBeUndefined();
  });

  it('consent must be the box ticked, not any value', () => {
    expect(errorsOf(form({ consent: 'on' })).consent).toBeDefined();
    expect(errorsOf(form({ consent: 'no' })).consent).toBeDefined();
  });

  it('consent counts only for the notice version the form showed', () => {
    expect(errorsOf(form({ notice: '' })).consent).toBe(rsvpMessages.noticeChanged);
    expect(errorsOf(form({ notice: `${NOTICE_VERSION}-old` })).consent).toBe(rsvpMessages.noticeChanged);
    expect(errorsOf(form({ notice: '', consent: '' })).consent).toBe(rsvpMessages.consent);
  });
});

describe('fields an event declares', () => {
  it('school visits need the school and the class', () => {
    expect(errorsOf(form({ seats: '45' }), school)).toEqual({
      school: '请输入学校名称',
      className: '请输入年级和班级，例如：五年级二班',
    });
    expect(errorsOf(form({ seats: '45', school: '一中', className: '五年级二班' }), school).school).toBe(
      '学校名称应为4到40个字，请写全称',
    );
    const r = validateRsvp(form({ seats: '45', school: '济南市历下区实验小学', className: '五年级二班' }), school, NOW);
    expect(r.ok && [r.value.seats, r.value.school, r.value.className]).toEqual([45, '济南市历下区实验小学', '五年级二班']);
  });

  it('an event of several sessions needs one of them chosen; with one session there is nothing to choose', () => {
    const twice: RsvpRules = { ...plain, sessions: classes.sessions };
    expect(errorsOf(form(), twice)).toEqual({ session: '请选择场次' });
    expect(errorsOf(form({ session: 'evening' }), twice)).toEqual({ session: '请选择场次' });
    const r = validateRsvp(form({ session: 'pm' }), twice, NOW);
    expect(r.ok && r.value.session).toBe('pm');
    expect(errorsOf(form({ session: 'pm' }), plain)).toEqual({ session: '请选择场次' });
    const only = validateRsvp(form({ session: 'main' }), plain, NOW);
    expect(only.ok && only.value.session).toBe('main');
  });

  it('sensitive fields the event does not ask for are dropped with their consents', () => {
    const r = validateRsvp(form({ kids3to6: '1', consentChildren: 'yes', dueMonth: '2031-05', consentDueMonth: 'yes' }), plain, NOW);
    expect(r.ok && [r.value.childAgeBands, r.value.dueMonth, r.value.consents]).toEqual([null, null, ['privacy']]);
  });
});

describe('children’s age bands (optional, with a guardian’s own consent)', () => {
  it('five bands, youngest first, split at 3, 7, 12 and PIPL’s 14', () => {
    expect(ageBands.map(([, label]) => label)).toEqual(['不满3岁', '3到6岁', '7到11岁', '12到13岁', '14到17岁']);
  });

  it('may be left out: no bands, no consent needed, nothing stored', () => {
    for (const kids of [{}, { kids0to2: '0', kids3to6: '0', kids7to11: '0', kids12to13: '0', kids14to17: '0' }]) {
      const r = validateRsvp(form(kids), family, NOW);
      expect(r.ok && [r.value.childAgeBands, r.value.consents]).toEqual([null, ['privacy']]);
    }
  });

  it('with the guardian’s consent: counts per band, and the consent recorded', () => {
    const r = validateRsvp(form({ seats: '4', kids0to2: '1', kids7to11: '２', consentChildren: 'yes' }), family, NOW);
    expect(r.ok && [r.value.childAgeBands, r.value.consents]).toEqual([{ kids0to2: 1, kids7to11: 2 }, ['privacy', 'childAgeBands']]);
  });

  it('without the consent: refused at the consent box', () => {
    for (const consentChildren of ['', 'on', 'no']) {
      expect(errorsOf(form({ seats: '3', kids3to6: '1', consentChildren }), family)).toEqual({ consentChildren: rsvpMessages.consentChildren });
    }
    expect(rsvpMessages.consentChildren).toContain('监护人');
  });

  it('children take seats and leave room for at least one adult', () => {
    expect(errorsOf(form({ seats: '2', kids3to6: '1', kids7to11: '1', consentChildren: 'yes' }), family).childAgeBands).toBe(
      '孩子也占座位，还需至少1位大人陪同：2个孩子至少要选3位',
    );
    expect(errorsOf(form({ seats: '1', kids14to17: '1', consentChildren: 'yes' }), family).childAgeBands).toBe(
      '孩子也占座位，还需至少1位大人陪同：1个孩子至少要选2位',
    );
    expect(errorsOf(form({ seats: '3', kids3to6: '1', kids7to11: '1', consentChildren: 'yes' }), family)).toEqual({});
  });

  it('a count that is not a number is refused', () => {
    for (const bad of ['one', '-1', '1.5', '100'])
      expect(errorsOf(form({ seats: '4', kids3to6: bad, consentChildren: 'yes' }), family).childAgeBands, bad).toBe(rsvpMessages.childAgeBands);
  });
});

describe('due month (optional, with its own consent as health information)', () => {
  it('offers the months from three back to ten ahead, by the Beijing calendar', () => {
    const months = dueMonths(NOW);
    expect(months).toHaveLength(14);
    expect([months[0], months[3], months.at(-1)]).toEqual(['2030-12', '2031-03', '2032-01']);
    // 00:30 on the 1st in Beijing is still the last day of the month before in UTC: Beijing's month counts.
    expect(dueMonths(new Date('2031-02-28T16:30:00Z'))[3]).toBe('2031-03');
  });

  it('may be left out: no consent needed, nothing stored', () => {
    const r = validateRsvp(form({ seats: '1' }), mothers, NOW);
    expect(r.ok && [r.value.dueMonth, r.value.consents]).toEqual([null, ['privacy']]);
  });

  it('with its consent: the month, and the consent recorded', () => {
    const r = validateRsvp(form({ seats: '1', dueMonth: '2031-08', consentDueMonth: 'yes' }), mothers, NOW);
    expect(r.ok && [r.value.dueMonth, r.value.consents]).toEqual(['2031-08', ['privacy', 'dueMonth']]);
  });

  it('without its consent: refused at the consent box', () => {
    expect(errorsOf(form({ seats: '1', dueMonth: '2031-08' }), mothers)).toEqual({ consentDueMonth: rsvpMessages.consentDueMonth });
    expect(errorsOf(form({ seats: '1', dueMonth: '2031-08', consentDueMonth: 'on' }), mothers)).toEqual({
      consentDueMonth: rsvpMessages.consentDueMonth,
    });
  });

  it('a month outside the list, or not a month, is refused', () => {
    for (const bad of ['2030-11', '2032-02', '2031-13', '2031-8', '2031-08-18', 'March'])
      expect(errorsOf(form({ seats: '1', dueMonth: bad, consentDueMonth: 'yes' }), mothers).dueMonth, bad).toBe(rsvpMessages.dueMonth);
  });
});

describe('hidden fields and the cancellation form', () => {
  it('needs a well-formed token and event slug', () => {
    expect(hiddenFieldsValid(form())).toBe(true);
    expect(hiddenFieldsValid(form({ token: '' }))).toBe(false);
    expect(hiddenFieldsValid(form({ token: 'short' }))).toBe(false);
    expect(hiddenFieldsValid(form({ event: '../etc/passwd' }))).toBe(false);
  });

  it('cancellation: code and phone, forgiving case, spaces and dashes', () => {
    expect(normaliseCode(' ab3d-5f7h ')).toBe('AB3D5F7H');
    expect(validateCancel({ code: 'ab3d-5f7h', phone: '138 0013 8000' })).toEqual({
      ok: true,
      value: { code: 'AB3D5F7H', phone: '13800138000' },
    });
    expect(validateCancel({ code: '', phone: '' })).toEqual({
      ok: false,
      errors: { code: '请输入确认码', phone: '请输入报名时填写的手机号' },
    });
    const bad = validateCancel({ code: 'O0I1L', phone: '123' });
    expect(bad.ok === false && bad.errors).toEqual({
      code: '确认码是8位字母和数字，请对照报名成功页面检查',
      phone: '请输入11位中国大陆手机号，例如13800138000',
    });
  });
});

/** A school group's form: the class, pupils and teachers, arrival, what to prepare and the safety notice. */
function classForm(over: Partial<RsvpForm> = {}): RsvpForm {
  return form({ ...classFields('am'), ...over });
}

describe('school groups (one class per registration, booked by its lead teacher)', () => {
  it('a complete class: seats are pupils plus teachers, arrival as HH:MM, the safety notice acknowledged', () => {
    const r = validateRsvp(classForm({ arrival: '８：０５', prepNote: ' 有1位学生坐轮椅，需要无障碍通道 ' }), classes, NOW);
    expect(r.ok && r.value).toMatchObject({
      session: 'am',
      seats: 42,
      pupils: 40,
      teachers: 2,
      arrival: '08:05',
      prepNote: '有1位学生坐轮椅，需要无障碍通道',
      safety: true,
      school: '济南市历下区实验小学',
      className: '五年级二班',
    });
  });

  it('an empty form asks the teacher for every field, in the order the form shows them', () => {
    const e = errorsOf(form({ name: '', phone: '', seats: '', consent: '' }), classes);
    expect(e).toEqual({
      session: '请选择场次',
      school: '请输入学校名称',
      className: '请输入年级和班级，例如：五年级二班',
      pupils: '请填写来参观的学生人数',
      teachers: '请填写带队老师的人数',
      arrival: '请填写预计到达的时间，例如 08:40',
      name: '请输入带队老师的姓名',
      phone: '请输入手机号',
      safety: '请阅读安全须知，并勾选确认',
      consent: '请阅读隐私说明并勾选同意，才能报名',
    });
    // The error summary lists them in the form's order: the class first, then the lead teacher.
    expect(fieldOrder.filter((f) => e[f])).toEqual(['session', 'school', 'className', 'pupils', 'teachers', 'arrival', 'name', 'phone', 'safety', 'consent']);
  });

  it('the ratio: at least one teacher for every 20 pupils (the event’s own number), and at least one teacher', () => {
    expect(errorsOf(classForm({ pupils: '41', teachers: '2' }), classes).teachers).toBe(rsvpMessages.ratio(20, 41));
    expect(rsvpMessages.ratio(20, 41)).toBe('每20名学生至少要有1位带队老师：41名学生至少要3位老师');
    expect(errorsOf(classForm({ pupils: '40', teachers: '2' }), classes).teachers).toBeUndefined();
    expect(errorsOf(classForm({ pupils: '40', teachers: '0' }), classes).teachers).toBe('老师人数请填1以上的整数');
    expect(errorsOf(classForm({ pupils: '12', teachers: '1' }), { ...classes, pupilsPerTeacher: 10 }).teachers).toBe(rsvpMessages.ratio(10, 12));
    expect(errorsOf(classForm({ pupils: '0' }), classes).pupils).toBe('学生人数请填1以上的整数');
  });

  it('a class is at most the party size, pupils and teachers together', () => {
    expect(errorsOf(classForm({ pupils: '57', teachers: '4' }), classes).pupils).toBe('一份报名是一个班级，学生和老师一共最多60位');
    expect(errorsOf(classForm({ pupils: '57', teachers: '3' }), classes).pupils).toBeUndefined();
  });

  it('arrival: a time within the hour before the chosen session starts', () => {
    expect(errorsOf(classForm({ arrival: '7:59' }), classes).arrival).toBe('请在这一场开始前60分钟内到达：这一场09:00开始');
    expect(errorsOf(classForm({ arrival: '09:01' }), classes).arrival).toBe('请在这一场开始前60分钟内到达：这一场09:00开始');
    expect(errorsOf(classForm({ arrival: '08:00' }), classes).arrival).toBeUndefined();
    expect(errorsOf(classForm({ session: 'pm', arrival: '13:15' }), classes).arrival).toBeUndefined();
    expect(errorsOf(classForm({ session: 'pm', arrival: '08:30' }), classes).arrival).toBe('请在这一场开始前60分钟内到达：这一场14:00开始');
    expect(errorsOf(classForm({ arrival: '半小时前' }), classes).arrival).toBe('到达时间请写成 08:40 这样的时间');
    expect(errorsOf(classForm({ arrival: '25:00' }), classes).arrival).toBe('到达时间请写成 08:40 这样的时间');
  });

  it('the note of what to prepare is optional and short; the safety notice must be ticked', () => {
    expect(errorsOf(classForm({ prepNote: '准'.repeat(101) }), classes).prepNote).toBe('需要准备的事项不超过100个字');
    const r = validateRsvp(classForm({ prepNote: '   ' }), classes, NOW);
    expect(r.ok && r.value.prepNote).toBeNull();
    expect(errorsOf(classForm({ safety: '' }), classes).safety).toBe('请阅读安全须知，并勾选确认');
    expect(errorsOf(classForm({ safety: 'on' }), classes).safety).toBe('请阅读安全须知，并勾选确认');
  });

  it('asks no seats, and keeps the school fields out of other events', () => {
    expect(errorsOf(classForm({ seats: 'nonsense' }), classes).seats).toBeUndefined();
    const r = validateRsvp(form({ pupils: '40', teachers: '2', arrival: '08:30', safety: 'yes' }), plain, NOW);
    expect(r.ok && [r.value.pupils, r.value.teachers, r.value.arrival, r.value.safety]).toEqual([null, null, null, false]);
  });
});
