import { useSignal } from '@preact/signals';
import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A button that asks before it acts, in place: the first press shows the question with "yes" and
 * "cancel" (the focus moves to "yes"), so an action that changes what others see (revoking an
 * excuse, publishing a day) is never one slip of the mouse. No window.confirm: that dialog
 * cannot be styled, translated or read the same way by every screen reader.
 */
export function ConfirmButton(p: {
  label: string;
  ariaLabel?: string;
  question: string;
  yes: string;
  no: string;
  tone?: 'danger' | 'primary';
  disabled?: boolean;
  onConfirm: () => void | Promise<void>;
}) {
  const asking = useSignal(false);
  const busy = useSignal(false);
  const yesRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking.value) yesRef.current?.focus();
    else if (wasAsking.current) askRef.current?.focus();
    wasAsking.current = asking.value;
  }, [asking.value]);
  const cls = p.tone ?? 'danger';
  if (!asking.value) {
    return h(
      'button',
      {
        ref: askRef,
        type: 'button',
        class: cls,
        disabled: p.disabled || busy.value,
        'aria-label': p.ariaLabel,
        onClick: () => {
          asking.value = true;
        },
      },
      p.label,
    );
  }
  return h(
    'span',
    { class: 'confirm', role: 'group', 'aria-label': p.question },
    h('span', { class: 'confirm-q' }, p.question),
    h(
      'button',
      {
        ref: yesRef,
        type: 'button',
        class: cls,
        disabled: busy.value,
        onClick: async () => {
          busy.value = true;
          try {
            await p.onConfirm();
          } finally {
            busy.value = false;
            wasAsking.current = false; // the action moves the focus where it belongs
            asking.value = false;
          }
        },
      },
      p.yes,
    ),
    h(
      'button',
      {
        type: 'button',
        onClick: () => {
          asking.value = false;
        },
      },
      p.no,
    ),
  );
}
