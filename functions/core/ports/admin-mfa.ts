/**
 * Whether a user has a second factor the sign-in asks for: a TOTP authenticator, enabled and
 * preferred. The Cognito adapter (adapters/cognito-mfa.ts) reads it with AdminGetUser; the
 * core's tests pass a fake. Throws when it cannot tell (the directory is down, the user is gone).
 */
export interface TotpDirectory {
  hasTotp(username: string): Promise<boolean>;
}
