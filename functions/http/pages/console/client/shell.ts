import { type ComponentChild, h } from 'preact';
import { useEffect } from 'preact/hooks';
import { Excuses } from './excuses';
import { Grounds } from './grounds';
import { Holidays } from './holidays';
import { Presence } from './presence';
import { Recaps } from './recaps';
import { Reports } from './reports';
import { RollCalls } from './rollcalls';
import { Roster } from './roster';
import { signOut } from './session';
import { SettingsScreen } from './settings';
import { config, lang, me, navigate, path, setLang, t } from './state';
import type { StringKey } from './strings';
import { Today } from './today';
import { Trends } from './trends';

/** The screens, by path under /admin; what is not listed here is not offered. */
const SCREENS: readonly { path: string; label: StringKey; view: () => ComponentChild }[] = [
  { path: '/admin', label: 'navToday', view: () => h(Today, null) },
  { path: '/admin/rollcalls', label: 'navRollCalls', view: () => h(RollCalls, null) },
  { path: '/admin/roster', label: 'navRoster', view: () => h(Roster, null) },
  { path: '/admin/excuses', label: 'navExcuses', view: () => h(Excuses, null) },
  { path: '/admin/reports', label: 'navReports', view: () => h(Reports, null) },
  { path: '/admin/trends', label: 'navTrends', view: () => h(Trends, null) },
  { path: '/admin/recaps', label: 'navRecaps', view: () => h(Recaps, null) },
  { path: '/admin/grounds', label: 'navGrounds', view: () => h(Grounds, null) },
  { path: '/admin/holidays', label: 'navHolidays', view: () => h(Holidays, null) },
  { path: '/admin/presence', label: 'navPresence', view: () => h(Presence, null) },
  { path: '/admin/settings', label: 'navSettings', view: () => h(SettingsScreen, null) },
];

export function LangSwitch() {
  const other = lang.value === 'id' ? 'en' : 'id';
  return h(
    'button',
    {
      type: 'button',
      class: 'link on-dark',
      lang: other,
      'aria-label': t('switchLangLabel'),
      onClick: () => setLang(other),
    },
    t('switchLang'),
  );
}

export function Bar(p: { who?: string | null }) {
  return h(
    'header',
    { class: 'bar' },
    h('a', { class: 'skip', href: '#main' }, t('skipToMain')),
    h('p', { class: 'brand' }, t('appName')),
    h(
      'div',
      { class: 'bar-end' },
      p.who ? h('span', { class: 'who' }, t('signedInAs', { who: p.who })) : null,
      h(LangSwitch, null),
      p.who
        ? h(
            'button',
            { type: 'button', class: 'link on-dark', onClick: () => signOutHere() },
            t('signOut'),
          )
        : null,
    ),
  );
}

function signOutHere() {
  signOut(config.value?.signIn ?? null);
  me.value = null;
  location.replace('/admin');
}

/** An admin's console: the bar, the menu, and the screen the path names. */
export function Shell() {
  const current = SCREENS.find((s) => s.path === path.value.replace(/\/+$/, '')) ?? SCREENS[0];
  useEffect(() => {
    document.title = `${t(current?.label ?? 'navToday')} · ${t('appName')}`;
  }, [current, lang.value]);
  const who = me.value?.employee?.name ?? me.value?.userId ?? null;
  return h(
    'div',
    { class: 'layout' },
    h(Bar, { who }),
    h(
      'nav',
      { class: 'nav', 'aria-label': t('navLabel') },
      h(
        'ul',
        null,
        SCREENS.map((s) =>
          h(
            'li',
            { key: s.path },
            h(
              'a',
              {
                href: s.path,
                'aria-current': s === current ? 'page' : undefined,
                onClick: (e: MouseEvent) => {
                  if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
                  e.preventDefault();
                  navigate(s.path);
                  // The new screen's heading takes the focus, so a screen reader hears where it is.
                  requestAnimationFrame(() => document.getElementById('screen-title')?.focus());
                },
              },
              t(s.label),
            ),
          ),
        ),
      ),
    ),
    h('main', { id: 'main', class: 'main' }, current?.view()),
  );
}
