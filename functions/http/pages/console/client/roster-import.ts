import { useSignal } from '@preact/signals';
import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { PreviewView } from './roster-preview';
import { rt } from './roster-strings';
import {
  type Applied,
  fileType,
  MAX_FILE_BYTES,
  type Preview,
  sendImport,
  XLSX_TYPE,
} from './roster-upload';
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
