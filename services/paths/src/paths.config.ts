import { IsNotEmpty, IsString, IsUrl, Matches, ValidateIf } from 'class-validator';
import { ServiceConfig } from '@napl/service-kit';

export class PathsConfig extends ServiceConfig {
  override PORT = 3103;

  // Verifiable credentials (credentials/): the platform's public URL and the key its badges are signed with.

  /** The platform's public URL: every badge names it as issuer. Required in production (https); else the gateway's local URL. */
  @ValidateIf((config: PathsConfig) => config.NODE_ENV === 'production' || config.CREDENTIALS_ISSUER_URL !== undefined)
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  CREDENTIALS_ISSUER_URL?: string = undefined;

  /**
   * The private key that signs badges: a PKCS#8 PEM of an EC P-256 (ES256) or Ed25519 (EdDSA) key, or the same in the
   * file CREDENTIALS_SIGNING_KEY_FILE (a mounted secret). One of them is required in production; elsewhere a key is
   * generated once under CREDENTIALS_DEV_KEYS_DIR. Only its presence is checked here: a wrong key is refused at
   * start-up by a message that does not repeat it.
   */
  @ValidateIf((config: PathsConfig) => config.NODE_ENV === 'production' && config.CREDENTIALS_SIGNING_KEY_FILE === undefined)
  @IsNotEmpty({ message: 'required in production, or CREDENTIALS_SIGNING_KEY_FILE: the PKCS#8 PEM key that signs credentials' })
  CREDENTIALS_SIGNING_KEY?: string = undefined;

  @ValidateIf((config: PathsConfig) => config.CREDENTIALS_SIGNING_KEY_FILE !== undefined)
  @IsString()
  @IsNotEmpty()
  CREDENTIALS_SIGNING_KEY_FILE?: string = undefined;

  /**
   * Public keys of signing keys no longer used (SPKI PEMs, one after the other): still published in the key set, so
   * badges signed before a key rotation keep verifying. On a rotation the old key's public PEM goes here.
   */
  @ValidateIf((config: PathsConfig) => config.CREDENTIALS_RETIRED_PUBLIC_KEYS !== undefined)
  @Matches(/-----BEGIN PUBLIC KEY-----/, { message: 'must hold one or more PEM public keys (-----BEGIN PUBLIC KEY-----)' })
  CREDENTIALS_RETIRED_PUBLIC_KEYS?: string = undefined;

  /** Where the development signing key is generated and kept (never in production). */
  @IsString()
  CREDENTIALS_DEV_KEYS_DIR: string = '.local/credentials-issuer';
}
