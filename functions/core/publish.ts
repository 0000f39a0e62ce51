import { createHash } from 'node:crypto';
import { appendAudit, auditEntry, SYSTEM_ACTOR } from './audit';
import { localTime } from './calendar';
import { buildDayReport, type ReportSources, rollCallHead } from './day-report';
import { ReportTooEarly, StoreUnavailable } from './errors';
import type { Clock, ReportPublisher, Stores } from './ports';
import type { AppLogger } from './ports/logger';
import type { Report, ReportContent } from './report';
import {
  contractFiles,
  type RenderedReport,
  renderReport,
  reportFolder,
  versionFiles,
} from './report-files';
import { PAGI } from './rollcalls';
import { minutesOf, type Settings } from './settings';

// Moved (issue 16, "At 250,000"): building a day's report is day-report.ts, the files' layout and
// rendering report-files.ts; re-exported here for the callers that import them from publish.
export { buildDayReport, type DayReport, type ReportSources, rollCallHead } from './day-report';
export { reportFolder, reportKey } from './report-files';

export interface PublishDeps {
  readonly stores: ReportSources & Pick<Stores, 'audit'>;
  readonly publisher: ReportPublisher;
  readonly clock: Clock;
  /** Who publishes, for the audit log: an admin's id (publish now); 'system' when absent. */
  readonly actor?: string;
  /** Where an audit entry that could not be stored goes (core/audit.ts, appendAudit). */
  readonly logger?: AppLogger;
}

/** Without a logger of its own, a lost audit entry still reaches the function's log. */
const consoleLogger: AppLogger = {
  info: () => {},
  warn: () => {},
  error: (message, attributes) => console.error(message, JSON.stringify(attributes)),
};

export interface PublishResult {
  readonly report: Report;
  /** False when the same content was already published: nothing new, no notice sent. */
  readonly changed: boolean;
  readonly keys: string[];
}

/**
 * SHA-256 of the content: equal content, equal hash (the builder's output is deterministic). A
 * day without marks hashes as it did before marks existed, so its published version stands.
 */
export function contentHash(content: ReportContent): string {
  const { marked, ...rest } = content;
  const hashed = marked && marked.length > 0 ? content : rest;
  return createHash('sha256').update(JSON.stringify(hashed)).digest('hex');
}

/** A roll call's report of a day may be published once its window has closed. */
export function assertPublishable(
  date: string,
  settings: Settings,
  now: Date,
  closesAt: string = settings.closesAt,
): void {
  const local = localTime(now, settings.timezone);
  if (date > local.date || (date === local.date && local.minutes <= minutesOf(closesAt))) {
    throw new ReportTooEarly(date, closesAt);
  }
}

/**
 * Publish a day's report: report.json, report.csv and wall.html under reports/{date}/ (and
 * reports/latest/ for the newest date), each version also kept under reports/{date}/v{n}/.
 * Idempotent: the same content yields the same version and the same bytes; changed content (an
 * excuse entered late) gets the next version, and the earlier one stays.
 */
export async function publishReport(
  deps: PublishDeps,
  date: string,
  rollCallId: string = PAGI,
): Promise<PublishResult> {
  const { stores, publisher } = deps;
  const folder = reportFolder(date, rollCallId);
  for (let attempt = 0; attempt < 5; attempt++) {
    // The newest version before the day, never after: whoever records newest + 1 then built
    // after newest was recorded, so a version never lacks a correction the one before it shows.
    // (Built first, a publisher that read the day just before a correction could record its
    // stale content over the version that showed it.)
    const newest = await stores.publications.newest(date, rollCallId);
    const { content, settings, rollCall } = await buildDayReport(stores, date, rollCallId);
    assertPublishable(date, settings, deps.clock.now(), rollCall.closesAt);
    const hash = contentHash(content);
    const head = rollCallHead(rollCall);
    if (newest?.hash === hash) {
      const report = {
        ...content,
        ...head,
        generatedAt: newest.generatedAt,
        version: newest.version,
      };
      // A version recorded before the listing existed joins it now.
      if (newest.listed === false) {
        await stores.publications.markListed({ ...newest, units: report.units });
      }
      // The same bytes again: a run that failed after recording this version may not have
      // written them.
      const rendered = renderReport(report);
      await publisher.write(
        versionFiles(rendered, settings.language, `${folder}v${newest.version}/`),
      );
      const keys = await writeCurrent(deps, report.date, rendered, settings, rollCallId);
      // An earlier run recorded this version and then failed before its notice went out.
      if (newest.notified === false) await notify(deps, report, keys);
      return { report, changed: false, keys };
    }
    const version = (newest?.version ?? 0) + 1;
    const report: Report = {
      ...content,
      ...head,
      generatedAt: deps.clock.now().toISOString(),
      version,
    };
    // Recorded first, its files after: of two publishers racing for a version number, only the
    // one that recorded it writes its folder, so a version's files always match its record.
    const recorded = await stores.publications.record({
      date,
      rollCallId,
      version,
      hash,
      generatedAt: report.generatedAt,
      totals: report.totals,
      units: report.units,
      notified: false,
    });
    if (!recorded) continue; // another publisher took this version: start over
    // Once per version: only the publisher that recorded it gets here, before
    // anything that could fail and leave the version to a retry that finds it published.
    await appendAudit(
      stores.audit,
      [
        auditEntry(deps.clock, deps.actor ?? SYSTEM_ACTOR, {
          action: 'report.publish',
          subject: `report:${date}/${rollCallId}`,
          before: newest ? { version: newest.version, totals: { ...newest.totals } } : null,
          after: { version, generatedAt: report.generatedAt, totals: { ...report.totals } },
        }),
      ],
      deps.logger ?? consoleLogger,
    );
    const rendered = renderReport(report);
    await publisher.write(versionFiles(rendered, settings.language, `${folder}v${version}/`));
    const keys = await writeCurrent(deps, report.date, rendered, settings, rollCallId);
    await notify(deps, report, keys);
    return { report, changed: true, keys };
  }
  // Five publishers in a row got there first: try again shortly (503), not a server error.
  throw new StoreUnavailable(
    5,
    new Error(`could not publish ${date}: the version kept changing under concurrent publishers`),
  );
}

/**
 * Send the version's notice, then mark it sent. A failure in between sends it again on the
 * retry: at least once, never lost.
 */
async function notify(deps: PublishDeps, report: Report, keys: string[]): Promise<void> {
  const { date, version, totals: t } = report;
  const rollCallId = report.rollCall?.id ?? PAGI;
  const what = rollCallId === PAGI ? 'Apel' : (report.rollCall?.name ?? rollCallId);
  await deps.publisher.notify(
    `${what} ${date}: ${t.absent} tidak hadir / absent`,
    [
      `Laporan ${what} ${date} (versi ${version}) / report ${date} (version ${version})`,
      report.workday
        ? `Wajib hadir ${t.expected} · hadir ${t.present} · terlambat ${t.late} · berhalangan ${t.excused} · tidak hadir ${t.absent}`
        : `Bukan hari kerja${report.holiday ? ` (${report.holiday})` : ''} / not a workday`,
      ...keys,
    ].join('\n'),
  );
  await deps.stores.publications.markNotified(date, version, rollCallId);
}

async function writeCurrent(
  deps: PublishDeps,
  date: string,
  rendered: RenderedReport,
  settings: Settings,
  rollCallId: string,
) {
  const current = contractFiles(rendered, settings.language, reportFolder(date, rollCallId));
  // The wall's newest day (/wall, reports/latest/) is pagi's.
  if (rollCallId !== PAGI) {
    await deps.publisher.write(current);
    return current.map((f) => f.key);
  }
  await deps.stores.publications.markNewestDate(date);
  const newest = await deps.stores.publications.newestDate();
  const all =
    newest === date
      ? [...current, ...contractFiles(rendered, settings.language, 'reports/latest/')]
      : current;
  await deps.publisher.write(all);
  return all.map((f) => f.key);
}
