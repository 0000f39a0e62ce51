import { html } from 'hono/html';
import { assetPath } from '../assets';
import { type Html, pageDocument } from '../html';

/**
 * The staff console's document: Indonesian, one empty mount point the script (client/main.ts)
 * renders into. Every route under /admin serves this same document; the script picks the screen
 * from the path, so a bookmark or a reload lands on the same screen. The grounds map's script and
 * stylesheet are named on the mount point and loaded only when that screen opens (its own bundle).
 */
export function consolePage(): Html {
  return pageDocument({
    lang: 'id',
    title: 'Konsol apel',
    script: 'console.js',
    style: 'console.css',
    body: html`<div id="app" data-map-script="${assetPath('grounds-map.js')}" data-map-style="${assetPath('grounds-map.css')}"><p class="boot">Memuat konsol…</p></div>
<noscript><p class="boot">Konsol ini memerlukan JavaScript. / The console needs JavaScript.</p></noscript>`,
  });
}
