/**
 * The licence lookup (DESIGN §6). The form is a plain GET form, so without JavaScript it still submits to /verify/
 * (where the table answers); with JavaScript the answer appears in a live region and the query goes into the URL,
 * so a reload or a shared link shows the same answer. The input is uncontrolled: text typed before hydration stays.
 */
import { Component, createRef, Fragment, type JSX } from 'preact';
import { lookup, prepare } from '../lib/licence/match';
import type { IndexBank, IndexProvince, LicenceIndex, LookupResult } from '../lib/licence/types';

type Prepared = ReturnType<typeof prepare>;

interface Hotline {
  number: string;
  label: string;
}

interface Props {
  /** Where the lookup index lives (built at build time by src/lib/licence/index-builder.ts). */
  indexUrl: string;
  /** National hotlines, from content/data/site.json. */
  hotlines: Hotline[];
  /** Where to report, from content/data/site.json. */
  reportTo: string;
}

type Help = Pick<Props, 'hotlines' | 'reportTo'>;

const q = (s: string) => `「${s}」`;
/** What the reader typed, as echoed in the answer's heading (a pasted page would drown it). */
const echo = (s: string) => q(s.trim().length > 40 ? `${s.trim().slice(0, 40)}…` : s.trim());
const bankLink = (b: IndexBank) => <a href={`#bank-${b.id}`}>{b.name}</a>;

function ProvinceLine({ p, banks }: { p: IndexProvince; banks: IndexBank[] }) {
  const bank = banks[p.bank];
  if (!p.mainland) return <li>{p.name}不适用内地的《血站执业许可证》制度，本站无法查验当地机构。</li>;
  if (!bank) {
    return (
      <li>
        {p.name}没有持证的脐血库。{banks.length}家持证脐血库只能在各自获准的省（市）采集，不能到{p.name}采集。
      </li>
    );
  }
  return (
    <li>
      {p.name}持证的脐血库是{bankLink(bank)}。在{p.name}，只有它可以采集脐带血。
    </li>
  );
}

/** Who may collect in each named province (indices into `provinces`). */
function ProvinceList({ ids, provinces, banks }: { ids: number[]; provinces: IndexProvince[]; banks: IndexBank[] }) {
  return (
    <ul>
      {ids.map((p) => (
        <ProvinceLine key={p} p={provinces[p]!} banks={banks} />
      ))}
    </ul>
  );
}

function WhatToDo({ hotlines, reportTo, count }: Help & { count: number }) {
  return (
    <>
      <p>请这样做：</p>
      <ol>
        <li>请对方出示《血站执业许可证》。</li>
        <li>
          核对许可证上的名称，是否与<a href="#banks">{count}家持证脐血库名单</a>里的正式名称一字不差，采集地是否在它获准的地区内。
        </li>
        <li>
          拿不准，请打
          {hotlines.map((h, i) => (
            <Fragment key={h.number}>
              {i ? '或' : ''}
              <a href={`tel:${h.number}`}>{h.number}</a>
            </Fragment>
          ))}
          ，或问{reportTo}。
        </li>
      </ol>
    </>
  );
}

function Answer({ text, r, banks, provinces, ...help }: Help & {
  text: string;
  r: LookupResult;
  banks: IndexBank[];
  provinces: IndexProvince[];
}) {
  let title: string;
  let body: JSX.Element;
  if (r.verdict === 'empty') {
    title = '请输入要查的内容';
    body = <p>输入机构名称、许可证号或所在省市，再按「查询」。</p>;
  } else if (r.verdict === 'area') {
    title = `${r.provinces.map((p) => provinces[p]!.name).join('、')}：谁可以采集脐带血`;
    body = (
      <>
        <ProvinceList ids={r.provinces} provinces={provinces} banks={banks} />
        <WhatToDo {...help} count={banks.length} />
      </>
    );
  } else if (r.verdict === 'licensed') {
    const b = banks[r.bank]!;
    title = `${echo(text)}是持证脐血库的${r.via === 'number' ? '文号' : '名称'}`;
    body = (
      <>
        <p>
          {r.via === 'number' ? '这是它的文号' : r.via === 'name' ? '这是它的正式名称' : '这是它的简称或拼音'}
          ，对应{bankLink(b)}。{r.via !== 'number' && r.via !== 'name' && '简称是常用的叫法，不是冒名。'}
        </p>
        <dl>
          <dt>正式名称</dt>
          <dd>{b.name}</dd>
          <dt>获准采集地区</dt>
          <dd>{b.area}</dd>
          {b.sponsors.length > 0 && (
            <>
              <dt>设置或组建单位</dt>
              <dd>{b.sponsors.join('、')}</dd>
            </>
          )}
          {b.operator && (
            <>
              <dt>运营单位</dt>
              <dd>{b.operator}</dd>
            </>
          )}
        </dl>
        <p>名称对得上还不够。请看对方的《血站执业许可证》：</p>
        <ol>
          <li>许可证上的机构名称必须是正式名称{q(b.name)}，一字不差；</li>
          <li>采集地必须在{b.area}内；</li>
          <li>
            对方确实代表这家脐血库。拿不准，请打{help.hotlines[0]?.number}或问{help.reportTo}。
          </li>
        </ol>
      </>
    );
  } else {
    const near = r.nearest === null ? undefined : banks[r.nearest];
    const org = r.org === null ? undefined : banks[r.org];
    title = r.number ? `${echo(text)}不在本站核实过的编号中` : `${echo(text)}不是持证脐血库`;
    body = (
      <>
        {org ? (
          <>
            <p>
              它是{bankLink(org)}的设置或组建单位，但它本身不是脐血库。能采集、储存脐带血的，是持有《血站执业许可证》的脐血库。
            </p>
            <p>如果您的合同上写的是它：</p>
            <ol>
              <li>合同上应当写明{q(org.name)}，写清楚脐带血由它采集和保存；</li>
              <li>请对方出示《血站执业许可证》，证上的机构名称应当是{q(org.name)}；</li>
              <li>采集和储存都必须在{org.area}内。</li>
            </ol>
          </>
        ) : r.number ? (
          <p>本站只列出已核实的编号。多数脐血库的编号本站未能核实，请以许可证原件和卫健委的答复为准。</p>
        ) : (
          <p>全国只有{banks.length}家持证脐血库。对方用的名称，要与名单里的正式名称或简称完全一致。</p>
        )}
        {near && r.extra.length > 0 && (
          <p>
            它在{q(near.name)}的名称上多了{r.extra.map(q).join('')}。加了字的名称，不是这家脐血库本身。
          </p>
        )}
        {r.flags.length > 0 && (
          <p>
            名称里有{r.flags.map(q).join('')}。持证脐血库的正式名称都是「××省（市）脐带血造血干细胞库」。
          </p>
        )}
        {near && !org && (
          <p>
            您可能想找：{bankLink(near)}（{near.area}）。
          </p>
        )}
        {r.provinces.length > 0 && <ProvinceList ids={r.provinces} provinces={provinces} banks={banks} />}
        <WhatToDo {...help} count={banks.length} />
      </>
    );
  }
  return (
    <div class={`verdict verdict-${r.verdict}`} data-verdict={r.verdict}>
      <h3>{title}</h3>
      {body}
    </div>
  );
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
  override state: State = { lk: null, failed: false, pending: null, shown: null };

  override componentDidMount() {
    const el = this.input.current!;
    const fromUrl = new URLSearchParams(location.search).get('q');
    // Text typed before hydration belongs to the reader: keep it and wait for 查询.
    if (fromUrl !== null && !el.value) {
      el.value = fromUrl;
      this.setState({ pending: fromUrl });
    }
    fetch(this.props.indexUrl)
      .then((res) => (res.ok ? res.json() : Promise.reject(new Error(String(res.status)))))
      .then((data: LicenceIndex) => this.answer(prepare(data), this.state.pending))
      .catch(() => this.setState({ failed: true }));
  }

  /** Shows the answer to `text` once the index is there; until then keeps it pending. */
  answer(lk: Prepared | null, text: string | null) {
    if (!lk) return this.setState({ pending: text });
    this.setState({ lk, pending: null, shown: text === null ? this.state.shown : { text, r: lookup(text, lk) } });
  }

  submit = (e: Event) => {
    e.preventDefault();
    const text = this.input.current!.value;
    this.answer(this.state.lk, text);
    history.replaceState(null, '', text.trim() ? `${location.pathname}?q=${encodeURIComponent(text)}` : location.pathname);
  };

  override render({ hotlines, reportTo }: Props, { lk, failed, pending, shown }: State) {
    return (
      <form class="lookup" action="/verify/" method="get" role="search" aria-label="脐血库资质查询" onSubmit={this.submit}>
        <label for="licence-q">输入机构名称、许可证号或所在省市</label>
        <div class="lookup-row">
          <input id="licence-q" name="q" type="search" ref={this.input} autocomplete="off" enterkeyhint="search" />
          <button type="submit">查询</button>
        </div>
        <div class="lookup-result" aria-live="polite">
          {failed && (
            <p>
              查询数据没有载入成功。请直接对照下面的<a href="#banks">持证脐血库名单</a>，或稍后刷新页面再试。
            </p>
          )}
          {!failed && pending !== null && <p>正在载入查询数据…</p>}
          {shown && lk && (
            <Answer text={shown.text} r={shown.r} banks={lk.index.banks} provinces={lk.index.provinces} hotlines={hotlines} reportTo={reportTo} />
          )}
        </div>
      </form>
    );
  }
}
