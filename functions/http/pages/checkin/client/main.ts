import { localTime } from '../../../../core/calendar';
import { longDate, wallTime, zoneName } from '../../../../core/time-labels';
import type { Lang } from '../../../env';
import type { PageConfig } from '../../../schemas';
import { boot } from '../../shared/boot';
import { text } from '../strings';
import { postCheckin, todaysCheckin } from './api';
import { startAppeals } from './appeals';
import { captureOf, keepPending, pendingCapture } from './capture';
import { dom, paintHeader, paintLanguage, paintScreen } from './dom';
import { currentFix, GEO_TIMEOUT_MS, GeoError } from './geo';
import { startHistory } from './history';
import {
  beginSignIn,
  currentSession,
  forgetSession,
  logoutUrl,
  type Session,
  SignInError,
} from './oidc';
import { paintPresenceLanguage, setupPresence, showBinding, withProofs } from './presence';
import { forRollCall, openTarget, paintRollCalls } from './rollcalls';
import {
  currentRollCalls,
  ROLL_CALLS_MS,
  type RollCallsHost,
  refreshRollCalls,
} from './rollcalls-live';
import { KEYS, load, save } from './storage';
import { describe, type State } from './view';

/** The page's controller: events in, states out; `describe` decides what each state shows. */

let lang: Lang = load<Lang>('local', KEYS.lang) === 'en' ? 'en' : 'id';
let config: PageConfig | null = null;
let state: State = { k: 'loading' };
/** True while a fix is taken or a check-in is on the wire: a second tap does nothing. */
let busy = false;

function setState(next: State): void {
  state = next;
  repaint();
}

function repaint(): void {
  const rules = config?.rules;
  if (!rules) {
    paintScreen(describe(state, context()));
    return;
  }
  paintRollCalls(currentRollCalls(), lang, rules.timezone);
  const session = currentSession();
  const tz = zoneName(rules.timezone, lang);
  paintHeader({
    today: longDate(localTime(new Date(), rules.timezone).date, lang),
    who: session ? text(lang, 'signedInAs', { who: session.name ?? session.sub }) : null,
    window: text(lang, 'windowInfo', {
      opens: wallTime(rules.opensAt, lang),
      starts: wallTime(rules.startsAt, lang),
      closes: wallTime(rules.closesAt, lang),
      tz,
    }),
  });
  paintScreen(describe(state, context()));
}

function context() {
  return {
    lang,
    rules: config?.rules ?? {
      timezone: 'Asia/Jakarta',
      opensAt: '',
      startsAt: '',
      closesAt: '',
      maxAccuracyM: 0,
      maxClockSkewS: 0,
    },
    pending: pendingCapture(),
    now: Date.now(),
    geoTimeoutS: GEO_TIMEOUT_MS / 1000,
  };
}

async function signIn(): Promise<void> {
  if (!config?.signIn || busy) return;
  busy = true;
  try {
    await beginSignIn(config.signIn, lang); // leaves the page
  } catch {
    // No WebCrypto, or a sign-in address that is not a URL: nothing the person can fix.
    busy = false;
    setState({ k: 'signed-out', why: { failed: 'refused' } });
  }
}

function signOut(): void {
  forgetSession();
  keepPending(null);
  const url = config?.signIn ? logoutUrl(config.signIn) : null;
  if (url) location.assign(url);
  else setState({ k: 'signed-out', why: 'start' });
}

/** Take a fix, refuse a poor one here, keep it, and send it. */
async function checkIn(): Promise<void> {
  const rules = config?.rules;
  if (busy || !rules) return;
  busy = true;
  try {
    const session = currentSession();
    // Sign in first: a fix taken now could be too old by the time sign-in is done.
    if (!session) return setState({ k: 'signed-out', why: 'expired' });
    setState({ k: 'locating', since: Date.now() });
    const ticker = setInterval(repaint, 1000);
    let pos: GeolocationPosition;
    try {
      pos = await currentFix();
    } catch (e) {
      return setState({
        k: 'geo-failed',
        reason: e instanceof GeoError ? e.reason : 'unavailable',
      });
    } finally {
      clearInterval(ticker);
    }
    if (pos.coords.accuracy > rules.maxAccuracyM) {
      return setState({ k: 'inaccurate', accuracyM: pos.coords.accuracy });
    }
    const capture = forRollCall(captureOf(pos, session.sub), openTarget(currentRollCalls()));
    keepPending(await withProofs(capture, session.accessToken));
    await sendPending(session);
  } finally {
    busy = false;
  }
}

/** Send the kept capture (the same body every time) and act on the answer. */
async function sendPending(session: Session | null = currentSession()): Promise<void> {
  const capture = pendingCapture();
  if (!capture) return setState({ k: 'ready' });
  if (!session) return setState({ k: 'signed-out', why: 'expired' });
  if (capture.owner !== session.sub) {
    keepPending(null);
    return setState({ k: 'ready' });
  }
  if (!navigator.onLine) return setState({ k: 'waiting', offline: true });
  setState({ k: 'sending' });
  const outcome = await postCheckin(capture, session.accessToken, lang);
  switch (outcome.kind) {
    case 'recorded':
      keepPending(null);
      setState({
        k: 'recorded',
        checkin: outcome.result.checkin,
        duplicate: outcome.result.duplicate,
      });
      return void refreshRollCalls(host, session, false);
    case 'refused':
      keepPending(null);
      return setState({ k: 'refused', error: outcome.error, capture });
    case 'unauthorized':
      forgetSession();
      return setState({ k: 'signed-out', why: 'expired' });
    case 'unreachable':
      return setState({ k: 'waiting', offline: !navigator.onLine });
  }
}

/** What the roll calls' refresh (rollcalls-live.ts) reads of the page and may change. */
const host: RollCallsHost = {
  rules: () => config?.rules ?? null,
  lang: () => lang,
  state: () => state,
  busy: () => busy,
  setState,
  repaint,
};

async function resend(): Promise<void> {
  if (busy) return;
  busy = true;
  try {
    await sendPending();
  } finally {
    busy = false;
  }
}

function onPrimary(): void {
  const action = dom.primary().dataset.action;
  if (action === 'sign-in') void signIn();
  else if (action === 'capture') void checkIn();
  else if (action === 'resend') void resend();
  else if (action === 'reload') location.reload();
}

function toggleLanguage(): void {
  lang = lang === 'id' ? 'en' : 'id';
  save('local', KEYS.lang, lang);
  paintLanguage(lang);
  paintPresenceLanguage(lang);
  repaint();
}

async function start(): Promise<void> {
  paintLanguage(lang);
  paintPresenceLanguage(lang);
  setupPresence({
    token: () => currentSession()?.accessToken ?? null,
    onCode: () => void checkIn(),
  });
  dom.primary().addEventListener('click', onPrimary);
  dom.lang().addEventListener('click', toggleLanguage);
  dom.signOut().addEventListener('click', signOut);
  window.addEventListener('online', () => {
    if (state.k === 'waiting') void resend();
  });
  window.addEventListener('offline', () => {
    if (state.k === 'waiting') setState({ k: 'waiting', offline: true });
  });

  const started = await boot();
  config = started.config;
  if (started.k === 'stopped') return setState({ k: started.why });
  if (started.k === 'failed') {
    const failed = started.error instanceof SignInError ? started.error.failure : 'token';
    return setState({ k: 'signed-out', why: { failed } });
  }
  const session = started.session;
  if (!session) return setState({ k: 'signed-out', why: 'start' });
  // Back from signing in again with a capture kept: send it now.
  if (pendingCapture()) return resend();

  setState({ k: 'ready' });
  void showBinding(session.accessToken);
  startAppeals(config?.rules.timezone ?? 'Asia/Jakarta');
  startHistory(config?.rules.timezone ?? 'Asia/Jakarta');
  if (await refreshRollCalls(host, session, true)) {
    // A roll call opens or closes while the page stays open: the list and the button follow.
    setInterval(() => {
      if (!document.hidden && currentSession()) void refreshRollCalls(host, currentSession(), true);
    }, ROLL_CALLS_MS);
    return;
  }
  const today = await todaysCheckin(session.accessToken, lang);
  if (state.k !== 'ready' || busy) return;
  if (today === 'unauthorized') {
    forgetSession();
    setState({ k: 'signed-out', why: 'expired' });
  } else if (today) {
    setState({ k: 'recorded', checkin: today, duplicate: true });
  }
}

void start();
