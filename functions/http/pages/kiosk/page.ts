import { html } from 'hono/html';
import { type Html, pageDocument } from '../html';

/** The kiosk's document: one mount point that client/main.ts fills (ground, QR, digits, time). */
export function kioskPage(): Html {
  return pageDocument({
    lang: 'id',
    title: 'Kode lapangan apel',
    script: 'kiosk.js',
    style: 'kiosk.css',
    body: html`<main id="kiosk" class="kiosk"><p class="boot">Memuat kode lapangan…</p></main>
<noscript><p class="boot">Halaman ini memerlukan JavaScript. / This page needs JavaScript.</p></noscript>`,
  });
}
