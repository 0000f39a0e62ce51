import type { ReportPublisher, Stores } from './ports';
import type { Report } from './report';
import { reportKey } from './report-files';
import { PAGI } from './rollcalls';

/**
 * The newest published version of a day's report, or null when none was published. Read from the
 * version's own files, which never change: the day's current files are rewritten by every
 * publisher, and two racing publishers may leave an older version there for a moment.
 */
export async function publishedReport(
  deps: { readonly stores: Pick<Stores, 'publications'>; readonly publisher: ReportPublisher },
  date: string,
  rollCallId: string = PAGI,
): Promise<Report | null> {
  const newest = await deps.stores.publications.newest(date, rollCallId);
  if (!newest) return null;
  const json =
    (await deps.publisher.read(reportKey(date, 'report.json', newest.version, rollCallId))) ??
    // Recorded, its files not written yet (or published before versions had their own folder).
    (await deps.publisher.read(reportKey(date, 'report.json', undefined, rollCallId)));
  return json ? (JSON.parse(json) as Report) : null;
}
