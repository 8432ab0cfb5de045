import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A signed-in browser: the cookie holds a random session id, the table only its hash, so a copy of the table signs
 * nobody in. Kept in Postgres so every gateway replica knows every session.
 */
@Entity({ name: 'browser_session' })
@Index(['expiresAt'])
export class BrowserSessionEntity {
  @PrimaryColumn({ name: 'session_hash', type: 'text' })
  sessionHash: string;

  @Column({ name: 'subject', type: 'text' })
  subject: string;

  /** The principal as the issuer's ID token named it (roles and scope ids). */
  @Column({ name: 'principal', type: 'jsonb' })
  principal: Record<string, unknown>;

  /** Repeated by the browser in X-CSRF-Token on every write made with the session cookie. */
  @Column({ name: 'csrf_token', type: 'text' })
  csrfToken: string;

  /** The issuer's ID token, for signing out at the issuer too. */
  @Column({ name: 'id_token', type: 'text', nullable: true })
  idToken: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Moves forward with use (idle timeout), never past absoluteExpiresAt. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'absolute_expires_at', type: 'timestamptz' })
  absoluteExpiresAt: Date;
}
