import type { Signal } from '@preact/signals';
import type { RefObject } from 'preact';
import { type ApiError, api } from './api';
import { readGroundFile } from './grounds-geojson';
import type { Tool } from './grounds-map';
import { idFromName, type LonLat, problemPoint, type Shape } from './grounds-shape';
import { gt } from './grounds-strings';
import type { Draft, SiteFeature } from './grounds-view';
import { errorText } from './ui';

export type Note = { tone: 'ok' | 'error' | 'info'; text: string } | null;
export type Problem = { text: string; at: LonLat | null } | null;

/** The grounds screen's state that editing one ground reads and changes. */
export interface GroundsState {
  readonly sites: Signal<SiteFeature[] | null>;
  readonly draft: Signal<Draft | null>;
  readonly tool: Signal<Tool>;
  readonly note: Signal<Note>;
  readonly problem: Signal<Problem>;
  readonly busy: Signal<boolean>;
  /** Fit the map to the grounds at the next drawing. */
  readonly refit: RefObject<boolean>;
}

export const draftOf = (s: SiteFeature): Draft => ({
  id: s.id,
  name: s.properties.name,
  shape: s.geometry,
  properties: s.properties,
  isNew: false,
  dirty: false,
});

/**
 * Editing one ground (the screen's form): pick one or start a new one, upload GeoJSON into it,
 * save it with PUT /v1/sites/{id} (the server's INVALID_GEOMETRY shown at the spot it names) or
 * delete it. The screen (grounds.ts) keeps the map and the layout.
 */
export function groundDraft(s: GroundsState, reload: () => Promise<SiteFeature[] | null>) {
  const { sites, draft, tool, note, problem, busy, refit } = s;

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

  return { leave, pick, startNew, upload, save, remove };
}
