import type { Lang } from '../../../env';
import { fill } from '../../shared/strings';
import { PRESENCE_TEXT, type PresenceKey } from '../presence-strings';
import type { Capture } from './capture';
import { assertion, binding, register } from './passkey';
import { codeIn, scanCode } from './scan';

/**
 * The check-in page's proofs of presence: the ground code (typed, scanned, or carried by the
 * kiosk's QR link as `#kode=`), and the phone's passkey. A scan starts the check-in at once, so
 * at the ground it is one scan and one touch of the fingerprint sensor.
 */

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let lang: Lang = 'id';
let scanning: { stop: () => void } | null = null;
const t = (key: PresenceKey, vars?: Record<string, string>) => fill(PRESENCE_TEXT[lang][key], vars);

function note(id: string, text: string | null) {
  const p = $<HTMLParagraphElement>(id);
  p.textContent = text ?? '';
  p.hidden = text === null;
}

export function paintPresenceLanguage(next: Lang): void {
  lang = next;
  for (const e of document.querySelectorAll<HTMLElement>('[data-tp]')) {
    e.textContent = t(e.dataset.tp as PresenceKey);
  }
  $<HTMLButtonElement>('scan').textContent = t(scanning ? 'scanStop' : 'scan');
}

export function setupPresence(o: { token: () => string | null; onCode: () => void }): void {
  const input = $<HTMLInputElement>('ground-code');
  const readLink = () => {
    const fromLink = codeIn(location.hash.slice(1));
    if (!fromLink) return;
    input.value = fromLink;
    // The code stays out of the history and out of a shared link.
    history.replaceState(null, '', location.pathname + location.search);
    note('presence-note', t('codeFromLink'));
  };
  readLink();
  // The kiosk's link opened while the page is open already: the same page, a new hash.
  window.addEventListener('hashchange', readLink);
  const scanButton = $<HTMLButtonElement>('scan');
  scanButton.addEventListener('click', () => {
    if (scanning) return stopScan();
    const video = $<HTMLVideoElement>('scan-video');
    video.hidden = false;
    const s = scanCode(video, scanButton.dataset.decoder ?? '');
    scanning = s;
    scanButton.textContent = t('scanStop');
    note('presence-note', t('scanning'));
    s.found
      .then((code) => {
        stopScan();
        if (!code) return;
        input.value = code;
        note('presence-note', null);
        o.onCode();
      })
      .catch(() => {
        stopScan();
        note('presence-note', t('scanFailed'));
        input.focus();
      });
  });
  $<HTMLButtonElement>('register').addEventListener('click', async () => {
    const token = o.token();
    if (!token) return;
    const r = await register(token, lang);
    if (r.ok) {
      $<HTMLButtonElement>('register').hidden = true;
      note('register-note', t(r.status === 'active' ? 'registered' : 'registeredPending'));
    } else {
      note('register-note', t('registerFailed', { why: r.why }));
    }
  });
}

function stopScan() {
  scanning?.stop();
  scanning = null;
  $<HTMLVideoElement>('scan-video').hidden = true;
  $<HTMLButtonElement>('scan').textContent = t('scan');
}

/** Whether this employee should register this phone: shows the button when so. */
export async function showBinding(token: string): Promise<void> {
  const b = await binding(token, lang);
  if (!b || b.deviceBinding === 'off') return;
  const button = $<HTMLButtonElement>('register');
  if (b.registered) {
    button.hidden = true;
    note('register-note', t('registered'));
  } else {
    button.hidden = false;
    note('register-note', b.pending > 0 ? t('registeredPending') : t('registerLead'));
  }
}

/** The capture with its proofs: the code typed or scanned, and an assertion when bound. */
export async function withProofs(c: Capture, token: string): Promise<Capture> {
  const input = $<HTMLInputElement>('ground-code');
  const code = /^\d{6}$/.test(input.value.trim()) ? input.value.trim() : undefined;
  input.value = '';
  note('presence-note', null);
  const proof = await assertion(await binding(token, lang));
  return {
    ...c,
    body: {
      ...c.body,
      ...(code ? { groundCode: code } : {}),
      ...(proof ? { assertion: proof as Capture['body']['assertion'] } : {}),
    },
  };
}
