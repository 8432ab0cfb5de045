import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { calculateJwkThumbprint, exportJWK, type JSONWebKeySet, type JWK } from 'jose';

/**
 * The platform's keys for credentials: one private key signs, and the key set published at jwks.json holds its
 * public key and every retired one, so a badge signed before a rotation still verifies. A key's id (kid) is its
 * RFC 7638 thumbprint: the same key always has the same id, wherever it is configured, and a retired key needs no
 * id of its own in the settings.
 */

/** What ES256 (P-256) and EdDSA (Ed25519) keys sign with; both are what VC-JOSE-COSE verifiers expect. */
export type CredentialAlgorithm = 'ES256' | 'EdDSA';
export const CREDENTIAL_ALGORITHMS: readonly CredentialAlgorithm[] = ['ES256', 'EdDSA'];

export interface SigningKey {
  readonly kid: string;
  readonly alg: CredentialAlgorithm;
  readonly privateKey: KeyObject;
  readonly publicJwk: JWK;
}

export interface CredentialKeys {
  readonly signing: SigningKey;
  /** The current public key first, then the retired ones. */
  readonly jwks: JSONWebKeySet;
  /** Said at start-up: the development key could not be kept, so badges verify only until the next start. */
  readonly warning?: string;
}

export interface CredentialKeySettings {
  readonly NODE_ENV: string;
  readonly CREDENTIALS_SIGNING_KEY?: string;
  readonly CREDENTIALS_SIGNING_KEY_FILE?: string;
  readonly CREDENTIALS_RETIRED_PUBLIC_KEYS?: string;
  readonly CREDENTIALS_DEV_KEYS_DIR: string;
}

/** A setting that cannot give a usable key; start-up stops with it. The message never holds key material. */
export class CredentialKeyError extends Error {}

const PUBLIC_KEY_PEM = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g;
const DEV_KEY_FILE = 'signing-key.pem';

/**
 * The keys from the settings: the signing key from CREDENTIALS_SIGNING_KEY (a PKCS#8 PEM) or the file
 * CREDENTIALS_SIGNING_KEY_FILE (a mounted secret), the retired public keys from CREDENTIALS_RETIRED_PUBLIC_KEYS. In
 * development and test, without a configured key, a key generated once under CREDENTIALS_DEV_KEYS_DIR (.local/, not
 * committed); never in production, where a badge signed with a throwaway key would stop verifying at the next start.
 */
export async function loadCredentialKeys(settings: CredentialKeySettings): Promise<CredentialKeys> {
  const { pem, warning } = signingKeyPem(settings);
  const signing = await signingKeyFromPem(pem, 'CREDENTIALS_SIGNING_KEY');
  const retired = settings.CREDENTIALS_RETIRED_PUBLIC_KEYS ? await publicJwksFromPem(settings.CREDENTIALS_RETIRED_PUBLIC_KEYS) : [];
  return { ...keySetOf(signing, retired), ...(warning ? { warning } : {}) };
}

export function keySetOf(signing: SigningKey, retired: readonly JWK[]): CredentialKeys {
  const others = retired.filter((key) => key.kid !== signing.kid);
  return { signing, jwks: { keys: [signing.publicJwk, ...others] } };
}

function signingKeyPem(settings: CredentialKeySettings): { pem: string; warning?: string } {
  if (settings.CREDENTIALS_SIGNING_KEY !== undefined && settings.CREDENTIALS_SIGNING_KEY_FILE !== undefined) {
    throw new CredentialKeyError('CREDENTIALS_SIGNING_KEY and CREDENTIALS_SIGNING_KEY_FILE are both set: set one');
  }
  if (settings.CREDENTIALS_SIGNING_KEY !== undefined) return { pem: unescapeNewlines(settings.CREDENTIALS_SIGNING_KEY) };
  if (settings.CREDENTIALS_SIGNING_KEY_FILE !== undefined) {
    try {
      return { pem: readFileSync(resolve(settings.CREDENTIALS_SIGNING_KEY_FILE), 'utf8') };
    } catch {
      throw new CredentialKeyError(`CREDENTIALS_SIGNING_KEY_FILE: cannot read ${resolve(settings.CREDENTIALS_SIGNING_KEY_FILE)}`);
    }
  }
  if (settings.NODE_ENV === 'production') {
    throw new CredentialKeyError('CREDENTIALS_SIGNING_KEY or CREDENTIALS_SIGNING_KEY_FILE: required in production (no generated key there)');
  }
  try {
    return { pem: developmentKeyPem(settings.CREDENTIALS_DEV_KEYS_DIR) };
  } catch (error) {
    // A read-only working directory (a container without a volume there) still starts, with a key for this run.
    return {
      pem: newPrivateKeyPem(),
      warning: `CREDENTIALS_DEV_KEYS_DIR: cannot keep the development signing key in ${resolve(settings.CREDENTIALS_DEV_KEYS_DIR)} (${(error as Error).message}); badges issued now verify only until the next start`,
    };
  }
}

/**
 * The development key, generated on first use. Written to a temporary file and renamed, and then read back: services
 * and test processes starting at once each end up with the one file that won, never half a key.
 */
export function developmentKeyPem(directory: string): string {
  const file = resolve(directory, DEV_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(resolve(directory), { recursive: true });
    const temporary = join(resolve(directory), `.${DEV_KEY_FILE}.${process.pid}.${Date.now()}`);
    writeFileSync(temporary, newPrivateKeyPem(), { mode: 0o600 });
    renameSync(temporary, file);
  }
  return readFileSync(file, 'utf8');
}

function newPrivateKeyPem(): string {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** A PKCS#8 PEM private key of P-256 (ES256) or Ed25519 (EdDSA). */
export async function signingKeyFromPem(pem: string, setting: string): Promise<SigningKey> {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new CredentialKeyError(`${setting}: not a PEM private key (expected PKCS#8, -----BEGIN PRIVATE KEY-----)`);
  }
  const alg = algorithmOf(privateKey);
  if (!alg) throw new CredentialKeyError(`${setting}: the key must be an EC P-256 (ES256) or Ed25519 (EdDSA) key`);
  const publicJwk = await publicJwkOf(createPublicKey(privateKey), alg);
  return { kid: publicJwk.kid!, alg, privateKey, publicJwk };
}

/** One or more SPKI PEM public keys (-----BEGIN PUBLIC KEY-----), one after the other. */
export async function publicJwksFromPem(pems: string): Promise<JWK[]> {
  const blocks = unescapeNewlines(pems).match(PUBLIC_KEY_PEM) ?? [];
  if (blocks.length === 0) throw new CredentialKeyError('CREDENTIALS_RETIRED_PUBLIC_KEYS: no PEM public key (-----BEGIN PUBLIC KEY-----) found');
  return Promise.all(
    blocks.map(async (block, index) => {
      let publicKey: KeyObject;
      try {
        publicKey = createPublicKey({ key: block, format: 'pem' });
      } catch {
        throw new CredentialKeyError(`CREDENTIALS_RETIRED_PUBLIC_KEYS: key ${index + 1} is not a readable public key`);
      }
      const alg = algorithmOf(publicKey);
      if (!alg) throw new CredentialKeyError(`CREDENTIALS_RETIRED_PUBLIC_KEYS: key ${index + 1} must be an EC P-256 or Ed25519 key`);
      return publicJwkOf(publicKey, alg);
    }),
  );
}

/** The SPKI PEM of a signing key's public half: what goes into CREDENTIALS_RETIRED_PUBLIC_KEYS when it is replaced. */
export function publicPemOf(key: SigningKey): string {
  return createPublicKey(key.privateKey).export({ type: 'spki', format: 'pem' }).toString();
}

async function publicJwkOf(publicKey: KeyObject, alg: CredentialAlgorithm): Promise<JWK> {
  const jwk = await exportJWK(publicKey);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk, 'sha256'), alg, use: 'sig' };
}

function algorithmOf(key: KeyObject): CredentialAlgorithm | null {
  if (key.asymmetricKeyType === 'ed25519') return 'EdDSA';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  return null;
}

/** Environment files and secret stores often hold a PEM on one line with literal \n. */
function unescapeNewlines(value: string): string {
  return value.includes('\\n') ? value.replace(/\\n/g, '\n') : value;
}
