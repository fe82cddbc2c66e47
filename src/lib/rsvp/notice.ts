/**
 * The privacy notice's version, in one place: the registration form posts it (hidden field `notice`), the server
 * records it with each registration's consents, the privacy page shows it, and the staff export lists it.
 *
 * One version covers every text a registrant agrees to: the privacy page (/privacy/), the notice above the form
 * and the consent boxes at the sensitive fields (the purposes below). Change any of them and give the notice a
 * new version and date here: a form shown before the change is then refused with a request to read it again, so
 * each recorded consent names the text that was really shown.
 */
export const NOTICE_VERSION = '3';
/** When this version took effect (Beijing date). Version 3: what school groups are asked (sessions, pupils and
 *  teachers, arrival, the note of what to prepare) and what a cancellation keeps. */
export const NOTICE_DATE = '2026-12-02';

/** What each sensitive item (PIPL art. 28) is used for, said at its consent box and on the privacy page. */
export const sensitivePurpose = {
  dueMonth: '按孕期安排讲解内容，活动当天照顾临近生产的准妈妈',
  childAgeBands: '准备适合孩子年龄的活动材料，核对同来的有大人陪同',
} as const;
