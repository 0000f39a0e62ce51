import * as v from 'valibot';
import { EmployeeId } from '../core/fields';
import { PROOF_MODES } from '../core/presence/modes';

/** base64url, as WebAuthn's JSON encodes bytes. */
const b64u = (max: number) =>
  v.pipe(v.string(), v.maxLength(max), v.regex(/^[A-Za-z0-9_-]*$/u, 'expected base64url'));

const attachment = v.optional(v.picklist(['platform', 'cross-platform']));
const extensions = v.optional(v.record(v.string(), v.unknown()), {});

/** A WebAuthn assertion as @simplewebauthn/browser's startAuthentication returns it. */
export const AssertionBody = v.pipe(
  v.object({
    id: b64u(1400),
    rawId: b64u(1400),
    type: v.literal('public-key'),
    response: v.object({
      clientDataJSON: b64u(4096),
      authenticatorData: b64u(4096),
      signature: b64u(1024),
      userHandle: v.optional(b64u(1024)),
    }),
    clientExtensionResults: extensions,
    authenticatorAttachment: attachment,
  }),
  v.description(
    'a WebAuthn assertion over the challenge of GET /v1/checkins/challenge (base64url fields)',
  ),
);

/** A WebAuthn registration as startRegistration returns it. */
export const RegistrationBody = v.object({
  id: b64u(1400),
  rawId: b64u(1400),
  type: v.literal('public-key'),
  response: v.object({
    clientDataJSON: b64u(4096),
    attestationObject: b64u(8192),
    authenticatorData: v.optional(b64u(4096)),
    transports: v.optional(
      v.pipe(
        v.array(v.picklist(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'])),
        v.maxLength(7),
      ),
    ),
    publicKeyAlgorithm: v.optional(v.pipe(v.number(), v.integer())),
    publicKey: v.optional(b64u(2048)),
  }),
  clientExtensionResults: extensions,
  authenticatorAttachment: attachment,
});

export const GroundCodeBody = v.pipe(
  v.string(),
  v.regex(/^\d{6}$/u, 'expected the 6 digits shown at the ground'),
  v.description("the 6 digits shown (or encoded in the QR code) at the ground's kiosk"),
);

export const GroundCodeResponse = v.object({
  code: v.pipe(v.string(), v.description('6 digits, RFC 6238 TOTP over the ground’s secret')),
  step: v.pipe(v.number(), v.description('the 30-second time step the code belongs to')),
  validUntil: v.pipe(
    v.string(),
    v.description('when the code stops being current; it is accepted one step more'),
  ),
  serverTime: v.pipe(v.string(), v.description("the server's clock, for the kiosk's countdown")),
  stepS: v.number(),
  mode: v.picklist(PROOF_MODES),
});

export const RotateResponse = v.object({ siteId: v.string(), rotated: v.boolean() });

export const PasskeyOut = v.object({
  credentialId: v.string(),
  status: v.picklist(['active', 'pending']),
  createdAt: v.string(),
  lastUsedAt: v.optional(v.string()),
});

export const PasskeyList = v.object({
  employeeId: v.string(),
  deviceBinding: v.picklist(PROOF_MODES),
  passkeys: v.array(PasskeyOut),
});

export const PendingList = v.object({
  items: v.array(
    v.object({
      employeeId: v.string(),
      name: v.optional(v.string()),
      unit: v.optional(v.string()),
      credentialId: v.string(),
      createdAt: v.string(),
    }),
  ),
});

export const CredentialParam = v.object({
  employeeId: EmployeeId,
  credentialId: b64u(1400),
});

/** What the page needs to ask the phone for its proof. */
export const ChallengeResponse = v.object({
  deviceBinding: v.picklist(PROOF_MODES),
  /** PublicKeyCredentialRequestOptionsJSON; absent while device binding is off. */
  options: v.optional(v.looseObject({ challenge: v.string(), rpId: v.optional(v.string()) })),
  registered: v.pipe(v.boolean(), v.description('whether the employee has an active passkey')),
  pending: v.pipe(v.number(), v.description('passkeys of the employee awaiting approval')),
  expiresAt: v.optional(v.string()),
});
