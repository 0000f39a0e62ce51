import { h } from 'preact';
import type { Tool } from './grounds-map';
import { idFromName, type Shape, summary } from './grounds-shape';
import { gt } from './grounds-strings';
import { t } from './state';

/** A ground as GET /v1/sites gives it. */
export interface SiteFeature {
  readonly type: 'Feature';
  readonly id: string;
  readonly geometry: Shape;
  readonly properties: { readonly name: string } & Record<string, unknown>;
}

/** The ground being edited, as the form holds it until it is saved. */
export interface Draft {
  readonly id: string;
  readonly name: string;
  readonly shape: Shape | null;
  /** The ground's other properties, sent back unchanged. */
  readonly properties: Record<string, unknown>;
  readonly isNew: boolean;
  readonly dirty: boolean;
}

export function GroundList(p: {
  sites: readonly SiteFeature[] | null;
  current: string | null;
  onPick: (id: string) => void;
  onNew: () => void;
}) {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'grounds-list-title' },
    h('h2', { id: 'grounds-list-title' }, gt('groundsList')),
    p.sites === null
      ? h('p', { class: 'muted' }, t('loading'))
      : p.sites.length === 0
        ? h('p', { class: 'muted' }, gt('noGrounds'))
        : h(
            'ul',
            { class: 'ground-list', id: 'ground-list' },
            p.sites.map((s) =>
              h(
                'li',
                { key: s.id, class: s.id === p.current ? 'current' : undefined },
                h(
                  'span',
                  null,
                  h('strong', null, s.properties.name),
                  h('span', { class: 'muted' }, ` ${s.id}`),
                ),
                h(
                  'button',
                  {
                    type: 'button',
                    'aria-label': gt('editGroundLabel', { name: s.properties.name }),
                    'aria-pressed': s.id === p.current,
                    onClick: () => p.onPick(s.id),
                  },
                  gt('editGround'),
                ),
              ),
            ),
          ),
    h('button', { type: 'button', onClick: p.onNew }, `+ ${gt('newGround')}`),
  );
}

export function GroundForm(p: {
  draft: Draft | null;
  busy: boolean;
  onChange: (d: Draft) => void;
  onUpload: (f: File) => void;
  onSave: () => void;
  onDelete: () => void;
  onCancel: () => void;
}) {
  const d = p.draft;
  const upload = h(
    'div',
    { class: 'field' },
    h('label', { for: 'ground-file' }, gt('upload')),
    h('input', {
      id: 'ground-file',
      type: 'file',
      accept: '.geojson,.json,application/geo+json,application/json',
      'aria-describedby': 'ground-file-hint',
      onChange: (e: Event) => {
        const input = e.currentTarget as HTMLInputElement;
        const f = input.files?.[0];
        if (f) p.onUpload(f);
        input.value = ''; // the same file again is a new upload
      },
    }),
    h('p', { class: 'hint', id: 'ground-file-hint' }, gt('uploadHint')),
  );
  if (!d) return h('section', { class: 'card' }, upload);
  const s = d.shape ? summary(d.shape) : null;
  return h(
    'form',
    {
      class: 'card ground-form',
      'aria-labelledby': 'ground-form-title',
      onSubmit: (e: Event) => {
        e.preventDefault();
        p.onSave();
      },
    },
    h('h2', { id: 'ground-form-title' }, d.isNew ? gt('newGround') : d.name),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'ground-name' }, gt('groundName')),
      h('input', {
        id: 'ground-name',
        type: 'text',
        required: true,
        maxLength: 200,
        value: d.name,
        onInput: (e: Event) => {
          const name = (e.currentTarget as HTMLInputElement).value;
          // A new ground's id follows its name until the admin types one.
          const id =
            d.isNew && (d.id === '' || d.id === idFromName(d.name)) ? idFromName(name) : d.id;
          p.onChange({ ...d, name, id, dirty: true });
        },
      }),
    ),
    d.isNew
      ? h(
          'div',
          { class: 'field' },
          h('label', { for: 'ground-id' }, gt('groundId')),
          h('input', {
            id: 'ground-id',
            type: 'text',
            required: true,
            maxLength: 64,
            pattern: '[a-z0-9][a-z0-9._\\-]{0,63}',
            'aria-describedby': 'ground-id-hint',
            value: d.id,
            onInput: (e: Event) =>
              p.onChange({ ...d, id: (e.currentTarget as HTMLInputElement).value, dirty: true }),
          }),
          h('p', { class: 'hint', id: 'ground-id-hint' }, gt('groundIdHint')),
        )
      : null,
    h(
      'p',
      { id: 'shape-summary' },
      s
        ? gt('shapeSummary', { parts: s.parts, holes: s.holes, vertices: s.vertices })
        : gt('shapeNone'),
    ),
    upload,
    d.dirty ? h('p', { class: 'muted' }, gt('unsaved')) : null,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', disabled: p.busy }, gt('saveGround')),
      h('button', { type: 'button', onClick: p.onCancel }, gt('cancelEdit')),
      d.isNew
        ? null
        : h('button', { type: 'button', class: 'danger', onClick: p.onDelete }, gt('deleteGround')),
    ),
  );
}

export function MapTools(p: {
  draft: Draft | null;
  tool: Tool;
  ready: boolean;
  onTool: (t: Tool) => void;
  onClear: () => void;
}) {
  const d = p.draft;
  const off = !d || !p.ready;
  const toggle = (which: Exclude<Tool, null>, label: string, disabled: boolean) =>
    h(
      'button',
      {
        type: 'button',
        'aria-pressed': p.tool === which,
        disabled,
        onClick: () => p.onTool(p.tool === which ? null : which),
      },
      label,
    );
  const status =
    p.tool === 'draw'
      ? gt('drawing')
      : p.tool === 'cut'
        ? gt('cutting')
        : p.tool === 'edit'
          ? gt('editingVertices')
          : '';
  return h(
    'div',
    null,
    h(
      'div',
      { class: 'map-tools', role: 'toolbar', 'aria-label': gt('toolsLabel') },
      toggle('draw', d?.shape ? gt('toolDrawMore') : gt('toolDraw'), off),
      toggle('edit', gt('toolEdit'), off || !d?.shape),
      toggle('cut', gt('toolCut'), off || !d?.shape),
      p.tool
        ? h(
            'button',
            { type: 'button', class: 'primary', onClick: () => p.onTool(null) },
            gt('toolDone'),
          )
        : null,
      h(
        'button',
        { type: 'button', disabled: off || !d?.shape, onClick: p.onClear },
        gt('toolClear'),
      ),
    ),
    h('p', { class: 'muted tool-status', role: 'status' }, status),
  );
}
