import { signal } from '@preact/signals';
import { h, render } from 'preact';
import type { Me } from '../../../routes/me';
import { load, save } from '../../checkin/client/storage';
import { api, whenUnauthorized } from './api';
import { type Failure, failureOf, signIn, startSession } from './session';
import { Bar, Shell, usesConsole } from './shell';
import { config, lang, me, navigate, setLang, t } from './state';
import type { StringKey } from './strings';

/**
 * The console's start: configuration, the sign-in coming back (or the stored session), then
 * GET /v1/me decides what shows: admins every screen, operators and officers theirs (shell.ts).
 */

type Phase =
  | { k: 'loading' }
  | { k: 'stopped'; why: 'broken' | 'insecure' | 'noSignIn' }
  | { k: 'signed-out'; why: Failure | 'expired' | null }
  | { k: 'no-access' }
  | { k: 'ready' };

const phase = signal<Phase>({ k: 'loading' });
/** Where to go back to after signing in again: the issuer returns to /admin only. */
const NEXT_KEY = 'apel.console.next';

async function startSignIn() {
  const cfg = config.value?.signIn;
  if (!cfg) return;
  save('session', NEXT_KEY, location.pathname);
  await signIn(cfg, lang.value);
}

const FAILURE_TEXT: Record<Failure | 'expired', StringKey> = {
  denied: 'signInDenied',
  unavailable: 'signInUnavailable',
  failed: 'signInFailed',
  expired: 'sessionExpired',
};

function Centered(p: { title: string; children?: unknown }) {
  return h(
    'div',
    { class: 'layout' },
    h(Bar, { who: me.value?.employee?.name ?? me.value?.userId ?? null }),
    h(
      'main',
      { id: 'main', class: 'main narrow' },
      h('section', { class: 'card' }, h('h1', null, p.title), p.children as never),
    ),
  );
}

function App() {
  const p = phase.value;
  switch (p.k) {
    case 'loading':
      return h(Centered, { title: t('appName') }, h('p', { class: 'muted' }, t('loading')));
    case 'stopped':
      return h(
        Centered,
        { title: t('appName') },
        h('p', { role: 'alert' }, t(p.why)),
        p.why === 'broken'
          ? h('button', { type: 'button', onClick: () => location.reload() }, t('reload'))
          : null,
      );
    case 'signed-out':
      return h(
        Centered,
        { title: t('signInTitle') },
        p.why ? h('p', { class: 'note tone-error', role: 'alert' }, t(FAILURE_TEXT[p.why])) : null,
        h('p', null, t('signInLead')),
        h(
          'button',
          { type: 'button', class: 'primary', onClick: () => void startSignIn() },
          t('signIn'),
        ),
      );
    case 'no-access':
      return h(
        Centered,
        { title: t('noAccessTitle') },
        h(
          'p',
          null,
          t('noAccessLead', { who: me.value?.employee?.name ?? me.value?.userId ?? '' }),
        ),
        h('p', null, h('a', { href: '/' }, t('toCheckin'))),
      );
    case 'ready':
      return h(Shell, null);
  }
}

async function start() {
  setLang(lang.value);
  const root = document.getElementById('app') as HTMLElement;
  root.textContent = ''; // the server's "Memuat konsol…" gives way to the app
  render(h(App, null), root);
  whenUnauthorized(() => {
    me.value = null;
    phase.value = { k: 'signed-out', why: 'expired' };
  });
  const started = await startSession();
  config.value = started.config;
  if (started.k === 'stopped') {
    phase.value = { k: 'stopped', why: started.why === 'no-sign-in' ? 'noSignIn' : started.why };
    return;
  }
  if (started.k === 'failed') {
    phase.value = { k: 'signed-out', why: failureOf(started.error) };
    return;
  }
  if (!started.session) {
    phase.value = { k: 'signed-out', why: null };
    return;
  }
  const next = load<string>('session', NEXT_KEY);
  save('session', NEXT_KEY, null);
  // The kiosk signs in through the console (the issuer returns to /admin only).
  if (next?.startsWith('/kiosk/')) return location.assign(next);
  if (next?.startsWith('/admin')) navigate(next);
  const who = await api<Me>('GET', '/v1/me');
  if (!who.ok) {
    if (who.status !== 401) phase.value = { k: 'stopped', why: 'broken' };
    return;
  }
  me.value = who.body;
  phase.value = usesConsole(who.body.roles) ? { k: 'ready' } : { k: 'no-access' };
}

void start();
