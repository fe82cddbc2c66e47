/**
 * A whole submission as the action runs it, against a real store (SQLite and PostgreSQL, tests/unit/stores.ts): what
 * each kind of refusal answers (status, message, field) and that refused submissions write nothing.
 */
import { describe, expect, it } from 'vitest';
import { NOTICE_VERSION } from '../../src/lib/rsvp/notice';
import { rsvpMessages, type RsvpForm } from '../../src/lib/rsvp/validate';
import { findBooking, listBookings, seatsTaken, type BookableEvent } from '../../src/server/booking';
import { createRateLimiter } from '../../src/server/rate-limit';
import { messages, submitCancel, submitRsvp, type RsvpDeps } from '../../src/server/rsvp-service';
import { classFields, NOW, schoolEvent, testEvent } from './rsvp-fixtures';
import { storeKinds } from './stores';

let n = 0;
function post(over: Partial<RsvpForm> = {}): FormData {
  n += 1;
  const fd = new FormData();
  const fields: Partial<RsvpForm> = {
    event: 'family-day',
    token: `form-token-${n}-abcdefghijkl`,
    name: '张伟',
    phone: `1370000${String(n).padStart(4, '0')}`,
    seats: '1',
    consent: 'yes',
    notice: NOTICE_VERSION,
    website: '',
    ...over,
  };
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

describe.each(storeKinds)('submissions on $name', ({ fresh }) => {
  async function setup(event: BookableEvent = testEvent(), limit = 100): Promise<RsvpDeps> {
    return {
      store: await fresh(),
      limiter: createRateLimiter({ limit }),
      findEvent: (slug) => (slug === event.slug ? event : undefined),
      clientAddress: '192.0.2.1',
      now: NOW,
    };
  }

  describe('submitRsvp', () => {
    it('books a valid form and answers with the code', async () => {
      const deps = await setup();
      const out = await submitRsvp(post({ seats: '3' }), deps);
      expect(out).toMatchObject({ ok: true, event: 'family-day', status: 'confirmed' });
      expect(out.ok && (await findBooking(deps.store, out.code))?.seats).toBe(3);
    });

    it('answers field errors with 400 and writes nothing', async () => {
      const deps = await setup();
      const out = await submitRsvp(post({ phone: '12345', consent: '' }), deps);
      expect(out).toEqual({
        ok: false,
        httpStatus: 400,
        reason: 'invalid',
        errors: { phone: '请输入11位中国大陆手机号，例如13800138000', consent: '请阅读隐私说明并勾选同意，才能报名' },
      });
      expect(await listBookings(deps.store, 'family-day')).toEqual([]);
    });

    it('silently refuses a filled honeypot or a form without its hidden fields', async () => {
      const deps = await setup();
      expect(await submitRsvp(post({ website: 'http://spam.example' }), deps)).toMatchObject({ ok: false, httpStatus: 400, reason: 'rejected' });
      expect(await submitRsvp(post({ token: '' }), deps)).toMatchObject({ ok: false, reason: 'rejected' });
      expect(await listBookings(deps.store, 'family-day')).toEqual([]);
    });

    it('refuses an unknown event', async () => {
      expect(await submitRsvp(post({ event: 'no-such-event' }), await setup())).toMatchObject({ ok: false, reason: 'not-found', message: messages.notFound });
    });

    it('refuses an event that has ended (403), whatever the page showed', async () => {
      const ended = testEvent({ startsAt: '2031-02-01T09:00:00+08:00', endsAt: '2031-02-01T11:00:00+08:00', rsvp: { opensAt: '2031-01-01T09:00:00+08:00', closesAt: '2031-01-31T09:00:00+08:00' } });
      const deps = await setup(ended);
      expect(await submitRsvp(post(), deps)).toEqual({ ok: false, httpStatus: 403, reason: 'closed', errors: {}, message: '活动已结束，现在不能报名。' });
      expect(await listBookings(deps.store, 'family-day')).toEqual([]);
    });

    it('keeps a booking made just before closing when the same form arrives again just after', async () => {
      const event = testEvent({ rsvp: { closesAt: '2031-03-01T10:00:01+08:00' } });
      const deps = await setup(event);
      const form = post();
      const first = await submitRsvp(form, deps);
      const again = await submitRsvp(form, { ...deps, now: new Date('2031-03-01T10:00:05+08:00') });
      expect(first.ok && again.ok && again.code).toBe(first.ok && first.code);
    });

    it('says kindly that a phone has already booked (409), on the phone field', async () => {
      const deps = await setup();
      await submitRsvp(post({ phone: '13912345678' }), deps);
      expect(await submitRsvp(post({ phone: '139 1234 5678' }), deps)).toEqual({
        ok: false,
        httpStatus: 409,
        reason: 'duplicate',
        errors: { phone: messages.duplicate },
      });
    });

    it('full without a waiting list: "已满"; too big a party: how many are left', async () => {
      const deps = await setup(testEvent({ rsvp: { capacity: 3 } }));
      await submitRsvp(post({ seats: '2' }), deps);
      expect(await submitRsvp(post({ seats: '2' }), deps)).toMatchObject({ httpStatus: 409, reason: 'too-many-seats', errors: { seats: '只剩1个座位了。请把人数减到1位以内再提交。' } });
      await submitRsvp(post({ seats: '1' }), deps);
      const full = await submitRsvp(post({ seats: '1' }), deps);
      expect(full).toMatchObject({ httpStatus: 409, reason: 'full', message: '本活动名额已满，不能再报名了。' });
      expect(messages.full).toContain('已满');
    });

    it('full with a waiting list: queued', async () => {
      const deps = await setup(testEvent({ rsvp: { capacity: 1, waitlist: true } }));
      await submitRsvp(post(), deps);
      expect(await submitRsvp(post(), deps)).toMatchObject({ ok: true, status: 'waitlisted' });
    });

    it('limits submissions per client address', async () => {
      const deps = await setup(testEvent(), 2);
      await submitRsvp(post(), deps);
      await submitRsvp(post(), deps);
      expect(await submitRsvp(post(), deps)).toMatchObject({ ok: false, httpStatus: 429, reason: 'rate-limited' });
      expect(await submitRsvp(post(), { ...deps, clientAddress: '192.0.2.2' })).toMatchObject({ ok: true });
    });
  });

  describe('sensitive items and the consent record (PIPL art. 28–31)', () => {
    const family = () => setup(testEvent({ rsvp: { fields: ['childAgeBands'] } }));
    const mothers = () => setup(testEvent({ slug: 'family-day', rsvp: { fields: ['dueMonth'], maxPartySize: 2 } }));
    const invalid = (errors: object) => ({ ok: false, httpStatus: 400, reason: 'invalid', errors });

    it('a due month without its consent is refused at the box, and nothing is stored', async () => {
      const deps = await mothers();
      expect(await submitRsvp(post({ dueMonth: '2031-06' }), deps)).toEqual(invalid({ consentDueMonth: rsvpMessages.consentDueMonth }));
      expect(await listBookings(deps.store, 'family-day')).toEqual([]);
    });

    it('children’s age bands without the guardian’s consent are refused at the box, and nothing is stored', async () => {
      const deps = await family();
      const out = await submitRsvp(post({ seats: '3', kids3to6: '1', kids7to11: '1', consentChildren: 'on' }), deps);
      expect(out).toEqual(invalid({ consentChildren: rsvpMessages.consentChildren }));
      expect(await listBookings(deps.store, 'family-day')).toEqual([]);
    });

    it('with consent: the value is stored with which consents, the notice version and the time', async () => {
      const deps = await mothers();
      const out = await submitRsvp(post({ seats: '2', dueMonth: '2031-06', consentDueMonth: 'yes' }), deps);
      if (!out.ok) throw new Error(JSON.stringify(out));
      expect(await findBooking(deps.store, out.code)).toMatchObject({
        dueMonth: '2031-06',
        consents: ['privacy', 'dueMonth'],
        notice: NOTICE_VERSION,
        consentedAt: NOW.getTime(),
      });

      const kids = await family();
      const booked = await submitRsvp(post({ seats: '4', kids0to2: '1', kids12to13: '2', consentChildren: 'yes' }), kids);
      if (!booked.ok) throw new Error(JSON.stringify(booked));
      expect(await findBooking(kids.store, booked.code)).toMatchObject({
        childAgeBands: { kids0to2: 1, kids12to13: 2 },
        consents: ['privacy', 'childAgeBands'],
        notice: NOTICE_VERSION,
        consentedAt: NOW.getTime(),
      });
    });

    it('left out: booked, with the privacy consent only', async () => {
      const deps = await family();
      const out = await submitRsvp(post({ seats: '3', consentChildren: 'yes' }), deps);
      expect(out.ok && (await findBooking(deps.store, out.code))).toMatchObject({ childAgeBands: null, dueMonth: null, consents: ['privacy'] });
    });

    it('withdrawing the sensitive consents deletes those items and keeps the booking (art. 15)', async () => {
      const deps = await mothers();
      const out = await submitRsvp(post({ seats: '2', phone: '13500000001', dueMonth: '2031-06', consentDueMonth: 'yes' }), deps);
      if (!out.ok) throw new Error(JSON.stringify(out));
      const withdraw = (phone: string) => {
        const fd = new FormData();
        fd.set('code', out.code);
        fd.set('phone', phone);
        fd.set('what', 'sensitive');
        return submitCancel(fd, deps);
      };
      expect(await withdraw('13500000002')).toEqual(invalid({ code: messages.noMatch }));
      expect((await findBooking(deps.store, out.code))?.dueMonth).toBe('2031-06');
      expect(await withdraw('135 0000 0001')).toEqual({ ok: true, code: out.code, withdrawn: true });
      expect(await findBooking(deps.store, out.code)).toMatchObject({
        status: 'confirmed',
        seats: 2,
        dueMonth: null,
        consents: ['privacy'],
        withdrawnAt: NOW.getTime(),
      });
      expect(await seatsTaken(deps.store, 'family-day')).toBe(2);
    });

    it('a form from before the notice changed is refused, and nothing is stored', async () => {
      const deps = await setup();
      expect(await submitRsvp(post({ notice: 'an-older-version' }), deps)).toEqual(invalid({ consent: rsvpMessages.noticeChanged }));
      expect(await listBookings(deps.store, 'family-day')).toEqual([]);
    });
  });

  describe('a school group with sessions', () => {
    /** A class as the lead teacher's form posts it. */
    const classPost = (over: Partial<RsvpForm> = {}) => post({ event: 'class-visit', ...classFields('a'), ...over });

    it('books a class into its session: seats are pupils and teachers', async () => {
      const deps = await setup(schoolEvent());
      const out = await submitRsvp(classPost({ prepNote: '需要无障碍通道' }), deps);
      expect(out).toMatchObject({ ok: true, status: 'confirmed' });
      expect(out.ok && (await findBooking(deps.store, out.code))).toMatchObject({ session: 'a', seats: 42, pupils: 40, teachers: 2, arrival: '08:30', prepNote: '需要无障碍通道' });
    });

    it('the same teacher’s phone books a second class; the same class again is refused at the class', async () => {
      const deps = await setup(schoolEvent());
      expect(await submitRsvp(classPost({ phone: '13712340000' }), deps)).toMatchObject({ ok: true });
      expect(await submitRsvp(classPost({ phone: '13712340000', className: '五年级三班', session: 'b', arrival: '13:40' }), deps)).toMatchObject({ ok: true });
      expect(await submitRsvp(classPost({ phone: '13712340000', session: 'b', arrival: '13:40' }), deps)).toEqual({
        ok: false,
        httpStatus: 409,
        reason: 'duplicate',
        errors: { className: messages.duplicateClass },
      });
    });

    it('a full session is refused at the session, offering the others that still have room, in words', async () => {
      const deps = await setup(schoolEvent());
      expect(await submitRsvp(classPost({ session: 'small', pupils: '27', teachers: '3', arrival: '08:30' }), deps)).toMatchObject({ ok: true });
      expect(await submitRsvp(classPost({ session: 'small', className: '五年级三班', arrival: '08:30' }), deps)).toEqual({
        ok: false,
        httpStatus: 409,
        reason: 'full',
        errors: { session: '您选的场次已经报满了。下面这些场次还有名额，点一下就能改选：' },
        alternatives: [
          { id: 'a', label: '2031年3月10日（周一） 09:00–10:30（还剩100个座位）' },
          { id: 'b', label: '2031年3月10日（周一） 14:00–15:30（还剩100个座位）' },
        ],
      });
    });

    it('a class larger than what a session has left is told so at the pupils, with the sessions it fits', async () => {
      const deps = await setup(schoolEvent());
      await submitRsvp(classPost({ session: 'small', pupils: '20', teachers: '1' }), deps);
      expect(await submitRsvp(classPost({ session: 'small', className: '五年级三班' }), deps)).toMatchObject({
        reason: 'too-many-seats',
        errors: { pupils: '只剩9个座位了。请把人数减到9位以内再提交，或者改选下面还有名额的场次：' },
        alternatives: [{ id: 'a' }, { id: 'b' }],
      });
    });

    it('the ratio is the server’s rule too', async () => {
      const deps = await setup(schoolEvent());
      expect(await submitRsvp(classPost({ pupils: '45', teachers: '2' }), deps)).toMatchObject({ httpStatus: 400, errors: { teachers: rsvpMessages.ratio(20, 45) } });
      expect(await listBookings(deps.store, 'class-visit')).toEqual([]);
    });
  });

  describe('submitCancel', () => {
    const cancelForm = (code: string, phone: string) => {
      const fd = new FormData();
      fd.set('code', code);
      fd.set('phone', phone);
      return fd;
    };

    it('frees the seats with the right code and phone, and promotes the waiting list', async () => {
      const deps = await setup(testEvent({ rsvp: { capacity: 2, waitlist: true } }));
      const a = await submitRsvp(post({ seats: '2', phone: '13600000001' }), deps);
      const b = await submitRsvp(post({ seats: '2' }), deps);
      if (!a.ok || !b.ok) throw new Error('setup failed');
      expect(b.status).toBe('waitlisted');
      expect(await submitCancel(cancelForm(a.code.toLowerCase(), '136-0000-0001'), deps)).toEqual({ ok: true, code: a.code });
      expect((await findBooking(deps.store, b.code))?.status).toBe('confirmed');
      expect(await seatsTaken(deps.store, 'family-day')).toBe(2);
    });

    it('a wrong phone gets the same answer as an unknown code, and cancels nothing', async () => {
      const deps = await setup();
      const a = await submitRsvp(post({ phone: '13600000002' }), deps);
      if (!a.ok) throw new Error('setup failed');
      const wrong = await submitCancel(cancelForm(a.code, '13600000003'), deps);
      const unknown = await submitCancel(cancelForm(a.code === 'ZZZZZZZZ' ? 'YYYYYYYY' : 'ZZZZZZZZ', '13600000002'), deps);
      expect(wrong).toEqual({ ok: false, httpStatus: 400, reason: 'invalid', errors: { code: messages.noMatch } });
      expect(unknown).toEqual(wrong);
      expect((await findBooking(deps.store, a.code))?.status).toBe('confirmed');
    });

    it('checks the form first', async () => {
      expect(await submitCancel(cancelForm('', ''), await setup())).toMatchObject({ httpStatus: 400, errors: { code: '请输入确认码', phone: '请输入报名时填写的手机号' } });
    });
  });
});
