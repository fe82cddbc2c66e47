/**
 * The staff console's audit log (PIPL art. 51: a record of who handled personal data): who, when, what. Kept
 * for AUDIT_RETENTION_DAYS (RSVP_AUDIT_DAYS overrides it) and deleted by `npm run rsvp:purge` after that.
 * A target names an event, a session or a confirmation code; never a phone number or a name.
 * Imports only Node built-ins and types, so plain Node can load it.
 */
import type { Sql } from './store.ts';

/** Every kind of entry the console writes. */
export const auditActions = {
  'sign-in': '登录',
  'sign-in-failed': '登录失败',
  'sign-out': '退出',
  'list-view': '查看报名名单',
  reveal: '查看完整手机号',
  'check-in': '签到',
  cancel: '代为取消',
  export: '导出报名表',
} as const;
export type AuditAction = keyof typeof auditActions;

export interface AuditEntry {
  id: number;
  at: number;
  actor: string;
  action: AuditAction;
  target: string;
}

/** Days the audit log is kept (privacy policy; RSVP_AUDIT_DAYS). */
export const DEFAULT_AUDIT_DAYS = 180;

/** The configured period: RSVP_AUDIT_DAYS, a whole number of days, or the default (undefined: not a valid setting). */
export function auditDaysSetting(raw: string | undefined = process.env.RSVP_AUDIT_DAYS): number | undefined {
  if (raw === undefined || raw === '') return DEFAULT_AUDIT_DAYS;
  const days = Number(raw);
  return Number.isInteger(days) && days >= 0 ? days : undefined;
}
const DAY_MS = 86_400_000;

export async function audit(db: Sql, actor: string, action: AuditAction, target = '', now: Date = new Date()): Promise<void> {
  // A name typed at a failed sign-in is kept short: the log must not become a store of whatever was typed.
  await db.run('INSERT INTO audit_log (at, actor, action, target) VALUES (?, ?, ?, ?)', [now.getTime(), actor.slice(0, 64), action, target]);
}

/** Entries shown on one page of the log at /admin/audit/. */
export const AUDIT_PAGE_SIZE = 200;

/** The newest entries first; with `beforeId`, those older than that entry (the next page). */
export async function auditEntries(db: Sql, limit = AUDIT_PAGE_SIZE, beforeId?: number): Promise<AuditEntry[]> {
  const older = beforeId !== undefined && Number.isSafeInteger(beforeId);
  return (
    await db.all<AuditEntry>(
      `SELECT id, at, actor, action, target FROM audit_log ${older ? 'WHERE id < ? ' : ''}ORDER BY id DESC LIMIT ?`,
      older ? [beforeId, limit] : [limit],
    )
  ).map(
    (e) => ({ ...e, id: Number(e.id), at: Number(e.at) }),
  );
}

/** Deletes entries older than `days`; returns how many went. */
export async function purgeAudit(db: Sql, days: number, now: Date = new Date()): Promise<number> {
  if (!(Number.isFinite(days) && days >= 0)) throw new RangeError(`audit days: ${days}`);
  return (await db.run('DELETE FROM audit_log WHERE at < ?', [now.getTime() - days * DAY_MS])).changes;
}
