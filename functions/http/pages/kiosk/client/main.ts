import { renderSVG } from 'uqr';
import { save } from '../../checkin/client/storage';
import { currentSession, signIn, startSession } from '../../console/client/session';
import { fill } from '../../shared/strings';
import { KIOSK_TEXT as T } from './strings';

/**
 * The kiosk: the ground's code as a QR code (a link to the check-in page carrying the code) and
 * as 6 big digits, with the time left, renewed at each step. Times come from the server: the
 * countdown runs on the server's clock measured against this one, so a kiosk whose clock is off
 * still changes its code when the server does. Sign-in is the console's (it returns to /admin,
 * which sends the browser back here).
 */

interface Code {
  code: string;
  step: number;
  validUntil: string;
  serverTime: string;
  stepS: number;
  mode: 'off' | 'flag' | 'require';
}

const root = document.getElementById('kiosk') as HTMLElement;
const siteId = decodeURIComponent(location.pathname.split('/')[2] ?? '');
/** The console's key for where to go after signing in (console/client/main.ts). */
const NEXT_KEY = 'apel.console.next';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text?: string) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function message(text: string, button?: { label: string; onClick: () => void }) {
  root.replaceChildren(el('h1', 'k-title', T.title), el('p', 'k-note', text));
  if (button) {
    const b = el('button', 'k-button', button.label);
    b.type = 'button';
    b.addEventListener('click', button.onClick);
    root.append(b);
  }
}

async function fetchJson<T>(path: string): Promise<{ status: number; body: T | null }> {
  const session = currentSession();
  if (!session) return { status: 401, body: null };
  try {
    const res = await fetch(path, {
      headers: { authorization: `Bearer ${session.accessToken}`, accept: 'application/json' },
    });
    return { status: res.status, body: res.ok ? ((await res.json()) as T) : null };
  } catch {
    return { status: 0, body: null };
  }
}

let groundName = '';
let timer: ReturnType<typeof setTimeout> | undefined;
let ticker: ReturnType<typeof setInterval> | undefined;

function show(c: Code, offsetMs: number) {
  const link = `${location.origin}/#kode=${c.code}`;
  const qr = el('div', 'k-qr');
  // uqr's SVG: rect and path with fill attributes only, nothing CSP would block.
  qr.innerHTML = renderSVG(link, { border: 2 });
  qr.setAttribute('role', 'img');
  qr.setAttribute('aria-label', `QR ${c.code}`);
  const digits = el('p', 'k-digits', `${c.code.slice(0, 3)} ${c.code.slice(3)}`);
  digits.setAttribute('aria-live', 'polite');
  const left = el('p', 'k-left');
  const bar = el('progress', 'k-bar');
  bar.max = c.stepS;
  const mode = el(
    'p',
    `k-mode k-mode-${c.mode}`,
    c.mode === 'off' ? T.modeOff : c.mode === 'flag' ? T.modeFlag : T.modeRequire,
  );
  root.replaceChildren(
    el('h1', 'k-title', groundName || siteId),
    el('div', 'k-code', undefined),
    el('p', 'k-lead', T.lead),
    mode,
  );
  root.querySelector('.k-code')?.append(qr, el('div', 'k-side'));
  root.querySelector('.k-side')?.append(digits, left, bar);
  const until = Date.parse(c.validUntil);
  const tick = () => {
    const s = Math.max(0, Math.ceil((until - (Date.now() + offsetMs)) / 1000));
    left.textContent = fill(T.left, { s });
    bar.value = s;
  };
  tick();
  clearInterval(ticker);
  ticker = setInterval(tick, 1000);
  clearTimeout(timer);
  // A moment after the server's step ends, so the next code is the server's current one.
  timer = setTimeout(refresh, Math.max(500, until - (Date.now() + offsetMs) + 300));
}

async function refresh() {
  const sent = Date.now();
  const r = await fetchJson<Code>(`/v1/sites/${encodeURIComponent(siteId)}/code`);
  if (r.status === 401) return askSignIn();
  if (r.status === 403) return message(T.noAccess);
  if (r.status === 404) return message(T.notFound);
  if (!r.body) {
    message(T.offline);
    clearTimeout(timer);
    timer = setTimeout(refresh, 5000);
    return;
  }
  // The server's clock minus this one's, taken at the middle of the round trip.
  const offsetMs = Date.parse(r.body.serverTime) - (sent + Date.now()) / 2;
  show(r.body, offsetMs);
}

function askSignIn() {
  message(T.signInLead, {
    label: T.signIn,
    onClick: () => {
      const cfg = config?.signIn;
      if (!cfg) return;
      save('session', NEXT_KEY, location.pathname);
      void signIn(cfg, 'id');
    },
  });
}

let config: Awaited<ReturnType<typeof startSession>>['config'] = null;

async function start() {
  const started = await startSession();
  config = started.config;
  if (started.k === 'stopped') return message(T.broken);
  if (started.k === 'failed' || !started.session) return askSignIn();
  const site = await fetchJson<{ properties: { name: string } }>(
    `/v1/sites/${encodeURIComponent(siteId)}`,
  );
  groundName = site.body?.properties.name ?? '';
  await refresh();
}

void start();
