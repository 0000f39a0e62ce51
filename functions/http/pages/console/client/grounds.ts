import { useSignal } from '@preact/signals';
import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { type ApiError, api } from './api';
import { readGroundFile } from './grounds-geojson';
import { loadMap } from './grounds-load';
import type { GroundsMap, Tool } from './grounds-map';
import { idFromName, type LonLat, problemPoint, type Shape } from './grounds-shape';
import { gt } from './grounds-strings';
import { type Draft, GroundForm, GroundList, MapTools, type SiteFeature } from './grounds-view';
import { config, lang } from './state';
import { Alert, errorText, Screen } from './ui';

type Note = { tone: 'ok' | 'error' | 'info'; text: string } | null;
type Problem = { text: string; at: LonLat | null } | null;

const draftOf = (s: SiteFeature): Draft => ({
  id: s.id,
  name: s.properties.name,
  shape: s.geometry,
  properties: s.properties,
  isNew: false,
  dirty: false,
});

/**
 * Lapangan: every ground on a map (GET /v1/sites); draw, edit and cut holes in one with
 * leaflet-geoman, or upload GeoJSON, then PUT /v1/sites/{id}. The server alone judges a shape:
 * its INVALID_GEOMETRY message shows beside the map, and the spot it names is marked on it.
 */
export function Grounds() {
  const sites = useSignal<SiteFeature[] | null>(null);
  const draft = useSignal<Draft | null>(null);
  const tool = useSignal<Tool>(null);
  const note = useSignal<Note>(null);
  const problem = useSignal<Problem>(null);
  const mapState = useSignal<'loading' | 'ready' | 'failed'>('loading');
  const tiles = useSignal<'unknown' | 'ok' | 'failed'>('unknown');
  const busy = useSignal(false);
  const host = useRef<HTMLDivElement>(null);
  const map = useRef<GroundsMap | null>(null);
  const refit = useRef(true);

  async function reload(): Promise<SiteFeature[] | null> {
    const r = await api<{ features: SiteFeature[] }>('GET', '/v1/sites');
    if (!r.ok) {
      note.value = { tone: 'error', text: errorText(r.error) };
      return null;
    }
    const list = [...r.body.features].sort((a, b) =>
      a.properties.name.localeCompare(b.properties.name),
    );
    sites.value = list;
    return list;
  }

  useEffect(() => {
    void reload();
    let gone = false;
    loadMap()
      .then((mod) => {
        if (gone || !host.current || !config.value) return;
        map.current = mod.createGroundsMap(host.current, {
          tiles: config.value.map,
          lang: lang.value,
          onShape: (shape) => {
            if (!draft.value) return;
            draft.value = { ...draft.value, shape, dirty: true };
            problem.value = null;
          },
          onPick: (id) => pick(id),
          onTiles: (state) => {
            tiles.value = state;
          },
          onIdle: () => {
            if (tool.value !== 'edit') tool.value = null;
          },
        });
        mapState.value = 'ready';
      })
      .catch(() => {
        mapState.value = 'failed';
      });
    return () => {
      gone = true;
      map.current?.destroy();
      map.current = null;
    };
  }, []);

  const d = draft.value;
  useEffect(() => {
    const m = map.current;
    if (!m) return;
    const grounds = (sites.value ?? []).map((s) => ({
      id: s.id,
      name: s.properties.name,
      shape: s.geometry,
    }));
    m.show(grounds, d?.id ?? null, d?.shape ?? null);
    if (refit.current) {
      m.fit();
      refit.current = false;
    }
  }, [mapState.value, sites.value, d?.id, d?.isNew, d?.shape]);
  useEffect(() => map.current?.use(tool.value), [mapState.value, tool.value]);
  useEffect(() => map.current?.setLang(lang.value), [mapState.value, lang.value]);
  useEffect(
    () => map.current?.mark(problem.value?.at ?? null, gt('problemHere')),
    [mapState.value, problem.value],
  );

  function leave(): boolean {
    return !draft.value?.dirty || confirm(gt('unsaved'));
  }

  function pick(id: string) {
    const s = sites.value?.find((x) => x.id === id);
    if (!s || draft.value?.id === id || !leave()) return;
    tool.value = null;
    problem.value = null;
    note.value = null;
    refit.current = true;
    draft.value = draftOf(s);
  }

  function startNew(shape: Shape | null = null, name = '') {
    tool.value = null;
    problem.value = null;
    const id = name ? idFromName(name) : '';
    draft.value = { id, name, shape, properties: {}, isNew: true, dirty: shape !== null };
  }

  async function upload(file: File) {
    const r = readGroundFile(await file.text());
    problem.value = null;
    if (!r.ok) {
      const key = r.why === 'json' ? 'fileNotJson' : r.why === 'empty' ? 'fileEmpty' : 'fileType';
      note.value = { tone: 'error', text: gt(key, { file: file.name, type: r.type ?? '' }) };
      return;
    }
    tool.value = null;
    refit.current = true;
    if (!draft.value) startNew(r.shape, r.name ?? '');
    else {
      draft.value = {
        ...draft.value,
        shape: r.shape,
        name: draft.value.name || r.name || '',
        dirty: true,
      };
    }
    note.value = { tone: 'info', text: gt('uploaded', { file: file.name }) };
  }

  async function save() {
    const cur = draft.value;
    if (!cur || busy.value) return;
    if (!cur.name.trim()) {
      note.value = { tone: 'error', text: gt('needName') };
      return;
    }
    if (!cur.shape) {
      note.value = { tone: 'error', text: gt('needShape') };
      return;
    }
    tool.value = null;
    busy.value = true;
    const r = await api<SiteFeature>('PUT', `/v1/sites/${encodeURIComponent(cur.id)}`, {
      type: 'Feature',
      geometry: cur.shape,
      // What other screens keep on the ground (e.g. its presence rules) goes back unchanged.
      properties: { ...cur.properties, name: cur.name.trim() },
    });
    busy.value = false;
    if (!r.ok) return refused(r.error, cur.shape);
    problem.value = null;
    draft.value = draftOf(r.body);
    // The list first, then the word: when "saved" shows, the list already has the ground.
    await reload();
    note.value = {
      tone: 'ok',
      text: gt(r.status === 201 ? 'groundCreated' : 'groundSaved', {
        name: r.body.properties.name,
      }),
    };
  }

  function refused(e: ApiError, sent: Shape) {
    if (e.code === 'INVALID_GEOMETRY') {
      note.value = null;
      problem.value = {
        text: e.message,
        at: problemPoint(e.details as Record<string, unknown>, sent),
      };
      // The save button may be far below: bring the message and the marked map into view.
      requestAnimationFrame(() => document.getElementById('ground-problem')?.scrollIntoView());
      return;
    }
    const issues = e.details?.issues ?? [];
    note.value = {
      tone: 'error',
      text: [errorText(e), ...issues.map((i) => `${i.path || '—'}: ${i.message}`)].join(' '),
    };
  }

  async function remove() {
    const cur = draft.value;
    if (!cur || cur.isNew || !confirm(gt('confirmDelete', { name: cur.name }))) return;
    const r = await api('DELETE', `/v1/sites/${encodeURIComponent(cur.id)}`);
    if (!r.ok) {
      note.value = { tone: 'error', text: errorText(r.error) };
      return;
    }
    tool.value = null;
    problem.value = null;
    draft.value = null;
    refit.current = true;
    await reload();
    note.value = { tone: 'ok', text: gt('groundDeleted', { name: cur.name }) };
  }

  const p = problem.value;
  return h(
    Screen,
    { title: gt('groundsTitle'), lead: gt('groundsLead') },
    h(
      'div',
      { class: 'grounds' },
      h(
        'div',
        { class: 'grounds-side' },
        h(GroundList, {
          sites: sites.value,
          current: d?.isNew ? null : (d?.id ?? null),
          onPick: pick,
          onNew: () => leave() && startNew(),
        }),
        h(GroundForm, {
          draft: d,
          busy: busy.value,
          onChange: (next: Draft) => {
            draft.value = next;
          },
          onUpload: (f: File) => void upload(f),
          onSave: () => void save(),
          onDelete: () => void remove(),
          onCancel: () => {
            if (!leave()) return;
            tool.value = null;
            problem.value = null;
            draft.value = null;
          },
        }),
      ),
      h(
        'div',
        { class: 'grounds-map-area' },
        note.value ? h(Alert, { tone: note.value.tone }, note.value.text) : null,
        p
          ? h(
              'div',
              { class: 'note tone-error', role: 'alert', id: 'ground-problem' },
              h('p', null, p.text),
              p.at
                ? h('p', { class: 'problem-at' }, gt('problemAt', { lat: p.at[1], lon: p.at[0] }))
                : null,
            )
          : null,
        h(MapTools, {
          draft: d,
          tool: tool.value,
          ready: mapState.value === 'ready',
          onTool: (next: Tool) => {
            tool.value = next;
          },
          onClear: () => {
            if (draft.value) draft.value = { ...draft.value, shape: null, dirty: true };
          },
        }),
        mapState.value === 'loading' ? h('p', { class: 'muted' }, gt('mapLoading')) : null,
        mapState.value === 'failed' ? h(Alert, { tone: 'error' }, gt('mapFailed')) : null,
        h('div', {
          ref: host,
          id: 'ground-map',
          class: 'grounds-map',
          role: 'region',
          'aria-label': gt('mapLabel', { name: d?.name || gt('groundsList') }),
        }),
        tiles.value === 'failed'
          ? h('p', { class: 'note tone-info', id: 'base-map-note' }, gt('baseMapMissing'))
          : null,
        h('p', { class: 'hint' }, gt('mapHelp')),
      ),
    ),
  );
}
