import { h } from 'preact';
import type { Employee } from '../../../../core/model';
import { historyText } from '../../shared/history-model';
import { rt } from './roster-strings';
import { isAdmin, lang } from './state';

interface Props {
  readonly items: readonly Employee[];
  readonly groundName: (siteId: string) => string;
  /** The employee whose deactivation waits for a yes, if any. */
  readonly confirming: string | null;
  readonly onConfirm: (employeeId: string | null) => void;
  readonly onEdit: (e: Employee) => void;
  readonly onDeactivate: (e: Employee) => void;
  /** Open the employee's month (roster-history.ts). */
  readonly onHistory: (e: Employee) => void;
}

/**
 * The roster's page of employees: one row each, with their history, and for admins edit and
 * deactivate (asked first).
 */
export function RosterTable(p: Props) {
  return h(
    'div',
    { class: 'card table-wrap' },
    h(
      'table',
      { class: 'people', id: 'roster' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, rt('nip')),
          h('th', { scope: 'col' }, rt('name')),
          h('th', { scope: 'col' }, rt('unit')),
          h('th', { scope: 'col' }, rt('grounds')),
          h('th', { scope: 'col' }, rt('status')),
          h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, rt('actions'))),
        ),
      ),
      h(
        'tbody',
        null,
        p.items.map((e) =>
          h(
            'tr',
            { key: e.employeeId, 'data-id': e.employeeId },
            h('td', null, e.employeeId),
            h('th', { scope: 'row' }, e.name),
            h('td', null, e.unit),
            h('td', null, e.siteIds.map(p.groundName).join(', ')),
            h(
              'td',
              null,
              h(
                'span',
                { class: `badge ${e.active ? 'badge-active' : 'badge-inactive'}` },
                e.active ? rt('active') : rt('inactive'),
              ),
            ),
            h(
              'td',
              { class: 'row-actions' },
              h(
                'button',
                {
                  type: 'button',
                  'aria-label': historyText(lang.value, 'openLabel', { name: e.name }),
                  onClick: () => p.onHistory(e),
                },
                historyText(lang.value, 'open'),
              ),
              !isAdmin()
                ? null
                : p.confirming === e.employeeId
                  ? h(
                      'span',
                      {
                        class: 'confirm',
                        role: 'group',
                        'aria-label': rt('deactivateLabel', { name: e.name }),
                      },
                      h('span', null, rt('confirmDeactivate', { name: e.name })),
                      h(
                        'button',
                        {
                          type: 'button',
                          class: 'danger',
                          onClick: () => p.onDeactivate(e),
                        },
                        rt('yesDeactivate'),
                      ),
                      h(
                        'button',
                        { type: 'button', onClick: () => p.onConfirm(null) },
                        rt('cancel'),
                      ),
                    )
                  : [
                      h(
                        'button',
                        {
                          type: 'button',
                          key: 'edit',
                          'aria-label': rt('editLabel', { name: e.name }),
                          onClick: () => p.onEdit(e),
                        },
                        rt('edit'),
                      ),
                      e.active
                        ? h(
                            'button',
                            {
                              type: 'button',
                              key: 'off',
                              class: 'danger',
                              'aria-label': rt('deactivateLabel', { name: e.name }),
                              onClick: () => p.onConfirm(e.employeeId),
                            },
                            rt('deactivate'),
                          )
                        : null,
                    ],
            ),
          ),
        ),
      ),
    ),
  );
}
