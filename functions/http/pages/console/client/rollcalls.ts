import { useSignal } from '@preact/signals';
import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import { api } from './api';
import { wallTime } from './format';
import { listRollCalls, rt } from './rollcalls-api';
import { blankDraft, type Draft, draftOf, rollCallOf } from './rollcalls-draft';
import { RollCallForm } from './rollcalls-form';
import {
  bodyOf,
  PAGI,
  RC_FIELDS,
  type RcIssues,
  type RollCall,
  rcIssuesByField,
  scheduleText,
  windowText,
} from './rollcalls-model';
import type { Site } from './rollcalls-picks';
import { lang, t } from './state';
import { Alert, errorText, Screen } from './ui';

/**
 * Apel / Roll calls: every roll call (pagi first), active then inactive; add one, edit one,
 * deactivate or activate it again, through GET /v1/rollcalls and PUT /v1/rollcalls/{id}. The
 * grounds to pick come from GET /v1/sites, the units from GET /v1/units (the roster's) and
 * those the roll call already names.
 */
export function RollCalls() {
  const items = useSignal<RollCall[] | null>(null);
  const sites = useSignal<Site[] | null>(null);
  const units = useSignal<string[]>([]);
  const draft = useSignal<Draft | null>(null);
  const issues = useSignal<RcIssues>({});
  const note = useSignal<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const saving = useSignal(false);

  async function load() {
    const r = await listRollCalls();
    if (r.ok) items.value = r.body;
    else note.value = { tone: 'error', text: errorText(r.error) };
  }

  async function loadChoices() {
    if (sites.value !== null) return;
    const [s, u] = await Promise.all([
      api<{ features: { id: string; properties: { name: string } }[] }>('GET', '/v1/sites'),
      api<{ items: { unit: string }[] }>('GET', '/v1/units'),
    ]);
    sites.value = s.ok ? s.body.features.map((f) => ({ id: f.id, name: f.properties.name })) : [];
    if (u.ok) units.value = u.body.items.map((x) => x.unit);
  }

  useEffect(() => {
    void load();
    void loadChoices(); // the grounds' names for the table, the units for the form
  }, []);

  function edit(next: Draft) {
    draft.value = next;
    issues.value = {};
    note.value = null;
    requestAnimationFrame(() => document.getElementById('rf-name')?.focus());
  }

  function closeForm() {
    draft.value = null;
    issues.value = {};
    requestAnimationFrame(() => document.getElementById('screen-title')?.focus());
  }

  async function save(e: Event) {
    e.preventDefault();
    const d = draft.value;
    if (!d || saving.value) return;
    const rc = rollCallOf(d);
    if (d.isNew && items.value?.some((x) => x.id === rc.id)) {
      issues.value = { id: [rt('rcExists', { id: rc.id })] };
      note.value = { tone: 'error', text: rt('rcFixFields') };
      document.getElementById('rf-id')?.focus();
      return;
    }
    saving.value = true;
    note.value = null;
    const path = `/v1/rollcalls/${encodeURIComponent(rc.id || '-')}`;
    const r = await api<RollCall>('PUT', path, bodyOf(rc));
    saving.value = false;
    if (r.ok) {
      note.value = { tone: 'ok', text: rt('rcSaved', { name: r.body.name ?? rc.name }) };
      closeForm();
      await load();
      return;
    }
    const byField = r.error.code === 'VALIDATION_FAILED' || r.error.details?.issues;
    issues.value = byField ? rcIssuesByField(r.error) : {};
    note.value = { tone: 'error', text: byField ? rt('rcFixFields') : errorText(r.error) };
    // Take the keyboard to the first field the server refused.
    const first = RC_FIELDS.find((f) => issues.value[f]);
    if (first) document.getElementById(`rf-${first}`)?.focus();
  }

  async function setActive(rc: RollCall, active: boolean) {
    const r = await api<RollCall>('PUT', `/v1/rollcalls/${encodeURIComponent(rc.id)}`, {
      ...bodyOf(rc),
      active,
    });
    if (!r.ok) {
      const issues = r.error.details?.issues ?? [];
      note.value = {
        tone: 'error',
        text: [errorText(r.error), ...issues.map((i) => i.message)].join(' '),
      };
      return;
    }
    note.value = {
      tone: 'ok',
      text: rt(active ? 'rcActivated' : 'rcDeactivated', { name: rc.name }),
    };
    await load();
    document.getElementById('screen-title')?.focus();
  }

  const list = items.value;
  const active = list?.filter((x) => x.active) ?? [];
  const inactive = list?.filter((x) => !x.active) ?? [];
  const d = draft.value;
  return h(
    Screen,
    { title: rt('rcTitle'), lead: rt('rcLead') },
    note.value ? h(Alert, { tone: note.value.tone }, note.value.text) : null,
    issues.value[''] ? h(Alert, { tone: 'error' }, issues.value[''].join(' ')) : null,
    d
      ? h(RollCallForm, {
          draft: d,
          set: (patch) => {
            if (draft.value) draft.value = { ...draft.value, ...patch };
          },
          issues: issues.value,
          sites: sites.value,
          units: units.value,
          saving: saving.value,
          onSubmit: save,
          onCancel: closeForm,
        })
      : h(
          'div',
          { class: 'actions' },
          h('button', { type: 'button', class: 'primary', onClick: () => edit(blankDraft()) }, [
            rt('rcAdd'),
          ]),
        ),
    list === null
      ? h('p', { class: 'muted' }, t('loading'))
      : [
          table('rc-active', rt('rcActive'), active, edit, setActive, sites.value),
          active.length <= 1 ? h('p', { class: 'muted', key: 'none' }, rt('rcNone')) : null,
          inactive.length
            ? table(
                'rc-inactive',
                rt('rcInactiveTitle', { n: inactive.length }),
                inactive,
                edit,
                setActive,
                sites.value,
              )
            : null,
        ],
  );
}

function table(
  id: string,
  title: string,
  rows: readonly RollCall[],
  edit: (d: Draft) => void,
  setActive: (rc: RollCall, active: boolean) => void,
  sites: readonly Site[] | null,
) {
  const l = lang.value;
  const siteName = (sid: string) => sites?.find((s) => s.id === sid)?.name ?? sid;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': `${id}-title`, key: id },
    h('h2', { id: `${id}-title` }, title),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'people rollcalls', id },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            (['rcColName', 'rcColWhen', 'rcColWindow', 'rcColWhere'] as const).map((k) =>
              h('th', { scope: 'col', key: k }, rt(k)),
            ),
            h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, rt('rcColActions'))),
          ),
        ),
        h(
          'tbody',
          null,
          rows.map((rc) =>
            h(
              'tr',
              { key: rc.id, 'data-id': rc.id },
              h('th', { scope: 'row' }, rc.name, h('span', { class: 'code' }, rc.id)),
              h('td', null, scheduleText(rc.schedule, l)),
              h(
                'td',
                null,
                windowText(rc, l),
                h(
                  'span',
                  { class: 'line' },
                  rt('rcReportLine', { time: wallTime(rc.reportAt, l) }),
                ),
              ),
              h(
                'td',
                null,
                rc.siteIds ? rc.siteIds.map(siteName).join(', ') : rt('rcOwnGrounds'),
                h('span', { class: 'line' }, rc.units ? rc.units.join(', ') : rt('rcEveryone')),
              ),
              h(
                'td',
                { class: 'n' },
                h(
                  'div',
                  { class: 'actions-cell' },
                  h(
                    'button',
                    {
                      type: 'button',
                      'aria-label': rt('rcEditLabel', { name: rc.name }),
                      onClick: () => edit(draftOf(rc)),
                    },
                    rt('rcEdit'),
                  ),
                  rc.id === PAGI
                    ? null
                    : h(
                        'button',
                        {
                          type: 'button',
                          class: rc.active ? 'danger' : undefined,
                          'aria-label': rt(rc.active ? 'rcDeactivateLabel' : 'rcActivateLabel', {
                            name: rc.name,
                          }),
                          onClick: () => void setActive(rc, !rc.active),
                        },
                        rt(rc.active ? 'rcDeactivate' : 'rcActivate'),
                      ),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
    rows.some((r) => r.id === PAGI) ? h('p', { class: 'hint' }, rt('rcPagiNote')) : null,
  );
}
