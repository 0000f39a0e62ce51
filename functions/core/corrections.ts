/**
 * Republishing after a correction (DESIGN.md, "Corrections"). A correction of a published day —
 * a mark, an excuse, a holiday, a roster date, an accepted appeal — records the (date, roll call)
 * in the corrections log and asks the republisher for it: locally it publishes at once, on AWS it
 * invokes the report function asynchronously (seconds). The log is the safety net: whatever a
 * lost invocation left pending, the report tick republishes (docs/architecture.md,
 * "Republishing a corrected day").
 *
 * Exactly once and never lost, under races: publishReport makes a new version only for new
 * content (equal content, equal hash, one version however many publishers race), and
 * `republishCorrected` repeats until the newest version's content is what the store says now and
 * the log entry it settled is the newest correction — so a publisher that built before a
 * concurrent correction was written never has the last word.
 */
import { randomUUID } from 'node:crypto';
import { addDays } from './calendar';
import { StoreUnavailable } from './errors';
import { type Employee, isExpectedOn } from './model';
import type { PendingCorrection, Stores } from './ports';
import { buildDayReport, contentHash, type PublishDeps, publishReport } from './publish';

/** A (date, roll call) to republish. */
export type CorrectionTarget = Pick<PendingCorrection, 'date' | 'rollCallId'>;

/** Who republishes: the file publisher at once (local), the report function (AWS). */
export interface Republisher {
  republish(targets: readonly CorrectionTarget[]): Promise<void>;
}

export type CorrectionStores = Pick<Stores, 'settings' | 'publications' | 'corrections'>;

/**
 * A correction touched (date, rollCallId), or every roll call of the date when none is named:
 * each one already published is logged and republished as its next version; a day not yet
 * published is left to its schedule (no-op). Call it after the correction is stored.
 */
export async function correctionMade(
  stores: CorrectionStores,
  republisher: Republisher,
  date: string,
  rollCallId?: string,
): Promise<CorrectionTarget[]> {
  let ids = rollCallId ? [rollCallId] : [];
  if (!rollCallId) {
    const rules = await stores.settings.settingsOn(date);
    // Before the deployment's first day nothing was published.
    if (rules.settings === null) return [];
    ids = rules.rollCalls.map((rc) => rc.id);
  }
  return correctionsMade(
    stores,
    republisher,
    ids.map((id) => ({ date, rollCallId: id })),
  );
}

/** correctionMade for several (date, roll call)s at once (a roster change spanning days). */
export async function correctionsMade(
  stores: CorrectionStores,
  republisher: Republisher,
  targets: readonly CorrectionTarget[],
): Promise<CorrectionTarget[]> {
  const published: CorrectionTarget[] = [];
  for (const t of targets) {
    if (await stores.publications.newest(t.date, t.rollCallId)) published.push(t);
  }
  if (published.length === 0) return [];
  const at = `${new Date().toISOString()}#${randomUUID().slice(0, 8)}`;
  for (const t of published) await stores.corrections.touch(t.date, t.rollCallId, at);
  await republisher.republish(published);
  return published;
}

/** Rounds before giving up on a day whose content keeps changing (the tick tries again). */
const MAX_ROUNDS = 5;

/**
 * Republish each pending target until it stands: the newest version's content is the store's
 * and no newer correction came in meanwhile; then settle its log entry. A target with nothing
 * pending (another run settled it) is skipped. Failures are returned, not thrown, one per target.
 */
export async function republishCorrected(
  deps: PublishDeps & { readonly stores: Pick<Stores, 'corrections'> },
  targets?: readonly CorrectionTarget[],
): Promise<{ target: CorrectionTarget; version?: number; error?: Error }[]> {
  const list = targets ?? (await deps.stores.corrections.pending());
  const out: { target: CorrectionTarget; version?: number; error?: Error }[] = [];
  for (const target of list) {
    try {
      out.push({ target, ...(await republishOne(deps, target)) });
    } catch (err) {
      out.push({ target, error: err as Error });
    }
  }
  return out;
}

async function republishOne(
  deps: PublishDeps & { readonly stores: Pick<Stores, 'corrections'> },
  { date, rollCallId }: CorrectionTarget,
): Promise<{ version?: number }> {
  const { stores } = deps;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const pending = await stores.corrections.get(date, rollCallId);
    if (!pending) return {};
    const { report } = await publishReport(deps, date, rollCallId);
    // Built again after the newest version was recorded: a publisher that built before a
    // concurrent correction may have recorded after the one that saw it.
    const now = await buildDayReport(stores, date, rollCallId);
    const newest = await stores.publications.newest(date, rollCallId);
    if (newest?.hash !== contentHash(now.content)) continue;
    if (await stores.corrections.settle(date, rollCallId, pending.at)) {
      return { version: newest?.version ?? report.version };
    }
  }
  throw new StoreUnavailable(
    60,
    new Error(`${date}/${rollCallId} kept changing while it was republished`),
  );
}

/** How far back a roster change looks for published days it changes (a year and a bit). */
const ROSTER_LOOKBACK_DAYS = 400;

/** One employee's record before and after a roster change (null before: a new employee). */
export interface RosterChange {
  readonly before: Employee | null;
  readonly after: Employee;
}

/**
 * The published (date, roll call)s whose expected attendees roster changes alter, each once: the
 * days in the last ROSTER_LOOKBACK_DAYS on which an employee was expected before and not after,
 * or the other way round (their `since`, `until` or `active` moved). A new employee alters none.
 */
export async function rosterChangeTargets(
  stores: Pick<Stores, 'publications'>,
  changes: readonly RosterChange[],
  today: string,
): Promise<CorrectionTarget[]> {
  const moved = changes.filter(
    (ch): ch is { before: Employee; after: Employee } =>
      ch.before !== null &&
      (ch.before.since !== ch.after.since ||
        ch.before.until !== ch.after.until ||
        ch.before.active !== ch.after.active),
  );
  if (moved.length === 0) return [];
  const published = await stores.publications.list(addDays(today, -ROSTER_LOOKBACK_DAYS), today);
  return published
    .filter((p) =>
      moved.some(
        ({ before, after }) => isExpectedOn(before, p.date) !== isExpectedOn(after, p.date),
      ),
    )
    .map((p) => ({ date: p.date, rollCallId: p.rollCallId }));
}
