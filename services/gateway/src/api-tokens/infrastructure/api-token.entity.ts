import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A provider API token: only the hash of its secret is stored, never the secret itself. */
@Entity({ name: 'api_token' })
@Index(['providerId', 'createdAt'])
export class ApiTokenEntity {
  @PrimaryColumn({ name: 'token_id', type: 'uuid' })
  tokenId: string;

  /** SHA-256 (hex) of the whole token; the gateway finds a token by it. */
  @Index({ unique: true })
  @Column({ name: 'secret_hash', type: 'text' })
  secretHash: string;

  /** The first characters of the token, to recognise it in a list. */
  @Column({ name: 'hint', type: 'text' })
  hint: string;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @Column({ name: 'name', type: 'text' })
  name: string;

  @Column({ name: 'permissions', type: 'text', array: true })
  permissions: string[];

  /** The subject of the provider user who created (or rotated) it. */
  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** The token this one replaced in a rotation. */
  @Column({ name: 'rotated_from', type: 'uuid', nullable: true })
  rotatedFrom: string | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'use_count', type: 'bigint', default: 0 })
  useCount: string;
}
