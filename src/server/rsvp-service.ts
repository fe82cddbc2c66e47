/**
 * One submission, start to end: rate limit, honeypot, the event's state by the server clock, the shared
 * field rules, then the booking rules. Dependencies are passed in, so unit tests run it against a real store
 * and plain event objects; src/server/runtime.ts supplies the production ones.
 */
import { registrationLabel, registrationState, type RegistrationState } from '../lib/events';
import { type CancelOutcome, type Refusal, type RefusalReason, type RsvpOutcome } from '../lib/rsvp/outcome';
import { hiddenFieldsValid, readForm, validateCancel, validateRsvp, type RsvpField } from '../lib/rsvp/validate';
import { sessionLabel } from '../lib/sessions';
import { book, cancel, findByToken, rulesFor, withdrawSensitive, type Alternative, type BookableEvent } from './booking';
import type { Store } from './store';
import type { RateLimiter } from './rate-limit';

export interface RsvpDeps {
  store: Store;
  limiter: RateLimiter;
  /** The event's content, or undefined when there is no such event or it takes no registrations. */
  findEvent(slug: string): Promise<BookableEvent | undefined> | BookableEvent | undefined;
  clientAddress: string;
  /** The server clock; tests pass a fixed one. */
  now?: Date;
}

function refuse<F extends string>(
  httpStatus: number,
  reason: RefusalReason,
  errors: Refusal<F>['errors'] = {},
  message?: string,
): Refusal<F> {
  return message === undefined ? { ok: false, httpStatus, reason, errors } : { ok: false, httpStatus, reason, errors, message };
}

/** Other sessions a refused party fits in, as the error summary offers them: when, and the seats left. */
function offered(event: BookableEvent, others: readonly Alternative[]): { id: string; label: string }[] {
  return others.flatMap(({ id, left }) => {
    const s = event.sessions.find((x) => x.id === id);
    return s ? [{ id, label: `${sessionLabel(s)}（还剩${left}个座位）` }] : [];
  });
}

export const messages = {
  rateLimited: '提交太频繁了。请等1分钟再试。',
  rejected: '这份表单无法提交。请刷新报名页面，重新填写后再提交。',
  notFound: '找不到这个活动，或者这个活动不需要报名。',
  full: '本活动名额已满，不能再报名了。',
  sessionFull: (others: boolean) => `您选的场次已经报满了。${others ? '下面这些场次还有名额，点一下就能改选：' : '其他场次也没有够您这一组的名额了。'}`,
  sessionClosed: (others: boolean) => `您选的场次已经截止报名了。${others ? '下面这些场次还能报名，点一下就能改选：' : '其他场次也没有够您这一组的名额了。'}`,
  duplicate: '这个手机号已经报名了本活动，不用再报。要改人数，请先取消原来的报名，再重新报名。',
  duplicateClass: '这个手机号已经为这个班级报过名了，不用再报。要换场次或改人数，请先取消原来的报名再重新报名；别的班级可以照常报名。',
  tooMany: (left: number, others = false) =>
    `只剩${left}个座位了。请把人数减到${left}位以内再提交${others ? '，或者改选下面还有名额的场次：' : '。'}`,
  noMatch: '确认码和手机号对不上，或者这个报名已经取消了。请检查后再试。',
  closed: (state: RegistrationState) => `${registrationLabel[state]}，现在不能报名。`,
};

export async function submitRsvp(data: FormData, deps: RsvpDeps): Promise<RsvpOutcome> {
  const { store, limiter } = deps;
  if (!limiter.hit(deps.clientAddress).ok) return refuse(429, 'rate-limited', {}, messages.rateLimited);
  const form = readForm(data);
  // A filled honeypot or missing hidden fields: not sent by a person using our page.
  if (form.website.trim() !== '' || !hiddenFieldsValid(form)) return refuse(400, 'rejected', {}, messages.rejected);
  const event = await deps.findEvent(form.event.trim());
  if (!event) return refuse(400, 'not-found', {}, messages.notFound);

  const now = deps.now ?? new Date();
  const state = registrationState(event, now);
  if (state !== 'open') {
    // A double click that straddled the closing time: the first click's booking stands.
    const prior = await findByToken(store, event.slug, form.token.trim());
    if (prior) return { ok: true, event: event.slug, code: prior.code, status: prior.status };
    return refuse(403, 'closed', {}, messages.closed(state));
  }

  const checked = validateRsvp(form, rulesFor(event), now);
  if (!checked.ok) return refuse(400, 'invalid', checked.errors);

  const r = await book(store, event, checked.value, now);
  if (r.ok) return { ok: true, event: event.slug, code: r.booking.code, status: r.booking.status };
  const several = event.sessions.length > 1;
  const withOthers = (out: Refusal<RsvpField>, others: readonly Alternative[]) => (others.length ? { ...out, alternatives: offered(event, others) } : out);
  switch (r.reason) {
    case 'closed':
      return refuse(403, 'closed', {}, messages.closed(r.state));
    case 'session-closed':
      return withOthers(refuse(409, 'session-closed', { session: messages.sessionClosed(r.others.length > 0) }), r.others);
    case 'duplicate':
      return r.perClass
        ? refuse(409, 'duplicate', { className: messages.duplicateClass })
        : refuse(409, 'duplicate', { phone: messages.duplicate });
    case 'too-many-seats':
      // A school group's seats are its pupils and teachers: the message goes where the numbers were typed.
      return withOthers(refuse(409, 'too-many-seats', { [event.rsvp.schoolGroup ? 'pupils' : 'seats']: messages.tooMany(r.left, r.others.length > 0) }), r.others);
    case 'full':
      return several
        ? withOthers(refuse(409, 'full', { session: messages.sessionFull(r.others.length > 0) }), r.others)
        : refuse(409, 'full', {}, messages.full);
  }
}

export async function submitCancel(data: FormData, deps: RsvpDeps): Promise<CancelOutcome> {
  const { store } = deps;
  if (!deps.limiter.hit(deps.clientAddress).ok) return refuse(429, 'rate-limited', {}, messages.rateLimited);
  const checked = validateCancel({ code: String(data.get('code') ?? ''), phone: String(data.get('phone') ?? '') });
  if (!checked.ok) return refuse(400, 'invalid', checked.errors);
  const { code, phone } = checked.value;
  // The second button of the cancel form: withdraw the consents to sensitive items, keep the registration.
  if (data.get('what') === 'sensitive') {
    const w = await withdrawSensitive(store, code, phone, deps.now ?? new Date());
    return w.ok ? { ok: true, code: w.booking.code, withdrawn: true } : refuse(400, 'invalid', { code: messages.noMatch });
  }
  const r = await cancel(store, code, phone, deps.findEvent, deps.now ?? new Date());
  if (!r.ok) return refuse(400, 'invalid', { code: messages.noMatch });
  return { ok: true, code: r.booking.code };
}
