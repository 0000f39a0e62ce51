import { createHash } from 'node:crypto';
import { localTime } from './calendar';
import { ReportTooEarly, StoreUnavailable } from './errors';
import type { Clock, ReportFile, ReportPublisher, Stores } from './ports';
import { renderCsv } from './render/csv';
import { renderWall } from './render/html';
import { buildReport, type Report, type ReportContent } from './report';
import { minutesOf, type Settings } from './settings';
import { BeforeDeployment } from './settings-history';

export type ReportSources = Pick<
  Stores,
  'settings' | 'holidays' | 'roster' | 'checkins' | 'excuses' | 'publications'
>;

export interface PublishDeps {
  readonly stores: ReportSources;
  readonly publisher: ReportPublisher;
  readonly clock: Clock;
}

export interface PublishResult {
  readonly report: Report;
  /** False when the same content was already published: nothing new, no notice sent. */
  readonly changed: boolean;
  readonly keys: string[];
}

/**
 * The day's report from the store, as it stands now, under the settings in force at the end of
 * that date; a date before the deployment's first day has none (BeforeDeployment).
 */
export async function buildDayReport(
  stores: ReportSources,
  date: string,
): Promise<{ content: ReportContent; settings: Settings }> {
  const [rules, holiday, roster, checkins, excuses] = await Promise.all([
    // The rules of that date, not today's: a past Sunday stays a Sunday after a change.
    stores.settings.settingsOn(date),
    stores.holidays.get(date),
    stores.roster.all(),
    stores.checkins.checkinsOn(date),
    stores.excuses.on(date),
  ]);
  const { settings } = rules;
  if (settings === null) throw new BeforeDeployment(date, rules.firstDay);
  return { content: buildReport({ date, settings, holiday, roster, checkins, excuses }), settings };
}

/** SHA-256 of the content: equal content, equal hash (the builder's output is deterministic). */
export function contentHash(content: ReportContent): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** A day's current file, or with `version` that version's own, which never changes. */
export function reportKey(
  date: string,
  file: 'report.json' | 'report.csv' | 'wall.html',
  version?: number,
) {
  return version === undefined ? `reports/${date}/${file}` : `reports/${date}/v${version}/${file}`;
}

/** A day's report may be published once its window has closed. */
export function assertPublishable(date: string, settings: Settings, now: Date): void {
  const local = localTime(now, settings.timezone);
  if (date > local.date || (date === local.date && local.minutes <= minutesOf(settings.closesAt))) {
    throw new ReportTooEarly(date, settings.closesAt);
  }
}

/**
 * Publish a day's report: report.json, report.csv and wall.html under reports/{date}/ (and
 * reports/latest/ for the newest date), each version also kept under reports/{date}/v{n}/.
 * Idempotent: the same content yields the same version and the same bytes; changed content (an
 * excuse entered late) gets the next version, and the earlier one stays.
 */
export async function publishReport(deps: PublishDeps, date: string): Promise<PublishResult> {
  const { stores, publisher } = deps;
  for (let attempt = 0; attempt < 5; attempt++) {
    const { content, settings } = await buildDayReport(stores, date);
    assertPublishable(date, settings, deps.clock.now());
    const hash = contentHash(content);
    const newest = await stores.publications.newest(date);
    if (newest?.hash === hash) {
      const report = { ...content, generatedAt: newest.generatedAt, version: newest.version };
      // A version recorded before the listing existed joins it now.
      if (newest.listed === false) {
        await stores.publications.markListed({ ...newest, units: report.units });
      }
      // The same bytes again: a run that failed after recording this version may not have
      // written them.
      await publisher.write(files(report, settings, `reports/${date}/v${newest.version}/`));
      const keys = await writeCurrent(deps, report, settings);
      // An earlier run recorded this version and then failed before its notice went out.
      if (newest.notified === false) await notify(deps, report, keys);
      return { report, changed: false, keys };
    }
    const version = (newest?.version ?? 0) + 1;
    const report: Report = { ...content, generatedAt: deps.clock.now().toISOString(), version };
    // Recorded first, its files after: of two publishers racing for a version number, only the
    // one that recorded it writes its folder, so a version's files always match its record.
    const recorded = await stores.publications.record({
      date,
      version,
      hash,
      generatedAt: report.generatedAt,
      totals: report.totals,
      units: report.units,
      notified: false,
    });
    if (!recorded) continue; // another publisher took this version: start over
    await publisher.write(files(report, settings, `reports/${date}/v${version}/`));
    const keys = await writeCurrent(deps, report, settings);
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
  await deps.publisher.notify(
    `Apel ${date}: ${t.absent} tidak hadir / absent`,
    [
      `Laporan apel ${date} (versi ${version}) / apel report ${date} (version ${version})`,
      report.workday
        ? `Wajib hadir ${t.expected} · hadir ${t.present} · terlambat ${t.late} · berhalangan ${t.excused} · tidak hadir ${t.absent}`
        : `Bukan hari kerja${report.holiday ? ` (${report.holiday})` : ''} / not a workday`,
      ...keys,
    ].join('\n'),
  );
  await deps.stores.publications.markNotified(date, version);
}

async function writeCurrent(deps: PublishDeps, report: Report, settings: Settings) {
  const current = files(report, settings, `reports/${report.date}/`);
  await deps.stores.publications.markNewestDate(report.date);
  const newest = await deps.stores.publications.newestDate();
  const all =
    newest === report.date ? [...current, ...files(report, settings, 'reports/latest/')] : current;
  await deps.publisher.write(all);
  return all.map((f) => f.key);
}

function files(report: Report, settings: Settings, prefix: string): ReportFile[] {
  return [
    {
      key: `${prefix}report.json`,
      body: `${JSON.stringify(report)}\n`,
      contentType: 'application/json',
    },
    {
      key: `${prefix}report.csv`,
      body: renderCsv(report, settings.language),
      contentType: 'text/csv; charset=utf-8',
    },
    {
      key: `${prefix}wall.html`,
      body: renderWall(report, { lang: settings.language }),
      contentType: 'text/html; charset=utf-8',
    },
  ];
}
