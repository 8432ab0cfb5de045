import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A sign-in under way, between the redirect to the issuer and its return: the PKCE verifier and the nonce stay on
 * the server, keyed by the state the browser brings back (and holds in a cookie, so a stranger's state fails).
 */
@Entity({ name: 'sign_in_attempt' })
export class SignInAttemptEntity {
  @PrimaryColumn({ name: 'state', type: 'text' })
  state: string;

  @Column({ name: 'code_verifier', type: 'text' })
  codeVerifier: string;

  @Column({ name: 'nonce', type: 'text' })
  nonce: string;

  /** A path on the gateway to return to after sign-in (never another site). */
  @Column({ name: 'return_to', type: 'text' })
  returnTo: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
