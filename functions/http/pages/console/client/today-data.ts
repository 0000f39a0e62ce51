import { useComputed, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type * as v from 'valibot';
import type { Settings } from '../../../../core/settings';
import type { ReportSchema } from '../../../admin-schemas';
import { type ApiError, api } from './api';
import { todayIn } from './format';
import { listRollCalls } from './rollcalls-api';
import { happensOn, PAGI, type RollCall } from './rollcalls-model';
import { me } from './state';

/**
 * The board's data: today's roll calls (GET /v1/rollcalls, those that happen today), and the
 * chosen one's report in the deployment's zone `tz` (live until it is published, asked again
 * every REFRESH_MS while the tab is visible, and when it comes back into view). `pagi`'s report
 * is asked first: it says whether today is a workday, which decides the others.
 */

export type Report = v.InferOutput<typeof ReportSchema>;

/** How often the board asks again while the day's list is live. */
export const REFRESH_MS = 20_000;

/** `pagi` as the settings hold it, for a server that lists no roll calls. */
function pagiOf(s: Settings): RollCall {
  return {
    id: PAGI,
    name: 'Apel pagi',
    schedule: { kind: 'daily' },
    opensAt: s.opensAt,
    startsAt: s.startsAt,
    closesAt: s.closesAt,
    reportAt: s.reportAt,
    active: true,
  };
}

export function reportPath(date: string, rollCall: string): string {
  const q = rollCall === PAGI ? '' : `&rollCall=${encodeURIComponent(rollCall)}`;
  return `/v1/reports/${date}?format=json${q}`;
}

export function useToday(tz: string) {
  const report = useSignal<Report | null>(null);
  const published = useSignal(false);
  const settings = useSignal<Settings | null>(null);
  const rollCalls = useSignal<RollCall[] | null>(null);
  const workday = useSignal<boolean | null>(null);
  // An officer who is neither admin nor operator sees their own roll calls' boards only.
  const roles = me.value?.roles ?? [];
  const own = me.value?.rollCallIds ?? [];
  const officerOnly = !roles.includes('admin') && !roles.includes('operator');
  const chosen = useSignal<string>(officerOnly && !own.includes(PAGI) && own[0] ? own[0] : PAGI);
  const error = useSignal<ApiError | null>(null);
  const lastAt = useSignal<number | null>(null);

  /** Today's roll calls, `pagi` first; `pagi` alone until the server has answered. */
  const today = useComputed<RollCall[]>(() => {
    const date = todayIn(tz);
    const all = rollCalls.value ?? (settings.value ? [pagiOf(settings.value)] : []);
    const day = workday.value ?? true;
    return all.filter((rc) => happensOn(rc, date, day));
  });
  const current = useComputed<RollCall | null>(
    () =>
      today.value.find((rc) => rc.id === chosen.value) ??
      rollCalls.value?.find((rc) => rc.id === chosen.value) ??
      (settings.value && chosen.value === PAGI ? pagiOf(settings.value) : null),
  );

  async function load() {
    const date = todayIn(tz);
    const id = chosen.value;
    const [r, s, l] = await Promise.all([
      api<Report>('GET', reportPath(date, id)),
      settings.value ? null : api<Settings>('GET', '/v1/settings'),
      rollCalls.value ? null : listRollCalls(),
    ]);
    if (s?.ok) settings.value = s.body;
    if (l?.ok) rollCalls.value = l.body;
    if (id !== chosen.value) return; // another roll call was picked meanwhile
    if (!r.ok) {
      error.value = r.error;
      return;
    }
    error.value = null;
    report.value = r.body;
    if (id === PAGI) workday.value = r.body.workday;
    published.value = r.headers.get('x-apel-report') === 'published';
    lastAt.value = Date.now();
    // pagi does not happen today (a holiday) but another one does: show that one.
    if (id === PAGI && !today.value.some((rc) => rc.id === PAGI) && today.value[0]) {
      pick(today.value[0].id);
    }
  }

  function pick(id: string) {
    if (id === chosen.value) return;
    chosen.value = id;
    report.value = null;
    published.value = false;
    error.value = null;
    void load();
  }

  useEffect(() => {
    void load();
    const timer = setInterval(() => {
      if (!document.hidden && !published.value) void load();
    }, REFRESH_MS);
    const onVisible = () => {
      if (!document.hidden && !published.value) void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);

  return { report, published, today, current, chosen, error, lastAt, load, pick };
}
