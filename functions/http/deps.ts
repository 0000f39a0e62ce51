import type { Republisher } from '../core/corrections';
import type { Metrics } from '../core/metrics';
import type { Clock, ReportPublisher, Stores } from '../core/ports';
import type { Verifier } from '../core/ports/auth';
import type { AppLogger } from '../core/ports/logger';
import type { ReportRunner } from '../core/report-jobs';
import type { MapTiles } from './pages/map-tiles';
import type { SignInConfig } from './schemas';

/**
 * What the HTTP app is made of. Its own module, not app.ts: every route takes it, and app.ts
 * imports every route, so keeping it there would make each route and the app import each other.
 */
export interface AppDeps {
  readonly stores: Stores;
  readonly publisher: ReportPublisher;
  readonly clock: Clock;
  readonly verify: Verifier;
  readonly logger: AppLogger;
  /** Operators' counts (check-in outcomes); none when absent (tests, the local server). */
  readonly metrics?: Metrics;
  readonly version?: string;
  /** The check-in page's sign-in (OIDC authorization code + PKCE); without it the page says so. */
  readonly web?: SignInConfig;
  /** The console map's base tiles; OpenStreetMap's when absent. */
  readonly tiles?: MapTiles;
  /**
   * The address people open (APEL_PUBLIC_URL): passkeys are bound to its host name and origin.
   * Absent, the request's own origin stands in (the local server, tests).
   */
  readonly publicUrl?: string | undefined;
  /**
   * Republishes a corrected day (core/corrections.ts): at once locally, the report function on
   * AWS. Absent: corrections wait in the log for the report tick.
   */
  readonly republisher?: Republisher;
  /**
   * Reports of large rosters are built by the report function (on AWS) or in the background
   * (locally) and polled; absent, every report is built inline (tests, small deployments).
   */
  readonly reports?: ReportBuilding;
}

/** How the API builds reports away from itself (issue 16): absent, it builds every one inline. */
export interface ReportBuilding {
  readonly runner: ReportRunner;
  /** Rosters of about this many from which a report is built away. @default INLINE_ROSTER_LIMIT */
  readonly inlineLimit?: number;
}
