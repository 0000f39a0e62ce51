import { type ComponentChild, h } from 'preact';
import { useEffect } from 'preact/hooks';
import { Appeals } from './appeals';
import { Audit } from './audit';
import { Excuses } from './excuses';
import { Grounds } from './grounds';
import { Holidays } from './holidays';
import { KioskLinks } from './kiosk-links';
import { Marking } from './marking';
import { Presence } from './presence';
import { Recaps } from './recaps';
import { Reports } from './reports';
import { RollCalls } from './rollcalls';
import { Roster } from './roster';
import { signOut } from './session';
import { SettingsScreen } from './settings';
import { Staff } from './staff';
import { config, lang, me, navigate, path, setLang, t } from './state';
import type { StringKey } from './strings';
import { Today } from './today';
import { Trends } from './trends';

type Role = 'admin' | 'operator' | 'officer';
const OPERATOR: readonly Role[] = ['admin', 'operator'];

/**
 * The screens, by path under /admin; what is not listed here is not offered. `for`: who sees it
 * (default admins only), as GET /v1/me names the caller's roles; the API refuses the rest anyway.
 */
const SCREENS: readonly {
  path: string;
  label: StringKey;
  view: () => ComponentChild;
  for?: readonly Role[];
}[] = [
  { path: '/admin', label: 'navToday', view: () => h(Today, null), for: [...OPERATOR, 'officer'] },
  { path: '/admin/rollcalls', label: 'navRollCalls', view: () => h(RollCalls, null) },
  {
    path: '/admin/marking',
    label: 'navMarking',
    view: () => h(Marking, null),
    for: [...OPERATOR, 'officer'],
  },
  { path: '/admin/roster', label: 'navRoster', view: () => h(Roster, null), for: OPERATOR },
  { path: '/admin/excuses', label: 'navExcuses', view: () => h(Excuses, null), for: OPERATOR },
  { path: '/admin/appeals', label: 'navAppeals', view: () => h(Appeals, null), for: OPERATOR },
  { path: '/admin/reports', label: 'navReports', view: () => h(Reports, null), for: OPERATOR },
  { path: '/admin/trends', label: 'navTrends', view: () => h(Trends, null), for: OPERATOR },
  { path: '/admin/recaps', label: 'navRecaps', view: () => h(Recaps, null), for: OPERATOR },
  { path: '/admin/kiosk', label: 'navKiosk', view: () => h(KioskLinks, null), for: ['officer'] },
  { path: '/admin/grounds', label: 'navGrounds', view: () => h(Grounds, null) },
  { path: '/admin/holidays', label: 'navHolidays', view: () => h(Holidays, null) },
  { path: '/admin/presence', label: 'navPresence', view: () => h(Presence, null) },
  { path: '/admin/settings', label: 'navSettings', view: () => h(SettingsScreen, null) },
  { path: '/admin/staff', label: 'navStaff', view: () => h(Staff, null) },
  { path: '/admin/audit', label: 'navAudit', view: () => h(Audit, null) },
];

/** The screens the signed-in caller may use. */
function screensFor(roles: readonly string[]) {
  return SCREENS.filter((s) => (s.for ?? ['admin']).some((r) => roles.includes(r)));
}

/** Whether the caller may use the console at all. */
export function usesConsole(roles: readonly string[]): boolean {
  return screensFor(roles).length > 0;
}

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

/** The console: the bar, the menu of the caller's screens, and the screen the path names. */
export function Shell() {
  const screens = screensFor(me.value?.roles ?? []);
  const current = screens.find((s) => s.path === path.value.replace(/\/+$/, '')) ?? screens[0];
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
        screens.map((s) =>
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
