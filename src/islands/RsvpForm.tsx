/**
 * The RSVP form. Rendered on the server as a plain HTML form that posts to the page (works with JS off); once
 * hydrated it checks the form with the same rules the server uses, on submit only, shows errors in place the
 * GOV.UK way, and sends the form through the `rsvp` Astro Action. If that call fails the form posts normally.
 * Budget (≤ 14 KB gzip of JS on the page): a class component, since preact/hooks would add about 1 KB; and the
 * Action is called through a small fetch (lib/rsvp/action-client.ts), not Astro's 3.6 KB actions client.
 */
import { Component, createRef, type ComponentChildren } from 'preact';
import { callAction } from '../lib/rsvp/action-client';
import { NOTICE_VERSION, sensitivePurpose } from '../lib/rsvp/notice';
import { CANCEL_PATH, doneUrl, type RefusalReason, type RsvpOutcome } from '../lib/rsvp/outcome';
import {
  ageBands,
  dueMonths,
  fieldOrder,
  readForm,
  rsvpMessages,
  validateRsvp,
  type FieldErrors,
  type RsvpField,
  type RsvpForm as FormValues,
  type RsvpRules,
} from '../lib/rsvp/validate';

export interface Props {
  /** The action's form target (`actions.rsvp` as a string: `?_action=rsvp`). */
  action: string;
  event: string;
  rules: RsvpRules;
  /** Idempotency token: one per form shown, so a double submit books once. */
  token: string;
  /** Values to put back after a no-JS submission with errors. */
  values: Partial<FormValues>;
  errors: FieldErrors;
  message?: string | undefined;
  reason?: RefusalReason | undefined;
  /** 提交报名, or 加入候补名单 when the event is full and keeps a waiting list. */
  submitLabel: string;
  /** School visits: seats are pupils and teachers. */
  seatsHint: string;
  /** The server clock when the page was made (ms): the months offered for a due month, and the island's checks. */
  now: number;
  /** Days after the event that registrations are kept (RSVP_RETENTION_DAYS), said at each consent box. */
  retentionDays: number;
  /** The privacy notice (static HTML from the page), shown just above the consent box. */
  children?: ComponentChildren;
}

interface State {
  errors: FieldErrors;
  message?: string | undefined;
  reason?: RefusalReason | undefined;
  busy: boolean;
}

const labels: Partial<Record<RsvpField, string>> = {
  name: '姓名',
  phone: '手机号',
  seats: '人数',
  school: '学校',
  className: '年级和班级',
  dueMonth: '预产月（选填）',
};

export default class RsvpForm extends Component<Props, State> {
  summary = createRef<HTMLDivElement>();
  focusSummary = false;

  constructor(props: Props) {
    super(props);
    this.state = { errors: props.errors, message: props.message, reason: props.reason, busy: false };
  }

  show(next: Omit<State, 'busy'>) {
    this.focusSummary = true;
    this.setState({ ...next, busy: false });
    document.title = `错误：${document.title.replace(/^错误：/, '')}`;
  }

  override componentDidUpdate() {
    if (this.focusSummary) this.summary.current?.focus();
    this.focusSummary = false;
  }

  submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (this.state.busy) return;
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const checked = validateRsvp(readForm(data), this.props.rules, new Date(this.props.now));
    if (!checked.ok) return this.show({ errors: checked.errors, reason: 'invalid' });
    this.setState({ busy: true });
    try {
      const out = (await callAction('rsvp', data)) as RsvpOutcome;
      if (out.ok) return location.assign(doneUrl(out.event, out.code));
      // The notice changed since this page was made: the plain post brings the new one, with the boxes unticked.
      if (out.errors.consent === rsvpMessages.noticeChanged) return form.submit();
      this.show(out);
    } catch {
      // Network or server trouble: post the form the plain way; the token keeps it from booking twice.
      form.submit();
    }
  };

  override render(p: Props, s: State) {
    const asks = (f: string) => (p.rules.fields as readonly string[]).includes(f);
    const v = p.values;
    const listed = fieldOrder.filter((f) => s.errors[f]);
    const err = (f: keyof FieldErrors) => s.errors[f];
    const describe = (f: string, hint: boolean) =>
      [hint && `${f}-hint`, err(f as keyof FieldErrors) && `${f}-error`].filter(Boolean).join(' ') || undefined;
    const errorLine = (f: keyof FieldErrors) =>
      err(f) && (
        <p id={`${f}-error`} class="field-error">
          <span class="visually-hidden">错误：</span>
          {err(f)}
        </p>
      );
    const field = (f: keyof FieldErrors, hint: string | null, control: (a: Record<string, unknown>) => ComponentChildren) => (
      <div class={err(f) ? 'field field-invalid' : 'field'}>
        <label for={f}>{labels[f]}</label>
        {hint && (
          <p id={`${f}-hint`} class="hint">
            {hint}
          </p>
        )}
        {errorLine(f)}
        {control({ id: f, name: f, 'aria-describedby': describe(f, Boolean(hint)), 'aria-invalid': err(f) ? 'true' : undefined })}
      </div>
    );
    const text = (a: Record<string, unknown>, value: string | undefined, extra: Record<string, unknown> = {}) => (
      <input type="text" {...a} {...extra} defaultValue={value ?? ''} />
    );
    const options = (values: string[], label: (x: string) => string) =>
      values.map((x) => (
        <option key={x} value={x}>
          {label(x)}
        </option>
      ));
    const count = (n: number) => Array.from({ length: n }, (_, i) => String(i));
    const kept = `活动结束${p.retentionDays}天后删除`;
    /** A consent box: unticked unless the reader ticked it before a refusal; the hint says what it means. */
    const checkbox = (f: 'consent' | 'consentChildren' | 'consentDueMonth', label: string, hint: string | null) => (
      <div class={err(f) ? 'field field-invalid' : 'field'}>
        {errorLine(f)}
        <div class="checkbox">
          <input
            type="checkbox"
            id={f}
            name={f}
            value="yes"
            defaultChecked={v[f] === 'yes'}
            aria-describedby={describe(f, Boolean(hint))}
            aria-invalid={err(f) ? 'true' : undefined}
          />
          <label for={f}>{label}</label>
        </div>
        {hint && (
          <p id={`${f}-hint`} class="hint">
            {hint}
          </p>
        )}
      </div>
    );

    return (
      <div>
        {(listed.length > 0 || s.message) && (
          <div class="error-summary" ref={this.summary} tabIndex={-1} autofocus aria-labelledby="error-summary-title">
            <div role="alert">
              <h2 id="error-summary-title">请更正以下问题</h2>
              <ul>
                {s.message && <li>{s.message}</li>}
                {listed.map((f) => (
                  <li key={f}>
                    <a href={`#${f}`}>{s.errors[f]}</a>
                  </li>
                ))}
              </ul>
              {s.reason === 'duplicate' && (
                <p>
                  <a href={CANCEL_PATH}>去取消原来的报名</a>
                </p>
              )}
            </div>
          </div>
        )}
        <form method="post" action={p.action} novalidate onSubmit={this.submit} class="rsvp-form">
          <input type="hidden" name="event" value={p.event} />
          <input type="hidden" name="token" value={p.token} />
          <input type="hidden" name="notice" value={NOTICE_VERSION} />
          {field('name', '报名人的姓名。孩子参加的，请写家长或监护人的姓名。', (a) => text(a, v.name, { autocomplete: 'name', maxLength: 30 }))}
          {field('phone', '11位手机号。只用于活动当天核对和活动有变动时联系您。', (a) =>
            text(a, v.phone, { type: 'tel', autocomplete: 'tel-national', inputMode: 'tel', maxLength: 20 }),
          )}
          {field('seats', p.seatsHint, (a) => (
            <select {...a} defaultValue={v.seats || '1'}>
              {options(count(p.rules.maxSeats + 1).slice(1), (n) => `${n}位`)}
            </select>
          ))}
          {asks('childAgeBands') && (
            <>
              {/* The group's first select carries the group's id: the error summary's link focuses it. */}
              <fieldset class={err('childAgeBands') ? 'field field-invalid' : 'field'}>
                <legend>同来孩子的年龄段（选填）</legend>
                <p id="childAgeBands-hint" class="hint">
                  每个年龄段有几个孩子同来。孩子也算在人数里，还要至少1位大人陪同。不问孩子的姓名和生日。不填也能报名。
                </p>
                {errorLine('childAgeBands')}
                {ageBands.map(([k, label], i) => (
                  <div key={k} class="age-band">
                    <label for={i ? k : 'childAgeBands'}>{label}</label>
                    <select
                      id={i ? k : 'childAgeBands'}
                      name={k}
                      defaultValue={v[k] || '0'}
                      aria-describedby={describe('childAgeBands', true)}
                      aria-invalid={err('childAgeBands') ? 'true' : undefined}
                    >
                      {options(count(p.rules.maxSeats), (n) => `${n}位`)}
                    </select>
                  </div>
                ))}
              </fieldset>
              {checkbox(
                'consentChildren',
                `我是这些孩子的父母或其他监护人，同意提供孩子的年龄段，只用于${sensitivePurpose.childAgeBands}，${kept}。`,
                '未满14周岁孩子的信息要特别保护，须由父母或其他监护人单独同意。不同意的，把年龄段都选0位，照样可以报名。',
              )}
            </>
          )}
          {asks('school') && field('school', '请写学校全称。', (a) => text(a, v.school, { autocomplete: 'organization', maxLength: 40 }))}
          {asks('className') && field('className', '例如：五年级二班。', (a) => text(a, v.className, { maxLength: 20 }))}
          {asks('dueMonth') && (
            <>
              {field('dueMonth', '宝宝预计在哪个月出生。不填也能报名。', (a) => (
                <select {...a} defaultValue={v.dueMonth ?? ''}>
                  <option value="">不填</option>
                  {options(dueMonths(new Date(p.now)), (m) => `${m.slice(0, 4)}年${+m.slice(5)}月`)}
                </select>
              ))}
              {checkbox(
                'consentDueMonth',
                `我同意提供预产月，只用于${sensitivePurpose.dueMonth}，${kept}。`,
                '预产月属于健康信息，要特别保护，须经您单独同意。不同意的，预产月选「不填」，照样可以报名。',
              )}
            </>
          )}
          {p.children}
          {checkbox('consent', '我已阅读上面的隐私说明，同意按说明使用我填写的报名信息。', null)}
          {/* Honeypot: invisible to people and screen readers; bots that fill every field give themselves away. */}
          <div class="visually-hidden" aria-hidden="true">
            <label for="website">网站（请留空）</label>
            <input type="text" id="website" name="website" tabIndex={-1} autocomplete="off" />
          </div>
          <button type="submit">{s.busy ? '正在提交…' : p.submitLabel}</button>
        </form>
      </div>
    );
  }
}
