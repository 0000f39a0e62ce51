import { useSignal } from '@preact/signals';
import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import { api } from './api';
import { tp } from './presence-strings';
import { Alert, errorText, Screen } from './ui';

interface Ground {
  readonly id: string;
  readonly properties: { name: string; presence?: { code: 'off' | 'flag' | 'require' } };
}
interface Pending {
  readonly employeeId: string;
  readonly credentialId: string;
  readonly createdAt: string;
  readonly name?: string;
  readonly unit?: string;
}

/**
 * Bukti kehadiran: each ground's code mode with a link to its kiosk and the secret's rotation;
 * the second phones waiting for approval; an employee's passkeys reset. Documented routes only.
 */
export function Presence() {
  const grounds = useSignal<Ground[] | null>(null);
  const pending = useSignal<Pending[] | null>(null);
  const binding = useSignal<string>('');
  const note = useSignal<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const resetId = useSignal('');

  async function load() {
    const [g, p, s] = await Promise.all([
      api<{ features: Ground[] }>('GET', '/v1/sites'),
      api<{ items: Pending[] }>('GET', '/v1/passkeys/pending'),
      api<{ deviceBinding?: string }>('GET', '/v1/settings'),
    ]);
    if (g.ok) grounds.value = g.body.features;
    if (p.ok) pending.value = p.body.items;
    if (s.ok) binding.value = s.body.deviceBinding ?? 'off';
    const failed = [g, p, s].find((r) => !r.ok);
    if (failed && !failed.ok) note.value = { tone: 'error', text: errorText(failed.error) };
  }
  useEffect(() => {
    void load();
  }, []);

  async function rotate(g: Ground) {
    const r = await api('POST', `/v1/sites/${encodeURIComponent(g.id)}/code/rotate`);
    note.value = r.ok
      ? { tone: 'ok', text: tp('rotated', { name: g.properties.name }) }
      : { tone: 'error', text: errorText(r.error) };
  }

  async function approve(p: Pending) {
    const r = await api(
      'POST',
      `/v1/employees/${encodeURIComponent(p.employeeId)}/passkeys/${encodeURIComponent(p.credentialId)}/approve`,
    );
    note.value = r.ok
      ? { tone: 'ok', text: tp('approved', { name: p.name ?? p.employeeId }) }
      : { tone: 'error', text: errorText(r.error) };
    await load();
  }

  async function reset(e: Event) {
    e.preventDefault();
    const id = resetId.value.trim();
    if (!id) return;
    const r = await api<{ removed: number }>(
      'DELETE',
      `/v1/employees/${encodeURIComponent(id)}/passkeys`,
    );
    note.value = r.ok
      ? { tone: 'ok', text: tp('resetDone', { n: r.body.removed, id }) }
      : { tone: 'error', text: errorText(r.error) };
    if (r.ok) resetId.value = '';
    await load();
  }

  const mode = (m: string | undefined) => tp(m === 'flag' || m === 'require' ? m : 'off');
  return h(
    Screen,
    { title: tp('title'), lead: tp('lead') },
    note.value ? h(Alert, { tone: note.value.tone }, note.value.text) : null,
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'pr-grounds' },
      h('h2', { id: 'pr-grounds' }, tp('grounds')),
      h('p', { class: 'muted' }, tp('modeHint')),
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          null,
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', { scope: 'col' }, tp('ground')),
              h('th', { scope: 'col' }, tp('mode')),
              h('th', { scope: 'col' }, tp('kiosk')),
              h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, tp('rotate'))),
            ),
          ),
          h(
            'tbody',
            null,
            (grounds.value ?? []).map((g) =>
              h(
                'tr',
                { key: g.id },
                h('td', null, g.properties.name),
                h('td', null, mode(g.properties.presence?.code)),
                h(
                  'td',
                  null,
                  h(
                    'a',
                    { href: `/kiosk/${encodeURIComponent(g.id)}` },
                    tp('openKiosk', { name: g.properties.name }),
                  ),
                ),
                h(
                  'td',
                  null,
                  h(
                    'button',
                    {
                      type: 'button',
                      'aria-label': tp('rotateLabel', { name: g.properties.name }),
                      onClick: () => void rotate(g),
                    },
                    tp('rotate'),
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'pr-pending' },
      h('h2', { id: 'pr-pending' }, tp('pending')),
      h(
        'p',
        { class: 'muted' },
        tp('binding', { mode: mode(binding.value) }),
        ' ',
        tp('bindingHint'),
      ),
      pending.value && pending.value.length === 0
        ? h('p', null, tp('noPending'))
        : h(
            'div',
            { class: 'table-wrap' },
            h(
              'table',
              null,
              h(
                'thead',
                null,
                h(
                  'tr',
                  null,
                  h('th', { scope: 'col' }, tp('employee')),
                  h('th', { scope: 'col' }, tp('unit')),
                  h('th', { scope: 'col' }, tp('since')),
                  h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, tp('approve'))),
                ),
              ),
              h(
                'tbody',
                null,
                (pending.value ?? []).map((p) =>
                  h(
                    'tr',
                    { key: p.credentialId },
                    h('td', null, `${p.name ?? ''} (${p.employeeId})`),
                    h('td', null, p.unit ?? ''),
                    h('td', null, p.createdAt.slice(0, 16).replace('T', ' ')),
                    h(
                      'td',
                      null,
                      h(
                        'button',
                        {
                          type: 'button',
                          class: 'primary',
                          'aria-label': tp('approveLabel', { name: p.name ?? p.employeeId }),
                          onClick: () => void approve(p),
                        },
                        tp('approve'),
                      ),
                    ),
                  ),
                ),
              ),
            ),
          ),
    ),
    h(
      'form',
      { class: 'card inline-form', onSubmit: reset, 'aria-labelledby': 'pr-reset' },
      h('h2', { id: 'pr-reset' }, tp('reset')),
      h('p', { class: 'muted' }, tp('resetLead')),
      h(
        'div',
        { class: 'row' },
        h(
          'div',
          { class: 'field grow' },
          h('label', { for: 'pr-employee' }, tp('employeeId')),
          h('input', {
            id: 'pr-employee',
            type: 'text',
            required: true,
            maxLength: 64,
            value: resetId.value,
            onInput: (e: Event) => {
              resetId.value = (e.currentTarget as HTMLInputElement).value;
            },
          }),
        ),
        h('button', { type: 'submit', class: 'danger' }, tp('resetButton')),
      ),
    ),
  );
}
