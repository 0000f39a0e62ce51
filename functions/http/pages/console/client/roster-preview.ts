import { h } from 'preact';
import type { Employee } from '../../../../core/model';
import { count } from './format';
import { type RosterKey, rt } from './roster-strings';
import type { PlannedChange, Preview } from './roster-upload';
import { lang } from './state';
import { Alert } from './ui';

/**
 * The import's dry run as the admin reads it: counts per kind of change, every bad line with
 * its number, each change with its fields before and after, and the apply's progress.
 */

const KIND: Record<PlannedChange['kind'], RosterKey> = {
  new: 'kNew',
  changed: 'kChanged',
  deactivated: 'kDeactivated',
};

export function PreviewView(p: {
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
