import { createHash } from 'node:crypto';
import { localTime } from './calendar';
import { NotFound, ReportTooEarly, StoreUnavailable } from './errors';
import type { Clock, ReportFile, ReportPublisher, Stores } from './ports';
import { renderCsv } from './render/csv';
import { renderWall } from './render/html';
import { buildReport, type Report, type ReportContent } from './report';
import { attends, happensOn } from './rollcall-schedule';
import { findRollCall, PAGI, type RollCall } from './rollcalls';
import { minutesOf, type Settings } from './settings';
import { BeforeDeployment } from './settings-history';

export type ReportSources = Pick<
  Stores,
  'settings' | 'holidays' | 'roster' | 'checkins' | 'excuses' | 'publications' | 'marks'
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

export interface DayReport {
  readonly content: ReportContent;
  readonly settings: Settings;
  /** The roll call as it stood at the end of that date (its window, name, attendees). */
  readonly rollCall: RollCall;
}

/**
 * A roll call's report of a day from the store, as it stands now, under the rules (settings and
 * roll calls) in force at the end of that date; a date before the deployment's first day has
 * none (BeforeDeployment), nor a roll call that did not exist then (NotFound). A day the roll
 * call is not held (a holiday for a recurring one, another date for a `once`) says so and lists
 * nobody; attendees are the roster's members of its units (all, without units).
 */
export async function buildDayReport(
  stores: ReportSources,
  date: string,
  rollCallId: string = PAGI,
): Promise<DayReport> {
  const [rules, holiday, roster, checkins, excuses, marks] = await Promise.all([
    // The rules of that date, not today's: a past Sunday stays a Sunday after a change.
    stores.settings.settingsOn(date),
    stores.holidays.get(date),
    stores.roster.all(),
    stores.checkins.checkinsOn(date, rollCallId),
    stores.excuses.on(date),
    stores.marks.on(date, rollCallId),
  ]);
  const { settings } = rules;
  if (settings === null) throw new BeforeDeployment(date, rules.firstDay);
  const rollCall = findRollCall({ settings, rollCalls: rules.rollCalls }, rollCallId);
  if (!rollCall) throw new NotFound('roll call', rollCallId);
  const held = rollCall.active && happensOn(rollCall.schedule, date, settings, holiday !== null);
  const content = buildReport({
    date,
    settings,
    holiday,
    roster: roster.filter((e) => attends(rollCall, e.unit)),
    checkins,
    excuses,
    marks,
    held,
  });
  return { content, settings, rollCall };
}

/** What a report says of its roll call, beside its content (not hashed: a rename is no change). */
export function rollCallHead(rc: RollCall) {
  return {
    rollCall: {
      id: rc.id,
      name: rc.name,
      opensAt: rc.opensAt,
      startsAt: rc.startsAt,
      closesAt: rc.closesAt,
    },
  };
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

/** Where a roll call's files of a day live: pagi's where they always were, others in a folder. */
export function reportFolder(date: string, rollCallId: string = PAGI): string {
  return rollCallId === PAGI ? `reports/${date}/` : `reports/${date}/${rollCallId}/`;
}

/** A day's current file, or with `version` that version's own, which never changes. */
export function reportKey(
  date: string,
  file: 'report.json' | 'report.csv' | 'wall.html',
  version?: number,
  rollCallId: string = PAGI,
) {
  const folder = reportFolder(date, rollCallId);
  return version === undefined ? `${folder}${file}` : `${folder}v${version}/${file}`;
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
    const { content, settings, rollCall } = await buildDayReport(stores, date, rollCallId);
    assertPublishable(date, settings, deps.clock.now(), rollCall.closesAt);
    const hash = contentHash(content);
    const newest = await stores.publications.newest(date, rollCallId);
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
      await publisher.write(files(report, settings, `${folder}v${newest.version}/`));
      const keys = await writeCurrent(deps, report, settings, rollCallId);
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
    await publisher.write(files(report, settings, `${folder}v${version}/`));
    const keys = await writeCurrent(deps, report, settings, rollCallId);
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
  report: Report,
  settings: Settings,
  rollCallId: string,
) {
  const current = files(report, settings, reportFolder(report.date, rollCallId));
  // The wall's newest day (/wall, reports/latest/) is pagi's.
  if (rollCallId !== PAGI) {
    await deps.publisher.write(current);
    return current.map((f) => f.key);
  }
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
