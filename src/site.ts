/**
 * Site identity and navigation. Names and contact channels come from content/data/site.json (staff edit it);
 * this module checks that file's shape once, so a typo fails the build with the field's name.
 */
import { z } from 'astro/zod';
// `@content/site.json` is content/data/site.json, or the same file under CONTENT_ROOT (astro.config.mjs).
import raw from '@content/site.json';
import { organization } from './lib/jsonld';
import { isUnconfirmed } from './lib/unconfirmed';

const siteSchema = z.object({
  /** Official name, used on first mention and in <title>. */
  name: z.string(),
  /** Public short name used after first mention. */
  shortName: z.string(),
  tagline: z.string(),
  /** Default meta description. */
  description: z.string().max(160),
  mission: z.string(),
  /** The bank's stated vision, quoted as the bank words it (shown on /about/ as its own statement). */
  vision: z.string().optional(),
  foundedBy: z.array(z.string()),
  /** One line on the bank's licence, shown in the footer. */
  licenceLine: z.string(),
  approvals: z.array(z.object({ label: z.string(), value: z.string(), year: z.number().int() })),
  area: z.string(),
  contact: z.object({
    hotlines: z.array(z.object({ number: z.string().regex(/^\d{3,12}$/), label: z.string() })),
    reportTo: z.string(),
    /** The bank's own phone, once confirmed by the bank. */
    phone: z.string().optional(),
    /** The bank's postal address, once confirmed by the bank. */
    address: z.string().optional(),
    email: z.email().optional(),
  }),
  /**
   * Who answers questions about personal data collected by RSVP forms (PIPL art. 17): the handler's name and at
   * least one channel. A launch build needs a confirmed channel.
   */
  privacyContact: z.object({
    name: z.string(),
    phone: z.string().optional(),
    email: z.email().optional(),
    address: z.string().optional(),
  }),
  scienceTeam: z.string(),
  /**
   * Filing numbers shown at the foot of every page (FACTS §7), once the bank gives them: the ICP filing number
   * (e.g. 鲁ICP备12345678号-1) and the public-security filing number (e.g. 鲁公网安备37010202000001号).
   */
  filing: z
    .object({
      icp: z.string().regex(/ICP备\d+号(-\d+)?$/, { error: 'ICP 备案号写法：鲁ICP备12345678号 或 鲁ICP备12345678号-1' }).optional(),
      publicSecurity: z.string().regex(/公网安备\s?\d{14}号$/, { error: '公网安备号写法：鲁公网安备37010202000001号' }).optional(),
    })
    .default({}),
  /** Values no source gives yet: field path → what the bank must confirm (src/lib/unconfirmed.ts). */
  unconfirmed: z.record(z.string(), z.string()).default({}),
});

export const site = siteSchema.parse(raw);
export type Site = typeof site;

/** Whether a value of site.json is still to be confirmed by the bank (shown with 「待确认」). */
export const sitePending = (path: string): boolean => isUnconfirmed(site, path);

/** The MIIT filing site, where the ICP number links (FACTS §7). */
export const ICP_URL = 'https://beian.miit.gov.cn/';
/** The public-security filing site's record of this site, from the number's 14 digits. */
export function publicSecurityUrl(number: string): string {
  const code = /\d{14}/.exec(number)?.[0] ?? '';
  return `https://beian.mps.gov.cn/#/query/webSearch?code=${code}`;
}

export interface NavItem {
  href: string;
  label: string;
  /** Pagefind filter value for pages of this section. */
  section?: string;
}

/** Main navigation, in the order of DESIGN §2. */
export const nav: NavItem[] = [
  { href: '/learn/', label: '认识脐带血', section: '科普' },
  { href: '/verify/', label: '资质查验', section: '资质' },
  { href: '/charity/', label: '公益项目', section: '公益' },
  { href: '/events/', label: '活动', section: '活动' },
  { href: '/schools/', label: '教学资源', section: '教学' },
  { href: '/news/', label: '新闻动态', section: '新闻' },
  { href: '/about/', label: '关于我们' },
];

/** Secondary links in the footer. */
export const footerNav: NavItem[] = [
  { href: '/faq/', label: '常见问题' },
  { href: '/glossary/', label: '术语表' },
  { href: '/search/', label: '站内搜索' },
  { href: '/events/calendar.ics', label: '活动日历订阅' },
  { href: '/rss.xml', label: '新闻 RSS' },
  { href: '/privacy/', label: '隐私政策' },
  { href: '/accessibility/', label: '无障碍声明' },
];

/** The bank as a schema.org organisation (home and about pages), with absolute URLs under `siteUrl`. */
export function siteOrganization(siteUrl: URL | undefined) {
  return organization({
    name: site.name,
    alternateName: site.shortName,
    description: site.description,
    url: new URL('/', siteUrl).href,
    foundedBy: site.foundedBy,
    areaServed: site.area,
  });
}
