import { useSignal } from '@preact/signals';
import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import { api } from './api';
import { listRollCalls } from './rollcalls-api';
import { st } from './staff-strings';
import { me } from './state';
import { Alert, errorText, Screen } from './ui';

interface Ground {
  readonly id: string;
  readonly name: string;
}

/**
 * An officer's way to the kiosks: the grounds their roll calls are held at (GET /v1/sites answers
 * an officer those only), each a link to /kiosk/{siteId}.
 */
export function KioskLinks() {
  const grounds = useSignal<Ground[] | null>(null);
  const names = useSignal<string>('');
  const error = useSignal<string | null>(null);
  useEffect(() => {
    void api<{ features: { id: string; properties: { name: string } }[] }>('GET', '/v1/sites').then(
      (r) => {
        if (r.ok)
          grounds.value = r.body.features.map((f) => ({ id: f.id, name: f.properties.name }));
        else error.value = errorText(r.error);
      },
    );
    void listRollCalls().then((r) => {
      const mine = new Set(me.value?.rollCallIds ?? []);
      if (r.ok)
        names.value = r.body
          .filter((rc) => mine.has(rc.id))
          .map((rc) => rc.name)
          .join(', ');
    });
  }, []);
  const list = grounds.value;
  return h(
    Screen,
    { title: st('kioskTitle'), lead: st('kioskLead') },
    names.value ? h('p', null, st('kioskFor', { names: names.value })) : null,
    error.value ? h(Alert, { tone: 'error' }, error.value) : null,
    list === null
      ? null
      : list.length === 0
        ? h('p', { class: 'muted' }, st('kioskNone'))
        : h(
            'ul',
            { class: 'card kiosk-links' },
            list.map((g) =>
              h(
                'li',
                { key: g.id },
                h(
                  'a',
                  { href: `/kiosk/${encodeURIComponent(g.id)}`, id: `kiosk-${g.id}` },
                  st('kioskOpen', { ground: g.name }),
                ),
              ),
            ),
          ),
  );
}
