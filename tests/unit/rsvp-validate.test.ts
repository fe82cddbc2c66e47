/**
 * The one set of form rules the server and the island share: what passes, what is refused, and the Chinese
 * message a reader sees for each mistake.
 */
import { describe, expect, it } from 'vitest';
import {
  hiddenFieldsValid,
  normaliseCode,
  normalisePhone,
  parseAges,
  readForm,
  validateCancel,
  validateRsvp,
  type RsvpForm,
  type RsvpRules,
} from '../../src/lib/rsvp/validate';

const NOW = new Date('2027-03-01T10:00:00+08:00');
const plain: RsvpRules = { maxSeats: 4, fields: [] };
const family: RsvpRules = { maxSeats: 4, fields: ['children'] };
const school: RsvpRules = { maxSeats: 60, fields: ['school', 'className'] };
const mothers: RsvpRules = { maxSeats: 2, fields: ['dueDate'] };

function form(over: Partial<RsvpForm> = {}): RsvpForm {
  return {
    name: '王小明',
    phone: '13800138000',
    seats: '2',
    children: '',
    school: '',
    className: '',
    dueDate: '',
    consent: 'yes',
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
        childAges: [],
        school: null,
        className: null,
        dueDate: null,
      },
    });
  });

  it('reads a posted FormData, treating missing fields as empty', () => {
    const fd = new FormData();
    fd.set('name', '李华');
    fd.set('consent', 'yes');
    expect(readForm(fd)).toMatchObject({ name: '李华', consent: 'yes', phone: '', website: '' });
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
});

describe('fields an event declares', () => {
  it('children: ages in any common writing, each child taking a seat beside one adult', () => {
    expect(parseAges('6，3')).toEqual([6, 3]);
    expect(parseAges('6岁 3岁')).toEqual([6, 3]);
    expect(parseAges('６、１０周岁')).toEqual([6, 10]);
    expect(parseAges('六岁')).toBeUndefined();
    expect(parseAges('6, 18')).toBeUndefined();
    const ok = validateRsvp(form({ seats: '3', children: '6, 3' }), family, NOW);
    expect(ok.ok && ok.value.childAges).toEqual([6, 3]);
    expect(errorsOf(form({ seats: '2', children: '6, 3' }), family).children).toBe(
      '孩子也占座位，还需至少1位大人陪同：2个孩子至少要选3位',
    );
    expect(errorsOf(form({ children: 'six' }), family).children).toMatch(/请用数字写每个孩子的年龄/);
    expect(errorsOf(form({ children: '' }), family).children).toBeUndefined();
  });

  it('children are ignored where the event does not ask for them', () => {
    const r = validateRsvp(form({ children: 'nonsense' }), plain, NOW);
    expect(r.ok && r.value.childAges).toEqual([]);
  });

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

  it('due date: a real date, from a year ago to ten months ahead', () => {
    expect(errorsOf(form({ seats: '1' }), mothers).dueDate).toBe('请填写预产期');
    expect(errorsOf(form({ seats: '1', dueDate: '2027-02-30' }), mothers).dueDate).toBe('请按「年-月-日」填写预产期，例如2027-03-18');
    expect(errorsOf(form({ seats: '1', dueDate: '18/03/2027' }), mothers).dueDate).toBeDefined();
    expect(errorsOf(form({ seats: '1', dueDate: '2029-01-01' }), mothers).dueDate).toBe('预产期应在一年前到十个月后之间，请检查年份');
    expect(errorsOf(form({ seats: '1', dueDate: '2027-08-18' }), mothers).dueDate).toBeUndefined();
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
