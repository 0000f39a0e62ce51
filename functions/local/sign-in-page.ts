import { html } from 'hono/html';
import type { Lang } from '../http/env';
import { type Html, pageDocument } from '../http/pages/html';

/**
 * The local issuer's sign-in page (npm start only): any employee id on the roster in a text
 * field, the first demo employees and an admin as quick picks. The OAuth request rides along
 * in hidden fields.
 */

export interface DemoPerson {
  readonly employeeId: string;
  readonly name: string;
  readonly unit: string;
  readonly admin?: boolean;
}

/** Why a typed id was not taken: nothing typed, or not on the roster. */
export type Refusal = { readonly why: 'empty' } | { readonly why: 'unknown'; readonly id: string };

const TEXT = {
  id: {
    title: 'Masuk (demo lokal)',
    lead: 'Penerbit token lokal untuk uji coba (npm start). Ketik NIP / ID pegawai yang ada di daftar pegawai, atau pilih pegawai demo; di AWS pegawai masuk lewat Cognito.',
    label: 'NIP / ID pegawai',
    submit: 'Masuk',
    quick: 'Pilihan cepat',
    cancel: 'Batal',
    empty: 'Ketik NIP / ID pegawai, atau pilih salah satu di bawah.',
    unknown: (id: string) =>
      `NIP / ID “${id}” tidak ada di daftar pegawai. Periksa ketikannya, atau tambahkan pegawai itu (impor CSV atau PUT /v1/employees) lebih dulu.`,
  },
  en: {
    title: 'Sign in (local demo)',
    lead: 'The local token issuer for trying things out (npm start). Type the id of any employee on the roster, or pick a demo employee; on AWS employees sign in with Cognito.',
    label: 'Employee id (NIP)',
    submit: 'Sign in',
    quick: 'Quick picks',
    cancel: 'Cancel',
    empty: 'Type an employee id, or pick one below.',
    unknown: (id: string) =>
      `Employee id “${id}” is not on the roster. Check the spelling, or add that employee (CSV import or PUT /v1/employees) first.`,
  },
} as const;

export function signInPage(o: {
  readonly lang: Lang;
  /** The authorization request, carried through the form unchanged. */
  readonly request: Readonly<Record<string, string | undefined>>;
  readonly people: readonly DemoPerson[];
  readonly typed?: string;
  readonly refusal?: Refusal;
}): Html {
  const t = TEXT[o.lang];
  const hidden = Object.entries(o.request)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`);
  const problem =
    o.refusal === undefined ? null : o.refusal.why === 'empty' ? t.empty : t.unknown(o.refusal.id);
  return pageDocument({
    lang: o.lang,
    title: t.title,
    body: html`<header class="bar"><h1 class="brand">${t.title}</h1></header>
<main class="page">
  <p>${t.lead}</p>
  <form method="post">
    ${hidden}
    <p class="field">
      <label for="employee-id">${t.label}</label>
      <input id="employee-id" name="employeeId" type="text" value="${o.typed ?? ''}" maxlength="128"
        autocomplete="username" autocapitalize="none" spellcheck="false"${problem ? html` aria-invalid="true" aria-describedby="problem"` : ''}>
    </p>
    ${problem ? html`<p id="problem" class="panel tone-error" role="alert">${problem}</p>` : ''}
    <button type="submit" class="submit">${t.submit}</button>
    <h2 class="small muted">${t.quick}</h2>
    <ul class="choices">
      ${o.people.map(
        (p) => html`<li><button type="submit" name="employee" value="${p.employeeId}">
        <strong>${p.name}</strong><span>${p.employeeId} · ${p.unit}</span></button></li>`,
      )}
    </ul>
    <button type="submit" name="cancel" value="1" class="link">${t.cancel}</button>
  </form>
</main>`,
  });
}
