import { h } from 'preact';
import { LABELS } from '../../../../core/render/labels';
import { fill } from '../../shared/strings';
import { FLAG_WHY, MORE_NAMES, UNKNOWN_FLAG } from './flag-words';
import { rt } from './reports-strings';
import { lang, t } from './state';
import type { Report } from './today-data';

export function flagName(code: string): string {
  const l = lang.value;
  return LABELS[l].flagNames[code] ?? MORE_NAMES[l][code] ?? code;
}

export function flagWhy(code: string): string {
  const l = lang.value;
  return (FLAG_WHY[l] as Record<string, string>)[code] ?? fill(UNKNOWN_FLAG[l], { code });
}

/** The day's flagged check-ins, each flag named and explained: what triggered it, in words. */
export function FlaggedList(p: { flagged: Report['flagged'] }) {
  return h(
    'section',
    { class: 'card wide', 'aria-labelledby': 'flagged-title' },
    h('h2', { id: 'flagged-title' }, rt('flaggedTitle', { n: p.flagged.length })),
    h('p', { class: 'hint' }, rt('flaggedLead')),
    p.flagged.length === 0
      ? h('p', { class: 'muted' }, rt('noFlagged'))
      : h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'people', id: 'flagged' },
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                h('th', { scope: 'col' }, t('name')),
                h('th', { scope: 'col' }, t('unit')),
                h('th', { scope: 'col' }, rt('status')),
                h('th', { scope: 'col' }, rt('signals')),
              ),
            ),
            h(
              'tbody',
              null,
              p.flagged.map((f) =>
                h(
                  'tr',
                  { key: f.employeeId },
                  h('th', { scope: 'row' }, f.name, h('span', { class: 'sub' }, f.employeeId)),
                  h('td', null, f.unit),
                  h('td', null, rt(f.status === 'late' ? 'late' : 'onTime')),
                  h(
                    'td',
                    null,
                    h(
                      'ul',
                      { class: 'flags' },
                      f.flags.map((code) =>
                        h(
                          'li',
                          { key: code, 'data-flag': code },
                          h('strong', null, flagName(code)),
                          ': ',
                          flagWhy(code),
                        ),
                      ),
                    ),
                  ),
                ),
              ),
            ),
          ),
        ),
  );
}
