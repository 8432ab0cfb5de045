import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A POST that carried an Idempotency-Key: who sent it, a hash of what was sent, and the response that went back,
 * so a repeat (a client retrying after a timeout) gets the original response instead of a second effect.
 */
@Entity({ name: 'idempotency_key' })
export class IdempotencyKeyEntity {
  /** The token subject: keys are scoped per caller, so two clients can never collide. */
  @PrimaryColumn({ type: 'text' })
  principal: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'text' })
  key: string;

  /** SHA-256 of method, path and canonical JSON body. */
  @Column({ name: 'request_hash', type: 'text' })
  requestHash: string;

  /** Null while the first request is still being handled. */
  @Column({ name: 'status_code', type: 'integer', nullable: true })
  statusCode: number | null;

  @Column({ name: 'response_body', type: 'jsonb', nullable: true })
  responseBody: unknown;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}

export const IDEMPOTENCY_ENTITIES = [IdempotencyKeyEntity];
