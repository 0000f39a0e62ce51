import type { Lang } from '../../../env';
import { type StringKey, text } from '../strings';
import type { Screen } from './view';

function el<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} missing from the page`);
  return found as T;
}

/** Set text only when it changes, so that the live region announces real changes only. */
function setText(node: HTMLElement, value: string): void {
  if (node.textContent !== value) node.textContent = value;
}

export const dom = {
  primary: () => el<HTMLButtonElement>('primary'),
  lang: () => el<HTMLButtonElement>('lang'),
  signOut: () => el<HTMLButtonElement>('signout'),
};

/** The words that do not depend on the state, in `lang`. */
export function paintLanguage(lang: Lang): void {
  document.documentElement.lang = lang;
  document.title = text(lang, 'title');
  for (const node of document.querySelectorAll<HTMLElement>('[data-t]')) {
    setText(node, text(lang, node.dataset.t as StringKey));
  }
  const toggle = dom.lang();
  setText(toggle, text(lang, 'switchLang'));
  toggle.lang = lang === 'id' ? 'en' : 'id';
  toggle.setAttribute('aria-label', text(lang, 'switchLangLabel'));
}

export function paintHeader(o: { today: string; who: string | null; window: string }): void {
  setText(el('today'), o.today);
  setText(el('window'), o.window);
  el('who').hidden = o.who === null;
  setText(el('who-name'), o.who ?? '');
}

export function paintScreen(s: Screen): void {
  const primary = dom.primary();
  primary.hidden = s.primary === null;
  if (s.primary) {
    setText(el('primary-label'), s.primary.label);
    primary.dataset.action = s.primary.action;
    primary.disabled = s.primary.busy || s.primary.action === 'none';
    primary.classList.toggle('busy', s.primary.busy);
    primary.classList.toggle('hero', s.primary.hero === true);
    primary.setAttribute('aria-busy', String(s.primary.busy));
  }
  const hint = el('hint');
  hint.hidden = s.hint === null;
  setText(hint, s.hint ?? '');

  const panel = el('panel');
  panel.hidden = !s.title && s.lines.length === 0 && !s.progress && !s.fix;
  panel.className = `panel tone-${s.tone}`;
  setText(el('status-title'), s.title);
  el('status-title').hidden = !s.title;
  const lines = el('status-lines');
  const current = [...lines.children].map((p) => p.textContent);
  if (current.join('\n') !== s.lines.join('\n')) {
    lines.replaceChildren(
      ...s.lines.map((line) => {
        const p = document.createElement('p');
        p.textContent = line;
        return p;
      }),
    );
  }
  el('progress-box').hidden = s.progress === null;
  if (s.progress) {
    const bar = el<HTMLProgressElement>('progress');
    bar.max = s.progress.max;
    bar.value = s.progress.value;
    setText(el('progress-text'), s.progress.text);
  }
  const fix = el('fix');
  fix.hidden = s.fix === null;
  setText(fix, s.fix ?? '');
}
