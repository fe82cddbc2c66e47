/**
 * The licence lookup's answer (DESIGN §6): the one markup for every verdict, rendered by the island in the browser
 * and by the server for a submitted or shared query (src/pages/verify/answer.astro), so both say the same thing
 * with the same `data-verdict`. Each verdict opens with its own icon and a plain first line (是持证脐血库 /
 * 不是持证脐血库 / a place / a number the site cannot confirm), then the next steps that fit it.
 */
import { Fragment } from 'preact';
import type { IndexBank, IndexProvince, LookupResult } from '../lib/licence/types';
import ReadAloudButtons from './ReadAloudButtons';

interface Hotline {
  number: string;
  label: string;
}

/** Where to call and report, from content/data/site.json. */
export interface Help {
  hotlines: Hotline[];
  reportTo: string;
}

/** The parts of the index an answer shows (a province needs only its name, bank and whether it is mainland). */
export interface AnswerData {
  banks: IndexBank[];
  provinces: Pick<IndexProvince, 'name' | 'bank' | 'mainland'>[];
}

type Province = AnswerData['provinces'][number];

const q = (s: string) => `「${s}」`;
/** What the reader typed, as echoed under the verdict (a pasted page would drown it). */
const echo = (s: string) => q(s.trim().length > 40 ? `${s.trim().slice(0, 40)}…` : s.trim());
const bankLink = (b: IndexBank) => <a href={`#bank-${b.id}`}>{b.name}</a>;
const ring = 'M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20';
/** One outline icon per kind of answer; the first line beside it says the same in words. */
const icons = {
  yes: `${ring}M7 12.5l3.2 3.2L17 9`,
  no: `${ring}M8 8l8 8m0-8l-8 8`,
  unknown: `${ring}M9.5 9.5a2.5 2.5 0 1 1 3.6 2.2c-.7.4-1.1 1-1.1 1.8M12 17h.01`,
  area: 'M12 22s7-6.3 7-12a7 7 0 0 0-14 0c0 5.7 7 12 7 12zm0-14.5a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5',
  empty: `${ring}M12 11v6M12 7h.01`,
};

function Calls({ hotlines, reportTo }: Help) {
  return (
    <>
      打
      {hotlines.map((h, i) => (
        <Fragment key={h.number}>
          {i ? '或' : ''}
          <a href={`tel:${h.number}`}>{h.number}</a>
        </Fragment>
      ))}
      ，或问{reportTo}
    </>
  );
}

function ProvinceLine({ p, banks }: { p: Province; banks: IndexBank[] }) {
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
function ProvinceList({ ids, data }: { ids: number[]; data: AnswerData }) {
  return (
    <ul>
      {ids.map((p) => (
        <ProvinceLine key={p} p={data.provinces[p]!} banks={data.banks} />
      ))}
    </ul>
  );
}

/** The checks anyone can make, with the list of licensed names one tap away. */
function Checks({ help, count }: { help: Help; count: number }) {
  return (
    <>
      <p>请这样做：</p>
      <ol>
        <li>请对方出示《血站执业许可证》。</li>
        <li>
          核对许可证上的名称，是否与<a href="#banks">{count}家持证脐血库名单</a>里的正式名称一字不差，采集地是否在它获准的地区内。
        </li>
        <li>
          拿不准，请<Calls {...help} />。
        </li>
      </ol>
    </>
  );
}

/** For a name that is not a licensed bank: whom to tell (FACTS §3: 12320, 12345, the local health commission). */
function Report({ hotlines, reportTo }: Help) {
  return (
    <>
      <h4>怎样举报</h4>
      <p>发现有人无证采集脐带血、推销脐带血储存，可以举报：</p>
      <ul>
        {hotlines.map((h) => (
          <li key={h.number}>
            打<a href={`tel:${h.number}`}>{h.number}</a>（{h.label}）；
          </li>
        ))}
        <li>向{reportTo}反映。</li>
      </ul>
    </>
  );
}

/** For a licensed bank: what to read on the licence and on the contract before signing. */
function LicensedChecks({ b, help }: { b: IndexBank; help: Help }) {
  return (
    <>
      <h4>签约前，请核对许可证和合同</h4>
      <p>名称对得上还不够。请看对方的《血站执业许可证》：</p>
      <ol>
        <li>许可证上的机构名称必须是正式名称{q(b.name)}，一字不差；</li>
        <li>采集地必须在{b.area}内；</li>
        <li>对方确实代表这家脐血库。拿不准，请<Calls {...help} />。</li>
      </ol>
      <p>再看合同：</p>
      <ol>
        <li>合同上写明{q(b.name)}，写清楚脐带血由它采集和保存；</li>
        <li>采集和储存都在{b.area}内；</li>
        <li>收费项目、金额和退费办法都写在合同里，看懂了再签字、付款。</li>
      </ol>
    </>
  );
}

function Facts({ b }: { b: IndexBank }) {
  return (
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
  );
}

interface Props extends Help {
  /** What the reader asked, as typed. */
  text: string;
  r: LookupResult;
  data: AnswerData;
}

/** The answer's icon, its plain first line, and the query echoed under it; also the answer page's title. */
export function headline(text: string, r: LookupResult, data: AnswerData): { icon: keyof typeof icons; line: string; sub?: string } {
  if (r.verdict === 'empty') return { icon: 'empty', line: '请输入要查的内容' };
  const sub = echo(text);
  if (r.verdict === 'area') return { icon: 'area', line: `${r.provinces.map((p) => data.provinces[p]!.name).join('、')}：谁可以采集脐带血`, sub };
  if (r.verdict === 'licensed') return { icon: 'yes', line: r.via === 'number' ? '是持证脐血库的文号' : '是持证脐血库', sub };
  return r.number ? { icon: 'unknown', line: '本站查不到这个编号', sub } : { icon: 'no', line: '不是持证脐血库', sub };
}

function Body({ r, data, help }: { r: LookupResult; data: AnswerData; help: Help }) {
  const { banks } = data;
  if (r.verdict === 'empty') return <p>输入机构名称、许可证号或所在省市，再按「查询」。</p>;
  if (r.verdict === 'area') {
    return (
      <>
        <ProvinceList ids={r.provinces} data={data} />
        <Checks help={help} count={banks.length} />
      </>
    );
  }
  if (r.verdict === 'licensed') {
    const b = banks[r.bank]!;
    return (
      <>
        <p>
          {r.via === 'number' ? '这是它的文号' : r.via === 'name' ? '这是它的正式名称' : '这是它的简称或拼音'}
          ，对应{bankLink(b)}。{r.via !== 'number' && r.via !== 'name' && '简称是常用的叫法，不是冒名。'}
        </p>
        <Facts b={b} />
        <LicensedChecks b={b} help={help} />
      </>
    );
  }
  const near = r.nearest === null ? undefined : banks[r.nearest];
  const org = r.org === null ? undefined : banks[r.org];
  return (
    <>
      <p class="verdict-stop">
        {org ? '签约、付款之前，先核对下面三点。' : r.number ? '核实之前，不要签约、不要付款。' : '不要签约、不要付款。'}
      </p>
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
      {r.provinces.length > 0 && <ProvinceList ids={r.provinces} data={data} />}
      <Checks help={help} count={banks.length} />
      {!org && <Report {...help} />}
    </>
  );
}

interface Props extends Help {
  /** What the reader asked, as typed. */
  text: string;
  r: LookupResult;
  data: AnswerData;
}

export default function LicenceAnswer({ text, r, data, ...help }: Props) {
  const { icon, line, sub } = headline(text, r, data);
  return (
    <div class={`verdict verdict-${r.verdict}`} data-verdict={r.verdict} data-read="">
      <h3 class="verdict-h" tabIndex={-1}>
        <svg class={`verdict-icon icon-${icon}`} viewBox="0 0 24 24" aria-hidden="true">
          <path d={icons[icon]} />
        </svg>
        {/* elementtiming: when the verdict is painted (bench/verify-slow.mjs reports it). */}
        <span class="verdict-line" elementtiming="verdict">
          {line}
        </span>
        {sub && <span class="verdict-q">{sub}</span>}
      </h3>
      <ReadAloudButtons />
      <Body r={r} data={data} help={help} />
    </div>
  );
}
