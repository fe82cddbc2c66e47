/**
 * Words the lookup recognises around a name (the index builder copies them into the index the island receives). They never make a text "licensed": only an exact key does that
 * (match.ts). They decide between "which bank serves this place" and "not a licensed bank", and they let the
 * answer name what makes a look-alike a look-alike. All are simplified Chinese, as after normalisation.
 */

/** Question words a parent may wrap around a name ("山东省脐血库正规吗"); removed before matching. */
export const QUESTION_PREFIXES = ['请问一下', '请问', '帮我查一下', '帮我查', '查一下', '查询', '我想问', '想问'];
export const QUESTION_SUFFIXES = [
  '是不是正规的', '是不是正规', '是正规的吗', '是合法的吗', '是不是真的', '是真的吗', '是否正规', '是否合法',
  '有没有资质', '有资质吗', '有许可证吗', '正规吗', '合法吗', '靠谱吗', '可靠吗', '可信吗', '怎么样', '吗', '呢',
];

/**
 * Question words that can stand anywhere in a typed question (「火种工程怎么申请」), longest first so 为什么 goes
 * before 什么. The words a question wraps around its subject (请问…, …吗, …正规吗) are QUESTION_PREFIXES and QUESTION_SUFFIXES
 * above, stripped from the ends as the lookup strips them. Site search (src/lib/search.ts) uses all three lists. Words that carry the question's
 * subject stay: 多久, 多少钱, 费用 are what a page about duration or cost says.
 */
export const QUESTION_WORDS_ANYWHERE = [
  '是什么意思', '什么意思', '我想知道', '想知道', '告诉我', '为什么', '什么是', '是什么', '怎么办', '怎么', '怎样', '如何', '什么',
  '哪些', '哪里', '哪儿', '哪个', '哪家', '能不能', '可不可以', '是不是', '有没有', '要不要', '会不会',
].sort((a, b) => b.length - a.length);

/** Words that make a text an organisation's name rather than a place ("河南脐血库" vs "我在河南"). */
export const ORG_MARKERS = [
  '库', '银行', '公司', '中心', '站', '医院', '机构', '集团', '科技', '生物', '工程', '基地', '合作', '分部',
  '办事处', '采集点', '诊所', '门诊', '协会', '联盟', '平台',
];

/**
 * Patterns look-alikes use (FACTS §2, news reports): other bank-like names, and words added to a licensed
 * bank's name. Longer words first, so 干细胞库 is reported rather than 细胞库.
 */
export const LOOKALIKE_WORDS = [
  '干细胞库', '生命银行', '细胞银行', '基因银行', '细胞库', '基因库', '干细胞', '工作站', '合作医院', '合作中心',
  '合作单位', '分中心', '分库', '分部', '分公司', '采集点', '办事处', '服务中心', '服务站', '有限公司', '公司',
  '生物科技', '科技', '集团', '筹建', '筹备', '规划', '银行',
];
