import { useSignal } from '@preact/signals';
import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { api } from './api';
import { groundDraft, type Note, type Problem } from './grounds-form';
import { loadMap } from './grounds-load';
import type { GroundsMap, Tool } from './grounds-map';
import { gt } from './grounds-strings';
import { type Draft, GroundForm, GroundList, MapTools, type SiteFeature } from './grounds-view';
import { config, lang } from './state';
import { Alert, errorText, Screen } from './ui';

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

  const { leave, pick, startNew, upload, save, remove } = groundDraft(
    { sites, draft, tool, note, problem, busy, refit },
    reload,
  );

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
