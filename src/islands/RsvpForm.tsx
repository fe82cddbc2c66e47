/**
 * The RSVP form. Rendered on the server as a plain HTML form that posts to the page (works with JS off); once
 * hydrated it checks the form with the same rules the server uses, on submit only, shows errors in place the
 * GOV.UK way, and sends the form through the `rsvp` Astro Action. If that call fails the form posts normally.
 * Budget (≤ 14 KB gzip of JS on the page): a class component, since preact/hooks would add about 1 KB; the Action is
 * called through a small fetch (lib/rsvp/action-client.ts), not Astro's 3.6 KB actions client; and the words of
 * each field (label, hint, which fields an event shows) come from the page as props (src/lib/rsvp/form-text.ts), so
 * they travel as HTML, not as script.
 */
import { Component, createRef, type ComponentChildren } from 'preact';
import { callAction } from '../lib/rsvp/action-client';
import type { FormText, SessionChoice } from '../lib/rsvp/form-text';
import { NOTICE_VERSION } from '../lib/rsvp/notice';
import { CANCEL_PATH, doneUrl, type Refusal, type RefusalReason, type RsvpOutcome } from '../lib/rsvp/outcome';
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
  /** Other sessions with room, offered after a full or closed session. */
  alternatives?: Refusal<RsvpField>['alternatives'];
  /** 提交报名, or 加入候补名单 when the event is full and keeps a waiting list. */
  submitLabel: string;
  /** The fields this event shows, with their words; a field without an entry is not shown. */
  text: FormText;
  /** The sessions to choose from (a radio group when there are several). */
  sessions: SessionChoice[];
  /** A school group's safety notice, shown above the box that acknowledges it. */
  safety?: string[] | undefined;
  /** The server clock when the page was made (ms): the months offered for a due month, and the island's checks. */
  now: number;
  /** The privacy notice (static HTML from the page), shown just above the consent box. */
  children?: ComponentChildren;
}

interface State {
  errors: FieldErrors;
  message?: string | undefined;
  reason?: RefusalReason | undefined;
  alternatives?: Refusal<RsvpField>['alternatives'];
  busy: boolean;
}

/** Attributes of the fields typed as text. */
const inputs: Partial<Record<RsvpField, Record<string, unknown>>> = {
  name: { autocomplete: 'name', maxLength: 30 },
  phone: { type: 'tel', autocomplete: 'tel-national', inputMode: 'tel', maxLength: 20 },
  school: { autocomplete: 'organization', maxLength: 40 },
  className: { maxLength: 20 },
  pupils: { inputMode: 'numeric', maxLength: 3, class: 'input-count' },
  teachers: { inputMode: 'numeric', maxLength: 3, class: 'input-count' },
  arrival: { type: 'time', class: 'input-count' },
};

const boxes = ['consent', 'consentChildren', 'consentDueMonth', 'safety'];

export default class RsvpForm extends Component<Props, State> {
  summary = createRef<HTMLDivElement>();
  focusSummary = false;

  constructor(props: Props) {
    super(props);
    this.state = { errors: props.errors, message: props.message, reason: props.reason, alternatives: props.alternatives, busy: false };
  }

  show(next: Omit<State, 'busy'>) {
    this.focusSummary = true;
    this.setState({ alternatives: undefined, ...next, busy: false });
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
    const v = p.values;
    const shown = fieldOrder.filter((f) => p.text[f]);
    const listed = shown.filter((f) => s.errors[f]);
    const err = (f: RsvpField) => s.errors[f];
    /** The id a session's radio carries: the first one carries the group's, so the summary's link focuses it. */
    const radioId = (id: string) => (p.sessions.findIndex((x) => x.id === id) ? `session-${id}` : 'session');
    const describe = (f: RsvpField) => [p.text[f]?.hint && `${f}-hint`, err(f) && `${f}-error`].filter(Boolean).join(' ') || undefined;
    const invalid = (f: RsvpField) => (err(f) ? 'true' : undefined);
    const hint = (f: RsvpField) =>
      p.text[f]?.hint && (
        <p id={`${f}-hint`} class="hint">
          {p.text[f]!.hint}
        </p>
      );
    const errorLine = (f: RsvpField) =>
      err(f) && (
        <p id={`${f}-error`} class="field-error">
          <span class="visually-hidden">错误：</span>
          {err(f)}
        </p>
      );
    const options = (values: string[], label: (x: string) => string) =>
      values.map((x) => (
        <option key={x} value={x}>
          {label(x)}
        </option>
      ));
    const count = (n: number) => Array.from({ length: n }, (_, i) => String(i));
    const cls = (f: RsvpField) => (err(f) ? 'field field-invalid' : 'field');

    const field = (f: RsvpField) => {
      const t = p.text[f]!;
      const a: Record<string, unknown> = { id: f, name: f, 'aria-describedby': describe(f), 'aria-invalid': invalid(f) };
      // Groups: a fieldset whose legend names them; the first control carries the group's id.
      if (f === 'session' || f === 'childAgeBands')
        return (
          <fieldset key={f} class={cls(f)}>
            <legend>{t.label}</legend>
            {hint(f)}
            {errorLine(f)}
            {f === 'session'
              ? p.sessions.map((x) => (
                  <div key={x.id} class="choice">
                    <input
                      type="radio"
                      id={radioId(x.id)}
                      name="session"
                      value={x.id}
                      defaultChecked={v.session === x.id}
                      disabled={x.disabled}
                      aria-describedby={describe(f)}
                      aria-invalid={invalid(f)}
                    />
                    <label for={radioId(x.id)}>{x.label}</label>
                  </div>
                ))
              : ageBands.map(([k, label], i) => (
                  <div key={k} class="age-band">
                    <label for={i ? k : f}>{label}</label>
                    <select id={i ? k : f} name={k} defaultValue={v[k] || '0'} aria-describedby={describe(f)} aria-invalid={invalid(f)}>
                      {options(count(p.rules.maxSeats), (n) => `${n}位`)}
                    </select>
                  </div>
                ))}
          </fieldset>
        );
      // Consent and acknowledgement boxes: unticked unless the reader ticked one before a refusal.
      if (boxes.includes(f))
        return (
          <div key={f} class={cls(f)}>
            {f === 'safety' && (
              <>
                <p id="safety-title">
                  <strong>安全须知</strong>
                </p>
                <ul class="safety-notice" aria-labelledby="safety-title">
                  {p.safety?.map((x) => <li key={x}>{x}</li>)}
                </ul>
              </>
            )}
            {errorLine(f)}
            <div class="checkbox">
              <input type="checkbox" {...a} value="yes" defaultChecked={v[f as 'consent'] === 'yes'} />
              <label for={f}>{t.label}</label>
            </div>
            {hint(f)}
          </div>
        );
      return (
        <div key={f} class={cls(f)}>
          <label for={f}>{t.label}</label>
          {hint(f)}
          {errorLine(f)}
          {f === 'seats' ? (
            <select {...a} defaultValue={v.seats || '1'}>
              {options(count(p.rules.maxSeats + 1).slice(1), (n) => `${n}位`)}
            </select>
          ) : f === 'dueMonth' ? (
            <select {...a} defaultValue={v.dueMonth ?? ''}>
              <option value="">不填</option>
              {options(dueMonths(new Date(p.now)), (m) => `${m.slice(0, 4)}年${+m.slice(5)}月`)}
            </select>
          ) : f === 'prepNote' ? (
            <textarea {...a} rows={3} maxLength={100} defaultValue={v.prepNote ?? ''} />
          ) : (
            <input type="text" {...a} {...inputs[f]} defaultValue={v[f as 'name'] ?? ''} />
          )}
        </div>
      );
    };

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
              {s.alternatives && (
                <ul class="alternatives">
                  {s.alternatives.map((x) => (
                    <li key={x.id}>
                      <a href={`#${radioId(x.id)}`}>{x.label}</a>
                    </li>
                  ))}
                </ul>
              )}
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
          {shown.flatMap((f) => (f === 'consent' ? [p.children, field(f)] : [field(f)]))}
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
