import type { Context } from 'hono';
import { type AuditEntry, appendAudit, auditEntry } from '../core/audit';
import type { AppDeps } from './deps';
import type { AppEnv } from './env';

type Change = Omit<AuditEntry, 'at' | 'actor'>;

/**
 * Record one change in the audit log, by the caller, now. A route calls it AFTER its change
 * succeeded, once per change; a refused or failed request calls it not at all. A log that
 * cannot be written does not undo the change or fail the request (core/audit.ts, appendAudit).
 */
export async function audit(c: Context<AppEnv>, deps: AppDeps, entry: Change): Promise<void> {
  await auditMany(c, deps, [entry]);
}

/** Several changes of one request (an import: one per employee changed). */
export async function auditMany(
  c: Context<AppEnv>,
  deps: AppDeps,
  entries: readonly Change[],
): Promise<void> {
  const actor = c.var.principal.employeeId;
  await appendAudit(
    deps.stores.audit,
    entries.map((e) => auditEntry(deps.clock, actor, e)),
    deps.logger,
  );
}
