/**
 * Every collection of the site and the shape of every field, in one place (DESIGN §5).
 * Content lives under `content/`; a file with a missing or wrong field fails the build, naming file and field.
 */
import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { GRADE_BANDS } from './lib/lessons';
import { danglingPaths, type MaybeUnconfirmed } from './lib/unconfirmed';
import { sessionProblems, sessionsOf } from './lib/sessions';

/** Where content lives; tests point it at a fixture copy to prove that bad files fail the build. */
const root = process.env.CONTENT_ROOT ?? './content';

/** A date-time written with its +08:00 offset, so a file means the same instant on any machine. */
const shanghaiDateTime = z
  .string({ error: '需要日期时间，例如 2027-06-01T09:30:00+08:00' })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?\+08:00$/, {
    error: '日期时间必须写成 YYYY-MM-DDTHH:MM:SS+08:00（北京时间）',
  });

/** A calendar date (YYYY-MM-DD). YAML turns bare dates into Date objects; both are accepted. */
const day = z.coerce.date({ error: '需要日期，例如 2026-11-25' });

/**
 * Values of this entry that no source gives yet: field path (e.g. `startsAt`, `rsvp.capacity`) → what the bank must
 * confirm. The one way content marks them (src/lib/unconfirmed.ts): pages show them as 「示例」 or 「待确认」,
 * `npm run confirm-list` lists them and `LAUNCH=1 npm run build` refuses them.
 */
export const unconfirmed = z
  .record(z.string().regex(/^[A-Za-z]\w*(\.[A-Za-z]\w*)*$/, { error: '字段路径写法：startsAt 或 rsvp.capacity' }), z.string().min(2))
  .default({});

/** Refuses an `unconfirmed` entry that names no value of the entry (a typo, or a value since removed). */
function refuseDangling(e: MaybeUnconfirmed, ctx: z.RefinementCtx): void {
  for (const path of danglingPaths(e)) {
    ctx.addIssue({ code: 'custom', path: ['unconfirmed', path], message: `unconfirmed 标记的字段 ${path} 在本文件中不存在` });
  }
}
const markedFieldsExist = <T extends z.ZodType<MaybeUnconfirmed>>(schema: T) => schema.superRefine(refuseDangling);

/** A published source a fact or article relies on. */
export const sourceSchema = z.object({
  /** Title of the document, paper or page, as published. */
  title: z.string().min(2),
  /** Who published it: a journal, an authority, the bank itself. */
  publisher: z.string().min(2),
  /** Year of publication (or of the version consulted). */
  year: z.number().int().min(1950).max(2100),
  /** Where a reader can find it, when it is online. */
  url: z.url().optional(),
});

/** Who a page or event is for; used for filters. */
export const audiences = ['公众', '准父母', '家庭', '儿童', '学生', '教师', '患者家庭'] as const;
const audience = z.enum(audiences);

/** Science article categories, in the order the /learn/ index shows them. */
export const articleCategories = ['基础知识', '临床应用', '捐献与储存', '配型与检索', '历史与进展', '家长须知', '本库案例'] as const;

const articles = defineCollection({
  loader: glob({ base: `${root}/articles`, pattern: '**/*.mdx' }),
  schema: markedFieldsExist(
    z.object({
    /** Headline; also the page <title>. */
    title: z.string().min(4).max(40),
    /** One-sentence summary for lists, search results and meta description (≤ 120 characters). */
    description: z.string().min(10).max(120),
    /** One of `articleCategories`. */
    category: z.enum(articleCategories),
    /** Free keywords, shown as tags and indexed by search. */
    tags: z.array(z.string()).default([]),
    /** Who the article is written for. */
    audience: z.array(audience).min(1),
    /** First publication date. */
    publishedAt: day,
    /** Last substantive change. */
    updatedAt: day,
    /** Who checked the text against its sources: an id in `content/data/reviewers.yaml` (never an invented person). */
    reviewedBy: reference('reviewers'),
    /** When the text was last checked against its sources. */
    reviewedAt: day,
    /** What the article relies on; an article without sources is refused. */
    sources: z.array(sourceSchema).min(1, { error: '每篇科普文章至少要列出一个来源（sources）' }),
    /** Other articles to read next. */
    related: z.array(reference('articles')).default([]),
    /** Order within its category on the index (lower first). */
    order: z.number().int().default(100),
    /** Values no source gives yet (see `unconfirmed` above). */
    unconfirmed,
  })),
});

/**
 * Extra questions an event's RSVP form asks, beyond name, phone, seats and consent: `childAgeBands` (family
 * events: how many children in each age band, optional, with a guardian's own consent), `school` and `className`
 * (a school's pupils or teachers), `dueMonth` (pregnancy events: 预产月, optional, with its own consent as health
 * information). A school-group event (`rsvp.schoolGroup`) asks `school` and `className` without listing them.
 */
export const rsvpFields = ['childAgeBands', 'school', 'className', 'dueMonth'] as const;

/** One session of an event (src/lib/sessions.ts). */
const sessionSchema = z.object({
  /**
   * Short id, unique in the event (lowercase letters, digits, hyphens), e.g. `0310am`. The form and every booking
   * refer to it: once people have booked, never change it (move the times instead). `main` keeps the bookings an
   * event had while it was written without `sessions:`.
   */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,19}$/, { error: '场次 id 只用小写字母、数字和连字符，最多20个字符，例如 0310am' }),
  /** Start and end of this session (Beijing time, +08:00). */
  startsAt: shanghaiDateTime,
  endsAt: shanghaiDateTime,
  /** Seats in this session (pupils and teachers for a school group); required when the event takes registrations. */
  capacity: z.number().int().min(1).max(100000).optional(),
  /** Registration for this session closes earlier than when it starts (the default), e.g. two days before. */
  closesAt: shanghaiDateTime.optional(),
  /** Where in the venue, or anything else about this session only, e.g. 二楼报告厅. */
  note: z.string().min(2).max(40).optional(),
});

const events = defineCollection({
  loader: glob({ base: `${root}/events`, pattern: '**/*.mdx' }),
  schema: z
    .object({
      /** Event name as shown in lists and on its page. */
      title: z.string().min(2).max(40),
      /** One or two sentences: what happens there. */
      summary: z.string().min(10).max(160),
      /** The recurring activity it belongs to, e.g. 脐趣六一 (for filters and recaps). */
      series: z.string().optional(),
      /** One session: its start, in Beijing time with +08:00. Leave out when `sessions` lists them. */
      startsAt: shanghaiDateTime.optional(),
      /** One session: its end, in Beijing time with +08:00. */
      endsAt: shanghaiDateTime.optional(),
      /** Several sessions, in time order and not overlapping (instead of startsAt/endsAt). */
      sessions: z.array(sessionSchema).min(1).max(200).optional(),
      /** Where it happens, for an in-person event. */
      venue: z
        .object({
          /** Name of the place as the bank gives it, e.g. 山东省脐带血造血干细胞库 (never a name no source gives). */
          name: z.string(),
          /** Street address, only once the bank has confirmed it; when absent the page says the exact meeting point comes with the registration confirmation. */
          address: z.string().optional(),
          /** City; the province (山东省) while the bank has not confirmed the city, or 山东省各地 for a touring activity. */
          city: z.string(),
        })
        .optional(),
      /** For an online event: the platform and, where public, the link. */
      online: z.object({ platform: z.string(), url: z.url().optional() }).optional(),
      /** Who it is for. */
      audience: z.array(audience).min(1),
      /** scheduled | cancelled | postponed. An ended event is simply one whose end has passed. */
      status: z.enum(['scheduled', 'cancelled', 'postponed']).default('scheduled'),
      /** 请带上: what to bring, shown on the event page and the registration confirmation (the code is added there). */
      bring: z.array(z.string().min(2)).default([]),
      /** Present when the event takes registrations; the server enforces every number here. */
      rsvp: z
        .object({
          /** One session: its seats (a family of 3 takes 3). With `sessions`, each session has its own capacity. */
          capacity: z.number().int().min(1).max(100000).optional(),
          /** Registration opens (Beijing time). */
          opensAt: shanghaiDateTime,
          /** Registration closes (Beijing time); no later than the event's end. A session also closes when it starts. */
          closesAt: shanghaiDateTime,
          /** Whether a full session takes a waiting list. */
          waitlist: z.boolean().default(false),
          /** Most seats one registration may take (a school group: pupils and teachers of one class). */
          maxPartySize: z.number().int().min(1).max(60).default(4),
          /** Extra fields this event needs. */
          fields: z.array(z.enum(rsvpFields)).default([]),
          /**
           * A school-group event: a lead teacher books one class per registration (school, grade and class, how many
           * pupils and teachers, arrival time, an optional note of what to prepare) and acknowledges the safety
           * notice; capacity counts pupils and teachers; no pupil's name is asked. One phone may book several classes.
           */
          schoolGroup: z
            .object({
              /** At least one teacher for every this many pupils (1:20 by default). */
              pupilsPerTeacher: z.number().int().min(1).max(60).default(20),
              /** The safety notice the lead teacher acknowledges, one rule per item. */
              safetyNotice: z.array(z.string().min(4)).min(1),
            })
            .optional(),
        })
        .optional(),
      /** For a past event: what it was about, written as a description of the activity (no invented outcomes). */
      recap: z.string().optional(),
      /** Values no source gives yet: an event with any is an example (「示例」 wherever a reader meets it). */
      unconfirmed,
    })
    .refine((e) => Boolean(e.venue) !== Boolean(e.online), {
      error: '活动要么有 venue（线下），要么有 online（线上），二者选一',
      path: ['venue'],
    })
    .refine((e) => !e.rsvp?.schoolGroup || e.rsvp.maxPartySize >= 2, {
      error: '学校团体报名至少要容得下1名学生和1位老师：maxPartySize 至少为2',
      path: ['rsvp', 'maxPartySize'],
    })
    .superRefine((e, ctx) => {
      for (const p of sessionProblems(e)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
    })
    .superRefine(refuseDangling)
    // Pages, feeds and the server read one shape: the sessions list, with the event's start and end derived from it.
    .transform(({ startsAt: _s, endsAt: _e, sessions: _list, rsvp, ...e }) => {
      const sessions = sessionsOf({ startsAt: _s, endsAt: _e, sessions: _list, rsvp });
      const school = rsvp?.schoolGroup;
      return {
        ...e,
        /** The first session's start. */
        startsAt: sessions[0]?.startsAt ?? '',
        /** The last session's end. */
        endsAt: sessions.at(-1)?.endsAt ?? '',
        sessions,
        rsvp: rsvp && {
          opensAt: rsvp.opensAt,
          closesAt: rsvp.closesAt,
          waitlist: rsvp.waitlist,
          maxPartySize: rsvp.maxPartySize,
          fields: school ? [...new Set([...rsvp.fields, 'school', 'className'] as const)] : rsvp.fields,
          schoolGroup: school,
        },
      };
    }),
});

const charity = defineCollection({
  loader: glob({ base: `${root}/charity`, pattern: '**/*.mdx' }),
  schema: markedFieldsExist(
    z.object({
    /** Project name, e.g. 火种工程. */
    title: z.string().min(2).max(30),
    /** One or two sentences: what the project does. */
    summary: z.string().min(10).max(160),
    /** Order on the /charity/ index. */
    order: z.number().int().default(100),
    /** Who qualifies, one condition per item. */
    eligibility: z.array(z.string()).min(1),
    /** What help is given. */
    help: z.array(z.string()).min(1),
    /** Documents an applicant prepares. */
    documents: z.array(z.string()).min(1),
    /** How to apply, step by step. */
    howToApply: z.array(z.string()).min(1),
    /** Partner organisations, as named by the bank. */
    partners: z.array(z.string()).default([]),
    /** Ids of figures in `figures.yaml` shown on the page. */
    figures: z.array(reference('figures')).default([]),
    /** When the page was last checked with the bank. */
    updatedAt: day,
    /** Values no source gives yet (see `unconfirmed` above). */
    unconfirmed,
  })),
});


const lessons = defineCollection({
  loader: glob({ base: `${root}/lessons`, pattern: '**/*.mdx' }),
  schema: markedFieldsExist(
    z.object({
    /** Lesson title. */
    title: z.string().min(4).max(40),
    /** One sentence for lists and search. */
    description: z.string().min(10).max(120),
    /** 小学 | 初中 | 高中. */
    gradeBand: z.enum(GRADE_BANDS),
    /** Teaching order within its grade band (lower first); lessons that build on another come after it. */
    order: z.number().int().min(1).default(100),
    /** Suggested grade within the band, e.g. 五年级. */
    grade: z.string().optional(),
    /** Length in minutes. */
    duration: z.number().int().min(10).max(180),
    /** What pupils can do afterwards. */
    objectives: z.array(z.string()).min(2),
    /** The textbook chapter it supports; until checked against the book it is marked `unconfirmed: { curriculum: … }`. */
    curriculum: z.object({ textbook: z.string(), chapter: z.string() }),
    /** Things the teacher prepares. */
    materials: z.array(z.string()).min(1),
    /** The lesson's flow, with minutes per step. */
    flow: z.array(z.object({ minutes: z.number().int().min(1), step: z.string(), detail: z.string() })).min(2),
    /** The printable student worksheet and its answer key. */
    worksheet: z.object({
      title: z.string(),
      instructions: z.string(),
      items: z
        .array(z.object({ prompt: z.string(), answer: z.string(), lines: z.number().int().min(0).max(8).default(2) }))
        .min(3),
    }),
    /** Glossary ids the lesson uses. */
    glossary: z.array(reference('glossary')).default([]),
    /** When it was last revised. */
    updatedAt: day,
    /** Values no source gives yet (see `unconfirmed` above). */
    unconfirmed,
  })),
});

const news = defineCollection({
  loader: glob({ base: `${root}/news`, pattern: '**/*.mdx' }),
  schema: markedFieldsExist(
    z.object({
    /** Headline. */
    title: z.string().min(4).max(50),
    /** One-sentence summary for lists and the RSS feed. */
    description: z.string().min(10).max(140),
    /** Date of the news (not of writing). Pages show only its month: the sources rarely give the day. */
    publishedAt: day,
    /** Where the news comes from. */
    sources: z.array(sourceSchema).min(1),
    /** Values no source gives yet (see `unconfirmed` above). */
    unconfirmed,
  })),
});

/** Reviewers a medical article can name: teams or people the bank has named, never invented ones. */
const reviewers = defineCollection({
  loader: file(`${root}/data/reviewers.yaml`),
  schema: markedFieldsExist(
    z.object({
    id: z.string(),
    /** Name as printed on the article. */
    name: z.string(),
    /** What they are (a team, a role). */
    role: z.string(),
    /** Values no source gives yet (see `unconfirmed` above). */
    unconfirmed,
  })),
});

/** A fact with a provenance flag: unverified facts are kept but not shown as fact. */
const verifiedText = z.object({ value: z.string(), verified: z.boolean(), source: z.string().optional() });

const banks = defineCollection({
  loader: file(`${root}/data/banks.yaml`),
  schema: z.object({
    /** Stable id used in URLs (/verify/#bank-<id>). */
    id: z.string().regex(/^[a-z]+$/),
    /** Name exactly as the official notice writes it. */
    officialName: z.string().endsWith('脐带血造血干细胞库'),
    /** Short names a leaflet may use. */
    aliases: z.array(z.string()).default([]),
    /** Company or institution that runs it. */
    operator: verifiedText.optional(),
    /** Institution that set it up or sponsors it. */
    sponsor: verifiedText.optional(),
    /** The one province or municipality it is licensed for. */
    area: z.string(),
    /** Cities of its area, so a parent who types a city finds the bank (major ones suffice). */
    cities: z.array(z.string()).default([]),
    /** Approval or licence numbers found, each with provenance. */
    licences: z.array(verifiedText).default([]),
    /** The official notice that lists it. */
    notice: z.object({ title: z.string(), date: day, url: z.url().optional() }),
    /** When the facts above were last checked. */
    lastChecked: day,
  }),
});

/** Provincial-level divisions, so the licence lookup can answer a place (the bank for it comes from banks.area). */
const provinces = defineCollection({
  loader: file(`${root}/data/provinces.yaml`),
  schema: z.object({
    id: z.string().regex(/^[a-z]+$/),
    /** Full official name, e.g. 河南省, 广西壮族自治区; banks.area uses the same spelling. */
    name: z.string().min(2),
    /** Name without 省/市/自治区/特别行政区, e.g. 河南, 广西. */
    short: z.string().min(2),
    /** One-character abbreviations (鲁, 豫); matched only when they are the whole query. */
    abbr: z.array(z.string().length(1)).default([]),
    /** Other names for the whole province (齐鲁 for 山东); matched like the short name. */
    nicknames: z.array(z.string().min(2)).default([]),
    /** Prefecture-level cities by short name (no 市); provinces with a bank list theirs in banks.yaml instead. */
    cities: z.array(z.string().min(2)).default([]),
    /** false for 香港、澳门、台湾, where the mainland 《血站执业许可证》 system does not apply. */
    mainland: z.boolean().default(true),
  }),
});

const figures = defineCollection({
  loader: file(`${root}/data/figures.yaml`),
  schema: markedFieldsExist(
    z.object({
    /** Id pages and articles use to read the figure. */
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** The number itself. */
    value: z.number(),
    /** How it is written on the page, e.g. 84万; defaults to the value. */
    display: z.string().optional(),
    /** Unit after the number, e.g. 份. */
    unit: z.string(),
    /** Qualifier before or after the number: 余 / 多 / 以上. */
    qualifier: z.string().optional(),
    /** What the number counts. */
    label: z.string(),
    /** Date the number is true at (a total) or the date of the source that states it (a fact). */
    asOf: day,
    /** total: a running total, shown 「截至」 its date; fact: a fixed fact (a count set by a notice, a cap, a probability), shown with its source's date. */
    kind: z.enum(['total', 'fact']).default('total'),
    /** Where it comes from. */
    source: sourceSchema,
    /** Whose claim it is: the bank's own (client) or an independent source. */
    claimBy: z.enum(['bank', 'independent']),
    /** Values no source gives yet (see `unconfirmed` above). */
    unconfirmed,
  })),
});

const glossary = defineCollection({
  loader: file(`${root}/data/glossary.yaml`),
  schema: z.object({
    /** Anchor id (/glossary/#<id>). */
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** The Chinese term. */
    term: z.string(),
    /** Pinyin with tone marks. */
    pinyin: z.string(),
    /** English equivalent, where useful. */
    english: z.string().optional(),
    /** Plain-language definition. */
    definition: z.string().min(10),
    /** Other glossary ids. */
    seeAlso: z.array(z.string()).default([]),
  }),
});

/** FAQ groups, in the order /faq/ shows them (the content store does not keep a data file's order). */
export const faqGroups = ['脐带血基础', '捐献与储存', '资质与安全', '公益与活动', '费用与保险'] as const;

const faq = defineCollection({
  loader: file(`${root}/data/faq.yaml`),
  schema: markedFieldsExist(
    z.object({
    /** Anchor id (/faq/#<id>). */
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** Group heading on the page: one of `faqGroups`. */
    group: z.enum(faqGroups),
    /** Order within its group (lower first). */
    order: z.number().int().default(100),
    question: z.string().min(4),
    /** Plain-text answer (paragraphs separated by blank lines). */
    answer: z.string().min(10),
    /** Pages that say more. */
    links: z.array(z.object({ text: z.string(), href: z.string().startsWith('/') })).default([]),
    /** Sources for a medical or legal answer. */
    sources: z.array(sourceSchema).default([]),
    /** Values no source gives yet (see `unconfirmed` above). */
    unconfirmed,
  })),
});

const timeline = defineCollection({
  loader: file(`${root}/data/timeline.yaml`),
  schema: markedFieldsExist(
    z.object({
    id: z.string(),
    /** Year, or year and month (e.g. 2023-12). */
    when: z.string().regex(/^\d{4}(-\d{2})?$/),
    title: z.string(),
    detail: z.string(),
    /** Where the fact comes from. */
    source: z.string(),
    /** Values no source gives yet (see `unconfirmed` above). */
    unconfirmed,
  })),
});

export const collections = { articles, events, charity, lessons, news, reviewers, banks, provinces, figures, glossary, faq, timeline };
