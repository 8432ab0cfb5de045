import { Buffer } from 'node:buffer';
import { CompactSign, compactVerify, createLocalJWKSet, decodeProtectedHeader, errors, type JSONWebKeySet, type ProtectedHeaderParameters } from 'jose';
import { OPEN_BADGE_CONTEXT, OPEN_BADGE_TYPE, type OpenBadgeCredential } from '../domain/open-badge';
import { CREDENTIAL_ALGORITHMS, type SigningKey } from './credential-keys';

/**
 * A credential secured as in W3C VC-JOSE-COSE: the credential itself (no `vc` wrapper) is the payload of a compact
 * JWS, with header typ "vc+jwt" and cty "vc", and the key's id, so a verifier finds the key in the platform's JWKS.
 */
export const CREDENTIAL_JWS_TYPE = 'vc+jwt';
export const CREDENTIAL_JWS_CONTENT_TYPE = 'vc';

/** Clocks differ: a badge is not refused as "not yet valid" for a few minutes' difference. */
const CLOCK_TOLERANCE_MS = 5 * 60 * 1000;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export async function signCredential(credential: OpenBadgeCredential, key: SigningKey): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(credential)))
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: CREDENTIAL_JWS_TYPE, cty: CREDENTIAL_JWS_CONTENT_TYPE })
    .sign(key.privateKey);
}

export type Verification =
  | { readonly valid: true; readonly credential: Record<string, unknown>; readonly keyId: string }
  | { readonly valid: false; readonly reason: string };

/**
 * Verifies a badge against the platform's key set: the signature, then that what it signs is an Open Badges 3.0
 * credential that is valid now. Anything else, garbage included, is an answer with a Dutch reason, never an error.
 */
export async function verifyCredential(jws: string, jwks: JSONWebKeySet, now: Date = new Date()): Promise<Verification> {
  const compact = jws.trim();
  const parts = compact.split('.');
  if (parts.length !== 3 || parts.some((part) => part.length === 0 || !BASE64URL.test(part))) {
    return invalid('Dit is geen ondertekend bewijs: verwacht is een compacte JWS van drie delen, gescheiden door punten.');
  }
  // A base64url text can carry unused bits in its last character: changing them leaves the bytes as they are. Only
  // the canonical text is accepted, so any changed character fails, also in the signature.
  if (parts.some((part) => Buffer.from(part, 'base64url').toString('base64url') !== part)) {
    return invalid('Het bewijs is gewijzigd: een deel ervan is geen geldige base64url-tekst.');
  }
  let header: ProtectedHeaderParameters;
  try {
    header = decodeProtectedHeader(compact);
  } catch {
    return invalid('De kop van het bewijs is onleesbaar; het is gewijzigd of geen bewijs van dit platform.');
  }
  if (header.typ !== CREDENTIAL_JWS_TYPE && header.typ !== `application/${CREDENTIAL_JWS_TYPE}`) {
    return invalid('Dit is geen verifieerbaar bewijs (de kop noemt niet het type vc+jwt).');
  }
  if (typeof header.kid !== 'string') return invalid('De kop van het bewijs noemt geen sleutel (kid).');

  let payload: Uint8Array;
  try {
    ({ payload } = await compactVerify(compact, createLocalJWKSet(jwks), { algorithms: [...CREDENTIAL_ALGORITHMS] }));
  } catch (error) {
    return invalid(reasonOf(error));
  }

  let credential: unknown;
  try {
    credential = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload));
  } catch {
    return invalid('De inhoud van het bewijs is geen leesbare JSON.');
  }
  const problem = credentialProblem(credential, now);
  if (problem) return invalid(problem);
  return { valid: true, credential: credential as Record<string, unknown>, keyId: header.kid };
}

function credentialProblem(credential: unknown, now: Date): string | null {
  if (!credential || typeof credential !== 'object' || Array.isArray(credential)) return 'De inhoud van het bewijs is geen credential.';
  const { '@context': context, type, validFrom, validUntil } = credential as Record<string, unknown>;
  const isOpenBadge =
    Array.isArray(context) &&
    context[0] === OPEN_BADGE_CONTEXT[0] &&
    context.includes(OPEN_BADGE_CONTEXT[1]) &&
    Array.isArray(type) &&
    OPEN_BADGE_TYPE.every((required) => type.includes(required));
  if (!isOpenBadge) return 'Dit is geen Open Badges 3.0-bewijs (OpenBadgeCredential).';
  const from = typeof validFrom === 'string' ? Date.parse(validFrom) : Number.NaN;
  if (Number.isNaN(from)) return 'Het bewijs noemt niet vanaf wanneer het geldt (validFrom).';
  if (from > now.getTime() + CLOCK_TOLERANCE_MS) return `Het bewijs geldt pas vanaf ${validFrom as string}.`;
  if (validUntil !== undefined) {
    const until = typeof validUntil === 'string' ? Date.parse(validUntil) : Number.NaN;
    if (Number.isNaN(until) || until <= now.getTime()) return 'Het bewijs is verlopen (validUntil).';
  }
  return null;
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return 'De handtekening klopt niet: het bewijs is na ondertekening gewijzigd, of niet door dit platform ondertekend.';
  }
  if (error instanceof errors.JWKSNoMatchingKey) return 'Het bewijs is ondertekend met een sleutel die dit platform niet kent.';
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return 'Het bewijs is ondertekend met een algoritme dat dit platform niet gebruikt.';
  }
  return 'Het bewijs is geen geldige JWS; het is gewijzigd of geen bewijs van dit platform.';
}

function invalid(reason: string): Verification {
  return { valid: false, reason };
}
