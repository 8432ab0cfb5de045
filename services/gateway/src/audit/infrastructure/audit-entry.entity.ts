import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One write through the gateway: who, what, the answer, and the request id that finds it in every service's logs. */
@Entity({ name: 'audit_entry' })
@Index(['at', 'entryId'])
@Index(['actorSubject', 'at'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('identity', { name: 'entry_id', type: 'bigint', generatedIdentity: 'ALWAYS' })
  entryId: string;

  @Column({ name: 'at', type: 'timestamptz' })
  at: Date;

  /** The caller's subject; null when the request carried no valid credential. */
  @Column({ name: 'actor_subject', type: 'text', nullable: true })
  actorSubject: string | null;

  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles: string[];

  @Column({ name: 'provider_id', type: 'uuid', nullable: true })
  providerId: string | null;

  /** session, api-token or bearer; null for anonymous. */
  @Column({ name: 'via', type: 'text', nullable: true })
  via: string | null;

  @Column({ name: 'api_token_id', type: 'uuid', nullable: true })
  apiTokenId: string | null;

  @Column({ name: 'method', type: 'text' })
  method: string;

  /** The path without its query string (a query can carry personal data). */
  @Column({ name: 'path', type: 'text' })
  path: string;

  /** The service the request went to, for /api/<service>/...; null for the gateway's own routes. */
  @Column({ name: 'service', type: 'text', nullable: true })
  service: string | null;

  @Column({ name: 'status', type: 'integer' })
  status: number;

  @Column({ name: 'request_id', type: 'text' })
  requestId: string;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs: number;
}
