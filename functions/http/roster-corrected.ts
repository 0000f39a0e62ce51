import type { Context } from 'hono';
import { asJson } from '../core/audit';
import { type RosterChange, rosterChangeTargets } from '../core/corrections';
import { auditMany } from './audit';
import { correctedMany } from './corrections';
import type { AppDeps } from './deps';
import type { AppEnv } from './env';

/**
 * Roster changes stored (one employee's PUT, PATCH or DELETE, or an import's many): one audit
 * entry each, then every published day whose expected attendees they alter republished as its
 * next version, once per day however many of the changes touch it (core/corrections.ts).
 */
export async function rosterCorrected(
  c: Context<AppEnv>,
  deps: AppDeps,
  action: string,
  changes: readonly RosterChange[],
  today: string,
): Promise<void> {
  await auditMany(
    c,
    deps,
    changes.map((ch) => ({
      action,
      subject: `employee:${ch.after.employeeId}`,
      before: asJson(ch.before),
      after: asJson(ch.after),
    })),
  );
  await correctedMany(c, deps, await rosterChangeTargets(deps.stores, changes, today));
}
