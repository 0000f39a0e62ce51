import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type * as v from 'valibot';
import type { Settings } from '../../../../core/settings';
import type { ReportSchema } from '../../../admin-schemas';
import { type ApiError, api } from './api';
import { todayIn } from './format';

/**
 * The board's data: today's report in the deployment's zone `tz` (live until it is published,
 * asked again every REFRESH_MS while the tab is visible, and when it comes back into view), and
 * the settings once, for the roll-call times.
 */

export type Report = v.InferOutput<typeof ReportSchema>;

/** How often the board asks again while the day's list is live. */
export const REFRESH_MS = 20_000;

export function useToday(tz: string) {
  const report = useSignal<Report | null>(null);
  const published = useSignal(false);
  const settings = useSignal<Settings | null>(null);
  const error = useSignal<ApiError | null>(null);
  const lastAt = useSignal<number | null>(null);

  async function load() {
    const date = todayIn(tz);
    const [r, s] = await Promise.all([
      api<Report>('GET', `/v1/reports/${date}?format=json`),
      settings.value ? null : api<Settings>('GET', '/v1/settings'),
    ]);
    if (s?.ok) settings.value = s.body;
    if (!r.ok) {
      error.value = r.error;
      return;
    }
    error.value = null;
    report.value = r.body;
    published.value = r.headers.get('x-apel-report') === 'published';
    lastAt.value = Date.now();
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

  return { report, published, settings, error, lastAt, load };
}
