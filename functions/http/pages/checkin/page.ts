import { html } from 'hono/html';
import { assetPath } from '../assets';
import { type Html, pageDocument } from '../html';
import { PRESENCE_TEXT } from './presence-strings';
import { type StringKey, text } from './strings';

/**
 * The check-in page as the server sends it: Indonesian, every element the script drives in
 * place. The script (client/main.ts) switches the language and fills in the state.
 */
export function checkinPage(): Html {
  const t = (key: StringKey) => text('id', key);
  return pageDocument({
    lang: 'id',
    title: t('title'),
    script: 'checkin.js',
    body: html`<header class="bar">
  <h1 class="brand" data-t="title">${t('title')}</h1>
  <button type="button" id="lang" class="link" lang="en" aria-label="${t('switchLangLabel')}">${t('switchLang')}</button>
</header>
<main class="page">
  <p id="today" class="today"></p>
  <p id="who" class="who" hidden><span id="who-name"></span>
    <button type="button" id="signout" class="link" data-t="signOut">${t('signOut')}</button></p>
  <button type="button" id="primary" class="primary" disabled aria-describedby="hint">
    <span class="spinner" aria-hidden="true"></span><span id="primary-label">${t('loading')}</span>
  </button>
  <p id="hint" class="hint" hidden></p>
  <section id="panel" class="panel tone-info" hidden>
    <div id="status" role="status" aria-live="polite" aria-atomic="true">
      <p id="status-title" class="status-title"></p>
      <div id="status-lines"></div>
    </div>
    <div id="progress-box" hidden>
      <progress id="progress" max="20" value="0" aria-labelledby="progress-text"></progress>
      <p id="progress-text" class="small"></p>
    </div>
    <p id="fix" class="small" hidden></p>
  </section>
  ${presenceSection()}
  <section id="appeals" class="appeals" aria-labelledby="appeals-title" hidden></section>
  <p id="window" class="small muted"></p>
  <noscript><p class="panel tone-error" data-t="noscript">${t('noscript')}</p></noscript>
</main>`,
  });
}

/** The proofs of presence (client/presence.ts): the ground code, its scanner, the passkey. */
function presenceSection(): Html {
  const p = PRESENCE_TEXT.id;
  return html`<section id="presence" class="presence">
    <label for="ground-code" data-tp="codeLabel">${p.codeLabel}</label>
    <input id="ground-code" class="code-input" inputmode="numeric" autocomplete="one-time-code" maxlength="6" pattern="[0-9]{6}" aria-describedby="code-hint">
    <p id="code-hint" class="small muted" data-tp="codeHint">${p.codeHint}</p>
    <button type="button" id="scan" class="secondary" data-decoder="${assetPath('jsqr.js')}">${p.scan}</button>
    <video id="scan-video" class="scan-video" muted hidden></video>
    <p id="presence-note" class="small" role="status" hidden></p>
    <button type="button" id="register" class="secondary" data-tp="register" hidden>${p.register}</button>
    <p id="register-note" class="small" hidden></p>
  </section>`;
}
