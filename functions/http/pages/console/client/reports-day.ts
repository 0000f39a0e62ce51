import { useSignal } from '@preact/signals';
import { Fragment, h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type * as v from 'valibot';
import type { PublishResultSchema } from '../../../admin-schemas';
import type { ReportJobSchema } from '../../../report-job-schemas';
import { api } from './api';
import { ConfirmButton } from './confirm';
import { fetchFile, MAX_POLLS, saveBlob } from './fetch-file';
import { clockOf, count, dateLabel } from './format';
import { ReportPreview } from './report-preview';
import { FlaggedList } from './reports-flagged';
import { MarkedList } from './reports-marked';
import { rt } from './reports-strings';
import { isAdmin, lang, t } from './state';
import type { StringKey } from './strings';
import type { Report } from './today-data';
import { Alert, errorText } from './ui';

type PublishResult = v.InferOutput<typeof PublishResultSchema>;
type Job = v.InferOutput<typeof ReportJobSchema>;
/** Seconds between two looks at a report being built (the API's Retry-After). */
const POLL_S = 5;

const TOTALS: readonly [keyof Report['totals'], StringKey][] = [
  ['expected', 'expected'],
  ['present', 'onTime'],
  ['late', 'late'],
  ['excused', 'excused'],
  ['absent', 'absentFinal'],
];

/**
 * One day: its report (published, or live when not yet), its totals, open / print / download,
 * publish now (after a question), and the flagged check-ins. `onPublished` refreshes the calendar.
 */
export function ReportDay(p: {
  date: string;
  rollCallId: string;
  tz: string;
  onPublished: () => void;
}) {
  const rc = `rollCall=${encodeURIComponent(p.rollCallId)}`;
  const report = useSignal<Report | null>(null);
  const published = useSignal(false);
  const html = useSignal<string | null>(null);
  const message = useSignal<{ tone: 'ok' | 'error' | 'info'; text: string } | null>(null);
  const frame = useRef<HTMLIFrameElement | null>(null);
  const printWhenReady = useRef(false);

  async function load() {
    let r = await api<Report | Job>('GET', `/v1/reports/${p.date}?format=json&${rc}`);
    // A large roster's live report is built by the report function: asked again until it is.
    for (let tries = 0; r.ok && r.status === 202 && tries < MAX_POLLS; tries++) {
      message.value = { tone: 'info', text: rt('building') };
      await new Promise((done) => setTimeout(done, 1000 * POLL_S));
      r = await api<Report | Job>('GET', `/v1/reports/${p.date}?format=json&${rc}`);
    }
    if (!r.ok || r.status === 202) {
      report.value = null;
      message.value = r.ok
        ? { tone: 'error', text: rt('buildFailed', { reason: r.status }) }
        : { tone: 'error', text: errorText(r.error) };
      return;
    }
    if (message.value?.tone === 'info') message.value = null;
    const body = r.body as Report;
    report.value = body;
    // A published file comes from the reports bucket (a redirect), without the API's header:
    // its version tells (a live report is version 0).
    published.value = r.headers.get('x-apel-report') === 'published' || body.version > 0;
  }

  useEffect(() => {
    report.value = null;
    html.value = null;
    message.value = null;
    void load();
  }, [p.date, p.rollCallId]);

  async function open(): Promise<boolean> {
    const f = await fetchFile(`/v1/reports/${p.date}?format=html&${rc}`);
    if (!f.ok) {
      message.value = { tone: 'error', text: errorText(f.error) };
      return false;
    }
    html.value = await f.blob.text();
    return true;
  }

  async function print() {
    if (frame.current && html.value !== null) {
      frame.current.contentWindow?.print();
      return;
    }
    printWhenReady.current = true;
    if (!(await open())) printWhenReady.current = false;
  }

  // A print asked before the report was open waits for its frame.
  useEffect(() => {
    if (html.value !== null && printWhenReady.current && frame.current) {
      printWhenReady.current = false;
      frame.current.contentWindow?.print();
    }
  }, [html.value]);

  async function download(format: 'json' | 'csv') {
    const f = await fetchFile(`/v1/reports/${p.date}?format=${format}&${rc}`);
    if (!f.ok) {
      message.value = { tone: 'error', text: errorText(f.error) };
      return;
    }
    const name = f.name ?? `apel-${p.date}.${format}`;
    saveBlob(f.blob, name);
    message.value = { tone: 'ok', text: rt('downloaded', { file: name }) };
  }

  async function publish() {
    const r = await api<PublishResult | Job>('POST', `/v1/reports/${p.date}/publish?${rc}`);
    if (!r.ok) {
      message.value = { tone: 'error', text: errorText(r.error) };
      return;
    }
    const out = r.status === 202 ? await publication() : (r.body as PublishResult);
    if (!out) return;
    message.value = {
      tone: 'ok',
      text: out.changed
        ? rt('published', { date: dateLabel(p.date, lang.value), version: out.version })
        : rt('unchanged', { version: out.version }),
    };
    html.value = null;
    await load();
    p.onPublished();
  }

  /** A large roster's publication, run by the report function: its status, until it is done. */
  async function publication(): Promise<PublishResult | null> {
    message.value = { tone: 'info', text: rt('building') };
    for (let tries = 0; tries < MAX_POLLS; tries++) {
      await new Promise((done) => setTimeout(done, 1000 * POLL_S));
      const j = await api<Job>('GET', `/v1/reports/${p.date}/publish?${rc}`);
      if (!j.ok) {
        message.value = { tone: 'error', text: errorText(j.error) };
        return null;
      }
      if (j.body.status === 'done' && j.body.result) return j.body.result;
      if (j.body.status === 'failed') {
        const reason = j.body.error ? errorText(j.body.error) : '';
        message.value = { tone: 'error', text: rt('buildFailed', { reason }) };
        return null;
      }
    }
    message.value = { tone: 'error', text: rt('buildFailed', { reason: 'timeout' }) };
    return null;
  }

  const l = lang.value;
  const r = report.value;
  const when = dateLabel(p.date, l, true);
  // Its sections are the screen's grid items: the day beside the calendar, the rest below both.
  return h(
    Fragment,
    null,
    h(
      'section',
      { class: 'card day', 'aria-labelledby': 'day-title' },
      h('h2', { id: 'day-title', tabIndex: -1 }, when),
      r
        ? h(
            'p',
            { class: published.value ? 'status-published' : 'muted', id: 'day-status' },
            published.value
              ? rt('statusPublished', {
                  time: `${dateLabel(r.generatedAt.slice(0, 10), l)} ${clockOf(r.generatedAt, p.tz, l)}`,
                  version: r.version,
                })
              : rt('statusLive'),
          )
        : h('p', { class: 'muted' }, t('loading')),
      r && !r.workday
        ? h('p', null, r.holiday ? rt('holiday', { name: r.holiday }) : rt('notWorkday'))
        : null,
      r?.workday
        ? h(
            'dl',
            { class: 'totals' },
            TOTALS.map(([k, label]) =>
              h(
                'div',
                { key: k, class: `total total-${k}`, 'data-total': k },
                h('dt', null, t(label)),
                h('dd', null, count(r.totals[k], l)),
              ),
            ),
          )
        : null,
      message.value ? h(Alert, { tone: message.value.tone }, message.value.text) : null,
      h(
        'div',
        { class: 'actions' },
        html.value === null
          ? h('button', { type: 'button', onClick: () => void open() }, rt('open'))
          : h(
              'button',
              {
                type: 'button',
                onClick: () => {
                  html.value = null;
                },
              },
              rt('close'),
            ),
        h('button', { type: 'button', onClick: () => void print() }, rt('print')),
        h('button', { type: 'button', onClick: () => void download('json') }, rt('downloadJson')),
        h('button', { type: 'button', onClick: () => void download('csv') }, rt('downloadCsv')),
        isAdmin() &&
          h(ConfirmButton, {
            label: rt('publish'),
            question: rt('publishConfirm', { date: dateLabel(p.date, l) }),
            yes: rt('yesPublish'),
            no: rt('cancel'),
            tone: 'primary',
            onConfirm: publish,
          }),
      ),
    ),
    html.value !== null
      ? h(
          'section',
          { class: 'card preview wide', 'aria-labelledby': 'preview-title' },
          h('h2', { id: 'preview-title' }, rt('previewTitle', { date: dateLabel(p.date, l) })),
          h(ReportPreview, {
            html: html.value,
            title: rt('previewFrame', { date: dateLabel(p.date, l) }),
            frameRef: frame,
          }),
        )
      : null,
    r?.workday && r.marked ? h(MarkedList, { marked: r.marked, tz: p.tz }) : null,
    r?.workday ? h(FlaggedList, { flagged: r.flagged }) : null,
  );
}
