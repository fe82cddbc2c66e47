import type { AstroIntegration } from 'astro';
import { readCollection, readData } from './content-files.ts';

/**
 * Everything the bank must confirm before the site goes live, read from the content files (the `unconfirmed`
 * marks of src/lib/unconfirmed.ts, plus what a launch cannot do without: the ICP and 公网安备 numbers, a privacy
 * contact channel, the public address). `npm run confirm-list` prints the list; `LAUNCH=1 npm run build` refuses
 * to build while it is not empty (the integration below).
 */
export interface ConfirmItem {
  /** Where a reader meets the value: a path on the site, or a description such as 全站页脚. */
  page: string;
  /** The file to edit, relative to the content root (or an environment variable). */
  file: string;
  /** The field's path in that file. */
  field: string;
  /** What the bank must confirm or give. */
  note: string;
}

type Marked = { id?: string; unconfirmed?: Record<string, string> };

/** The site path of an entry of each page-making collection. */
const collectionPages: Record<string, (id: string) => string> = {
  articles: (id) => `/learn/${id}/`,
  events: (id) => `/events/${id}/`,
  charity: (id) => `/charity/${id}/`,
  lessons: (id) => `/schools/${id}/`,
  news: (id) => `/news/${id}/`,
};

/** Where the entries of each data file appear. */
const dataPages: Record<string, (id: string) => string> = {
  'reviewers.yaml': () => '/learn/ 下署名该审核人的每篇文章',
  'figures.yaml': (id) => `引用数字「${id}」的页面（首页、/about/、文章、公益项目）`,
  'faq.yaml': (id) => `/faq/#${id}`,
  'timeline.yaml': () => '/about/',
  'glossary.yaml': (id) => `/glossary/#${id}`,
  'banks.yaml': (id) => `/verify/#bank-${id}`,
};

const marks = (page: string, file: string, e: Marked): ConfirmItem[] =>
  Object.entries(e.unconfirmed ?? {}).map(([field, note]) => ({ page, file, field, note }));

interface SiteJson extends Marked {
  filing?: { icp?: string; publicSecurity?: string };
  privacyContact?: { phone?: string; email?: string };
}

/** Every item to confirm under the content root `root`, in page order. `siteUrl` is the address the build is for. */
export function collectUnconfirmed(root: string, siteUrl?: string): ConfirmItem[] {
  const items: ConfirmItem[] = [];
  for (const [folder, page] of Object.entries(collectionPages)) {
    for (const f of readCollection<Marked>(root, folder)) items.push(...marks(page(f.id), f.file, f.data));
  }
  for (const [file, page] of Object.entries(dataPages)) {
    for (const e of readData<Marked[]>(root, file) ?? []) items.push(...marks(page(e.id ?? ''), `data/${file}`, e));
  }

  const site = readData<SiteJson>(root, 'site.json');
  const sitePage = '全站页脚、/about/、/privacy/、报名页的隐私说明';
  items.push(...marks(sitePage, 'data/site.json', site));
  if (!site.filing?.icp) items.push({ page: '全站页脚', file: 'data/site.json', field: 'filing.icp', note: '缺少ICP备案号（例：鲁ICP备12345678号-1）' });
  if (!site.filing?.publicSecurity) {
    items.push({ page: '全站页脚', file: 'data/site.json', field: 'filing.publicSecurity', note: '缺少公网安备号（例：鲁公网安备37010202000001号）' });
  }
  if (!site.privacyContact?.phone && !site.privacyContact?.email) {
    items.push({ page: '/privacy/、报名页的隐私说明', file: 'data/site.json', field: 'privacyContact', note: '缺少受理个人信息问题的电话或电子邮箱（《个人信息保护法》第十七条）' });
  }
  if (siteUrl !== undefined && (!siteUrl || /\.example(\.|\/|$)/.test(new URL(siteUrl).hostname))) {
    items.push({ page: '全站（规范网址、站点地图、海报二维码）', file: '环境变量 SITE_URL', field: 'SITE_URL', note: `网站的正式地址（现在是 ${siteUrl || '空'}）` });
  }
  return items;
}

/** The list as `npm run confirm-list` prints it: grouped by page, each line file · field · what to confirm. */
export function formatConfirmList(items: readonly ConfirmItem[]): string {
  if (items.length === 0) return '没有待确认的内容：可以上线构建（LAUNCH=1 npm run build）。\n';
  const byPage = new Map<string, ConfirmItem[]>();
  for (const i of items) byPage.set(i.page, [...(byPage.get(i.page) ?? []), i]);
  const lines = [`需要本库确认的内容：共 ${items.length} 项，分布在 ${byPage.size} 个页面或位置。`, ''];
  for (const [page, list] of byPage) {
    lines.push(page);
    for (const i of list) lines.push(`  ${i.file} · ${i.field} · ${i.note}`);
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * With LAUNCH=1, `astro build` stops before building anything while an item remains, naming each one.
 * Without it (npm start, tests) the examples build as they are, so a newcomer can try every feature.
 */
export default function launchGate({ contentRoot, siteUrl }: { contentRoot: string; siteUrl: string }): AstroIntegration {
  return {
    name: 'sdcbb:launch-gate',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build' || process.env.LAUNCH !== '1') return;
        const items = collectUnconfirmed(contentRoot, siteUrl);
        if (items.length > 0) {
          throw new Error(`上线构建（LAUNCH=1）被拒绝：还有未确认的内容。\n\n${formatConfirmList(items)}确认后删除对应的 unconfirmed 标记，或补上缺少的值，再构建。`);
        }
        logger.info('LAUNCH=1: every value is confirmed');
      },
    },
  };
}
