/**
 * The licence lookup (DESIGN §6). The form is a plain GET form to /verify/answer/, which the server answers with the
 * same matcher and the same answer markup (LicenceAnswer), so it works without JavaScript and a shared link shows
 * its answer in the HTML. With JavaScript the island answers at once from the index it fetched, puts that
 * shareable URL in the address bar, brings the answer into view and moves focus to its heading. The server's answer
 * stays, as sent, until the reader asks again. The input is uncontrolled: text typed before hydration stays.
 * It also registers the service worker that keeps the check working offline. Mounted by VerifyPage.astro's script.
 */
import { Component, createRef } from 'preact';
import { lookup, prepare } from '../lib/licence/match';
import type { LicenceIndex, LookupResult } from '../lib/licence/types';
import LicenceAnswer, { type AnswerData, type Help } from './LicenceAnswer';

type Prepared = ReturnType<typeof prepare>;

/** Where a query is answered by the server (src/pages/verify/answer.astro); also the shareable URL. */
export const ANSWER_PATH = '/verify/answer/';

interface Props extends Help {
  /** Where the lookup index lives (built at build time by src/lib/licence/index-builder.ts). */
  indexUrl: string;
  /** The query the server answered (on /verify/answer/), shown in the box. */
  query?: string;
  /** On the server: the answer to `query`, rendered into the page. */
  answer?: { text: string; r: LookupResult; data: AnswerData };
  /** In the browser: that answer's HTML as the server sent it, kept until the reader asks again. */
  kept?: string;
}

interface State {
  lk: Prepared | null;
  failed: boolean;
  /** A query asked for before the index has arrived; answered as soon as it does. */
  pending: string | null;
  shown: { text: string; r: LookupResult } | null;
}

// A class component: preact/hooks would add about 1 KB gzip to a page whose JavaScript budget is 14 KB.
export default class LicenceLookup extends Component<Props, State> {
  input = createRef<HTMLInputElement>();
  result = createRef<HTMLDivElement>();
  /** Set by 查询: once the answer is on screen, bring it into view and focus its heading. */
  reveal = false;
  override state: State = { lk: null, failed: false, pending: null, shown: null };

  override componentDidMount() {
    const el = this.input.current!;
    const fromUrl = new URLSearchParams(location.search).get('q');
    // A link to /verify/?q=… (shared before the server answered), or /verify/answer/ served from the offline copy:
    // answer it here. Text typed before hydration belongs to the reader: keep it and wait for 查询.
    if (this.props.query === undefined && fromUrl !== null && !el.value) {
      el.value = fromUrl;
      this.setState({ pending: fromUrl });
    }
    el.form!.dataset.ready = '';
    navigator.serviceWorker?.register('/verify/sw.js', { scope: '/verify/' }).catch(() => {});
    fetch(this.props.indexUrl)
      .then((res) => (res.ok ? res.json() : Promise.reject(new Error(String(res.status)))))
      .then((data: LicenceIndex) => this.answer(prepare(data), this.state.pending))
      .catch(() => this.setState({ failed: true }));
  }

  override componentDidUpdate() {
    const h = this.result.current?.querySelector<HTMLElement>('.verdict-h');
    if (!this.reveal || !h) return;
    this.reveal = false;
    const box = h.getBoundingClientRect();
    if (box.top < 0 || box.bottom > innerHeight) h.scrollIntoView();
    // A reader already inside the answer (a screen reader's focus on it, say) stays where they are.
    if (!this.result.current!.contains(document.activeElement)) h.focus({ preventScroll: true });
  }

  /** Shows the answer to `text` once the index is there; until then keeps it pending. */
  answer(lk: Prepared | null, text: string | null) {
    if (!lk) return this.setState({ pending: text });
    this.setState({ lk, pending: null, shown: text === null ? this.state.shown : { text, r: lookup(text, lk) } });
  }

  submit = (e: Event) => {
    // Without the index the server answers: the form submits as it would without JavaScript.
    if (this.state.failed) return;
    e.preventDefault();
    const text = this.input.current!.value;
    this.reveal = true;
    window.speechSynthesis?.cancel();
    this.answer(this.state.lk, text);
    // #answer: a shared copy of this link opens at the answer, as a submitted form does.
    history.replaceState(null, '', text.trim() ? `${ANSWER_PATH}?q=${encodeURIComponent(text)}#answer` : '/verify/');
  };

  override render({ hotlines, reportTo, query, answer, kept }: Props, { lk, failed, pending, shown }: State) {
    const live = shown && lk ? { ...shown, data: lk.index } : pending === null ? answer : undefined;
    const keep = !live && pending === null && kept;
    return (
      <form class="lookup" action={`${ANSWER_PATH}#answer`} method="get" role="search" aria-label="脐血库资质查询" onSubmit={this.submit}>
        <label for="licence-q">输入机构名称、许可证号或所在省市</label>
        <div class="lookup-row">
          <input id="licence-q" name="q" type="search" ref={this.input} defaultValue={query} autocomplete="off" enterkeyhint="search" />
          <button type="submit">查询</button>
        </div>
        <p class="lookup-status" role="status">
          {failed && pending !== null && (
            <>
              查询数据没有载入成功。请直接对照下面的<a href="#banks">持证脐血库名单</a>，或稍后刷新页面再试。
            </>
          )}
          {!failed && pending !== null && '正在载入查询数据…'}
        </p>
        <div class="lookup-result" id="answer" ref={this.result} dangerouslySetInnerHTML={keep ? { __html: keep } : undefined}>
          {live && <LicenceAnswer text={live.text} r={live.r} data={live.data} hotlines={hotlines} reportTo={reportTo} />}
        </div>
      </form>
    );
  }
}
