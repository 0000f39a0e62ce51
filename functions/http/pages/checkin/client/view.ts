import type { ErrorDetails } from '../../../../core/errors';
import { clockTime, wholeNumber, zoneName } from '../../../../core/time-labels';
import type { Lang } from '../../../env';
import { messageFor } from '../../../messages';
import type { CheckinResult, ErrorPayload, PageConfig } from '../../../schemas';
import { type StringKey, text } from '../strings';
import type { Capture } from './capture';
import type { GeoFailure } from './geo';
import type { SignInFailure } from './oidc';

/** Where the page is. Each state maps to exactly one screen (`describe`). */
export type State =
  | { readonly k: 'loading' }
  | { readonly k: 'broken' }
  /** Not https (nor localhost): no geolocation and no WebCrypto, so no check-in at all. */
  | { readonly k: 'insecure' }
  | { readonly k: 'no-sign-in' }
  | {
      readonly k: 'signed-out';
      readonly why: 'start' | 'expired' | { readonly failed: SignInFailure };
    }
  | { readonly k: 'ready' }
  | { readonly k: 'locating'; readonly since: number }
  | { readonly k: 'sending' }
  | {
      readonly k: 'recorded';
      readonly checkin: CheckinResult['checkin'];
      readonly duplicate: boolean;
    }
  | { readonly k: 'refused'; readonly error: ErrorPayload; readonly capture: Capture }
  | { readonly k: 'geo-failed'; readonly reason: GeoFailure }
  | { readonly k: 'inaccurate'; readonly accuracyM: number }
  | { readonly k: 'waiting'; readonly offline: boolean }
  /** No roll call to check in to now (rollcalls.ts words why): no Hadir button. */
  | { readonly k: 'note'; readonly lines: readonly string[] };

export type Action = 'sign-in' | 'capture' | 'resend' | 'reload' | 'none';

/** What the screen shows; the DOM code paints it and nothing else. */
export interface Screen {
  readonly primary: {
    readonly label: string;
    readonly action: Action;
    readonly busy: boolean;
    /** The one obvious thing to do (Hadir, Masuk): drawn largest. */
    readonly hero?: boolean;
  } | null;
  /** The Hadir button's hint under it. */
  readonly hint: string | null;
  readonly tone: 'info' | 'success' | 'error' | 'warn';
  readonly title: string;
  readonly lines: readonly string[];
  readonly progress: { readonly value: number; readonly max: number; readonly text: string } | null;
  /** "Lokasi Anda: …" for the capture in hand. */
  readonly fix: string | null;
}

export interface Context {
  readonly lang: Lang;
  readonly rules: PageConfig['rules'];
  readonly pending: Capture | null;
  readonly now: number;
  readonly geoTimeoutS: number;
}

const GEO_TEXT: Record<GeoFailure, StringKey> = {
  denied: 'geoDenied',
  unavailable: 'geoUnavailable',
  timeout: 'geoTimeout',
  unsupported: 'geoUnsupported',
};

/** A fixed text per failure: nothing of what a callback URL carried is shown. */
const SIGN_IN_TEXT: Record<SignInFailure, StringKey> = {
  denied: 'signInDenied',
  unavailable: 'signInUnavailable',
  refused: 'signInRefused',
  code: 'signInCode',
  token: 'signInToken',
  clock: 'signInClock',
  network: 'signInNetwork',
};

export function describe(state: State, ctx: Context): Screen {
  const { lang, rules } = ctx;
  const t = (key: StringKey, vars?: Record<string, string | number>) => text(lang, key, vars);
  const at = (instant: string) =>
    `${clockTime(instant, rules.timezone, lang)} ${zoneName(rules.timezone, lang)}`;
  const fixLine = (c: Capture | null) =>
    c
      ? t('yourLocation', { m: wholeNumber(c.body.accuracy, lang), time: at(c.body.capturedAt) })
      : null;
  const base = { hint: null, progress: null, fix: null, title: '', lines: [] };
  const retry = (label: StringKey = 'tryAgain') => ({
    label: t(label),
    action: 'capture' as const,
    busy: false,
  });

  switch (state.k) {
    case 'loading':
      return {
        ...base,
        tone: 'info',
        primary: { label: t('loading'), action: 'none', busy: true },
      };
    case 'broken':
      return {
        ...base,
        tone: 'error',
        primary: { label: t('tryAgain'), action: 'reload', busy: false },
        lines: [t('configFailed')],
      };
    case 'no-sign-in':
      return { ...base, tone: 'error', primary: null, lines: [t('signInMissing')] };
    case 'insecure':
      return { ...base, tone: 'error', primary: null, lines: [t('insecure')] };
    case 'signed-out': {
      const why = state.why;
      const lead =
        why === 'start'
          ? t('signInLead')
          : why === 'expired'
            ? t('sessionExpired')
            : t(SIGN_IN_TEXT[why.failed]);
      const saved = ctx.pending
        ? [t('pendingSaved', { time: at(ctx.pending.body.capturedAt) })]
        : [];
      return {
        ...base,
        tone: why === 'start' ? 'info' : why === 'expired' ? 'warn' : 'error',
        primary: { label: t('signIn'), action: 'sign-in', busy: false, hero: true },
        lines: [lead, ...saved],
      };
    }
    case 'ready':
      return {
        ...base,
        tone: 'info',
        primary: { ...retry('present'), hero: true },
        hint: t('presentHint'),
      };
    case 'locating': {
      const s = Math.min(ctx.geoTimeoutS, Math.floor((ctx.now - state.since) / 1000));
      return {
        ...base,
        tone: 'info',
        primary: { label: t('locating'), action: 'none', busy: true },
        title: t('locating'),
        progress: {
          value: s,
          max: ctx.geoTimeoutS,
          text: t('locatingDetail', { s, max: ctx.geoTimeoutS }),
        },
      };
    }
    case 'sending':
      return {
        ...base,
        tone: 'info',
        primary: { label: t('sending'), action: 'none', busy: true },
        title: t('sending'),
        fix: fixLine(ctx.pending),
      };
    case 'recorded': {
      const c = state.checkin;
      const vars = { time: at(c.receivedAt), status: t(c.status === 'late' ? 'late' : 'onTime') };
      return {
        ...base,
        tone: 'success',
        primary: null,
        title: t(state.duplicate ? 'alreadyRecorded' : 'recorded', vars),
        lines: c.flags.includes('near_edge') ? [t('nearEdge')] : [],
      };
    }
    case 'refused': {
      const e = state.error;
      const message = messageFor(e.code, e.details as ErrorDetails, lang, e.message);
      // A capture kept through a long outage is refused for its age, not for a wrong clock.
      const stale =
        e.code === 'CLOCK_SKEW' &&
        ctx.now - Date.parse(state.capture.body.capturedAt) > rules.maxClockSkewS * 1000;
      return {
        ...base,
        tone: 'error',
        primary: retry(e.code === 'CLOCK_SKEW' ? 'freshFix' : 'tryAgain'),
        title: t('refusedTitle'),
        lines: stale ? [t('staleCapture', { time: at(state.capture.body.capturedAt) })] : [message],
        fix: stale ? null : fixLine(state.capture),
      };
    }
    case 'geo-failed':
      return {
        ...base,
        tone: 'error',
        primary: retry(),
        lines: [t(GEO_TEXT[state.reason], { max: ctx.geoTimeoutS })],
      };
    case 'inaccurate':
      return {
        ...base,
        tone: 'error',
        primary: retry(),
        lines: [
          messageFor(
            'ACCURACY_TOO_LOW',
            { accuracyM: Math.round(state.accuracyM), maxAccuracyM: rules.maxAccuracyM },
            lang,
            '',
          ),
          t('notSent'),
        ],
      };
    case 'waiting':
      return {
        ...base,
        tone: 'warn',
        primary: { label: t('sendAgain'), action: 'resend', busy: false },
        lines: [t(state.offline ? 'offline' : 'serverBusy')],
        fix: fixLine(ctx.pending),
      };
    case 'note':
      return { ...base, tone: 'info', primary: null, lines: state.lines };
  }
}
