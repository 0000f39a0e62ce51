import { useSignal } from '@preact/signals';
import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Employee } from '../../../../core/model';
import { count } from './format';
import { type RosterKey, rt } from './roster-strings';
import {
  type Applied,
  fileType,
  MAX_FILE_BYTES,
  type PlannedChange,
  type Preview,
  sendImport,
  XLSX_TYPE,
} from './roster-upload';
import { lang } from './state';
import { Alert, errorText } from './ui';

type Phase =
  | { k: 'idle' }
  | { k: 'checking'; file: File }
  | { k: 'preview'; file: File; preview: Preview }
  | { k: 'applying'; file: File; preview: Preview; sent: number; writingSince: number | null };

/**
 * The import: a file dropped or chosen → the server's dry run (what would change, every bad
 * line with its number; nothing written) → Terapkan sends the same file for real, with the
 * upload's progress and then the time the server has been writing.
 */
export function ImportPanel(p: { onApplied: () => void }) {
  const phase = useSignal<Phase>({ k: 'idle' });
  const note = useSignal<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const over = useSignal(false);
  const tick = useSignal(0);
  const input = useRef<HTMLInputElement>(null);

  const ph = phase.value;
  useEffect(() => {
    if (ph.k !== 'applying' || ph.writingSince === null) return;
    const t = setInterval(() => (tick.value += 1), 1000);
    return () => clearInterval(t);
  }, [ph.k, ph.k === 'applying' ? ph.writingSince : null]);

  async function check(file: File) {
    note.value = null;
    if (!fileType(file)) {
      note.value = { tone: 'error', text: rt('wrongType') };
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      note.value = { tone: 'error', text: rt('fileTooBig') };
      return;
    }
    phase.value = { k: 'checking', file };
    const r = await sendImport<Preview>(file, true);
    if (!r.ok) {
      phase.value = { k: 'idle' };
      note.value = { tone: 'error', text: failure(r.status, r.error) };
      return;
    }
    phase.value = { k: 'preview', file, preview: r.body };
    requestAnimationFrame(() => document.getElementById('preview-title')?.focus());
  }

  async function apply() {
    const cur = phase.value;
    if (cur.k !== 'preview') return;
    phase.value = { ...cur, k: 'applying', sent: 0, writingSince: null };
    const r = await sendImport<Applied>(cur.file, false, (sent, total) => {
      const now = phase.value;
      if (now.k !== 'applying') return;
      phase.value = {
        ...now,
        sent: total ? sent / total : 1,
        writingSince: sent >= total ? (now.writingSince ?? Date.now()) : null,
      };
    });
    if (!r.ok) {
      phase.value = { k: 'preview', file: cur.file, preview: cur.preview };
      note.value = { tone: 'error', text: failure(r.status, r.error) };
      return;
    }
    phase.value = { k: 'idle' };
    note.value = { tone: 'ok', text: rt('appliedNote', { ...r.body }) };
    if (input.current) input.current.value = '';
    p.onApplied();
  }

  function cancel() {
    phase.value = { k: 'idle' };
    note.value = null;
    if (input.current) input.current.value = '';
  }

  const busy = ph.k === 'checking' || ph.k === 'applying';
  return h(
    'section',
    { class: 'card', id: 'import-panel', 'aria-labelledby': 'import-title' },
    h('h2', { id: 'import-title' }, rt('importTitle')),
    h('p', { class: 'hint' }, rt('importLead')),
    h(
      'div',
      {
        class: `dropzone${over.value ? ' over' : ''}`,
        id: 'dropzone',
        onDragOver: (e: DragEvent) => {
          e.preventDefault();
          over.value = true;
        },
        onDragLeave: () => {
          over.value = false;
        },
        onDrop: (e: DragEvent) => {
          e.preventDefault();
          over.value = false;
          const file = e.dataTransfer?.files?.[0];
          if (file && !busy) void check(file);
        },
      },
      h('p', { class: 'drop-text' }, rt('dropHere')),
      h('span', { class: 'muted' }, rt('or')),
      h('label', { class: 'file-button', for: 'import-file' }, rt('chooseFile')),
      h('input', {
        id: 'import-file',
        ref: input,
        class: 'sr-only',
        type: 'file',
        accept: `.xlsx,.csv,text/csv,${XLSX_TYPE}`,
        disabled: busy,
        onChange: (e: Event) => {
          const file = (e.currentTarget as HTMLInputElement).files?.[0];
          if (file) void check(file);
        },
      }),
    ),
    note.value ? h(Alert, { tone: note.value.tone }, note.value.text) : null,
    ph.k === 'checking'
      ? h(
          'div',
          { class: 'progress-line', role: 'status' },
          h('progress', { 'aria-label': rt('progressLabel') }),
          h('span', null, rt('checking', { file: ph.file.name })),
        )
      : null,
    ph.k === 'preview' || ph.k === 'applying'
      ? h(PreviewView, {
          file: ph.file,
          preview: ph.preview,
          applying: ph.k === 'applying' ? ph : null,
          tick: tick.value,
          onApply: () => void apply(),
          onCancel: cancel,
        })
      : null,
  );
}

function failure(status: number, e: Parameters<typeof errorText>[0]): string {
  if (status === 401) return rt('sessionEnded');
  if (e.code === 'PAYLOAD_TOO_LARGE') return rt('fileTooBig');
  const lines = (e.details as { lines?: { line: number; errors: string[] }[] } | undefined)?.lines;
  const first = lines?.[0];
  return first
    ? `${errorText(e)} ${rt('line')} ${first.line}: ${first.errors.join('; ')}`
    : errorText(e);
}

const KIND: Record<PlannedChange['kind'], RosterKey> = {
  new: 'kNew',
  changed: 'kChanged',
  deactivated: 'kDeactivated',
};

function PreviewView(p: {
  file: File;
  preview: Preview;
  applying: { sent: number; writingSince: number | null } | null;
  /** Changes each second while writing, so the elapsed time re-renders. */
  tick: number;
  onApply: () => void;
  onCancel: () => void;
}) {
  const v = p.preview;
  const l = lang.value;
  const changes = v.created + v.updated + v.deactivated;
  const tiles: [RosterKey, number, string][] = [
    ['kNew', v.created, 'new'],
    ['kChanged', v.updated, 'changed'],
    ['kDeactivated', v.deactivated, 'deactivated'],
    ['kUnchanged', v.unchanged, 'unchanged'],
    ['kBad', v.badLines, 'bad'],
  ];
  const a = p.applying;
  return h(
    'div',
    { class: 'preview', id: 'preview' },
    h('h3', { id: 'preview-title', tabIndex: -1 }, rt('previewTitle', { file: p.file.name })),
    h('p', { class: 'lead' }, rt('previewLead')),
    h(
      'ul',
      { class: 'tiles', 'aria-label': rt('previewTitle', { file: p.file.name }) },
      tiles.map(([label, n, key]) =>
        h(
          'li',
          { class: `tile tile-${key}`, 'data-count': key, key },
          h('span', { class: 'num' }, count(n, l)),
          h('span', null, rt(label)),
        ),
      ),
    ),
    v.badLines > 0
      ? h(
          'div',
          { class: 'bad-lines', id: 'bad-lines' },
          h('h4', null, rt('badTitle', { n: count(v.badLines, l) })),
          h(Alert, { tone: 'error' }, rt('badLead')),
          v.errors.length < v.badLines
            ? h(
                'p',
                { class: 'muted' },
                rt('badShownFirst', { shown: v.errors.length, n: v.badLines }),
              )
            : null,
          h(
            'div',
            { class: 'table-wrap scroll' },
            h(
              'table',
              null,
              h(
                'thead',
                null,
                h(
                  'tr',
                  null,
                  h('th', { scope: 'col' }, rt('line')),
                  h('th', { scope: 'col' }, rt('problem')),
                ),
              ),
              h(
                'tbody',
                null,
                v.errors.map((e) =>
                  h(
                    'tr',
                    { key: e.line },
                    h('th', { scope: 'row', class: 'n' }, String(e.line)),
                    h('td', null, e.errors.join('; ')),
                  ),
                ),
              ),
            ),
          ),
        )
      : null,
    changes === 0 && v.badLines === 0 ? h(Alert, { tone: 'info' }, rt('nothingToDo')) : null,
    changes > 0
      ? h(
          'div',
          { class: 'changes', id: 'changes' },
          h('h4', null, rt('changesTitle', { n: count(changes, l) })),
          v.changes.length < changes
            ? h('p', { class: 'muted' }, rt('shownFirst', { shown: v.changes.length, n: changes }))
            : null,
          h(
            'div',
            { class: 'table-wrap scroll' },
            h(
              'table',
              null,
              h(
                'thead',
                null,
                h(
                  'tr',
                  null,
                  h('th', { scope: 'col' }, rt('line')),
                  h('th', { scope: 'col' }, rt('nip')),
                  h('th', { scope: 'col' }, rt('name')),
                  h('th', { scope: 'col' }, rt('status')),
                  h('th', { scope: 'col' }, rt('change')),
                ),
              ),
              h(
                'tbody',
                null,
                v.changes.map((c) =>
                  h(
                    'tr',
                    { key: c.line },
                    h('td', { class: 'n' }, String(c.line)),
                    h('td', null, c.employeeId),
                    h('td', null, c.after.name),
                    h('td', null, h('span', { class: `badge badge-${c.kind}` }, rt(KIND[c.kind]))),
                    h('td', null, diff(c)),
                  ),
                ),
              ),
            ),
          ),
        )
      : null,
    a
      ? h(
          'div',
          { class: 'progress-line', role: 'status', id: 'import-progress' },
          a.writingSince === null
            ? h('progress', { max: 1, value: a.sent, 'aria-label': rt('progressLabel') })
            : h('progress', { 'aria-label': rt('progressLabel') }),
          h(
            'span',
            null,
            a.writingSince === null
              ? rt('uploading', { pct: Math.round(a.sent * 100) })
              : rt('writing', {
                  n: count(changes, l),
                  s: Math.round((Date.now() - a.writingSince) / 1000),
                }),
          ),
        )
      : null,
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          id: 'apply',
          disabled: a !== null || v.badLines > 0 || changes === 0,
          onClick: p.onApply,
        },
        changes > 0 ? rt('applyN', { n: count(changes, l) }) : rt('apply'),
      ),
      h('button', { type: 'button', disabled: a !== null, onClick: p.onCancel }, rt('cancel')),
    ),
  );
}

const FIELD_LABEL: Record<string, RosterKey> = {
  name: 'name',
  unit: 'unit',
  siteIds: 'grounds',
  active: 'fActive',
  since: 'fSince',
  until: 'fUntil',
};

function show(e: Employee, f: string): string {
  const x = (e as unknown as Record<string, unknown>)[f];
  if (f === 'active') return x ? rt('active') : rt('inactive');
  if (Array.isArray(x)) return x.join(', ');
  return x === undefined ? '—' : String(x);
}

/** "Unit kerja: BKD → Dinas Sosial", one line a field; a new employee's name and unit. */
function diff(c: PlannedChange) {
  const before = c.before;
  if (!before) {
    return h('span', null, `${rt('fNew')}: ${c.after.unit}`);
  }
  return h(
    'ul',
    { class: 'diff' },
    c.fields.map((f) =>
      h(
        'li',
        { key: f },
        `${rt(FIELD_LABEL[f] ?? 'change')}: `,
        h('del', null, show(before, f)),
        ' → ',
        h('ins', null, show(c.after, f)),
      ),
    ),
  );
}
