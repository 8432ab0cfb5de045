import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Requests counted per key (caller or address, with route class) and fixed window. In Postgres so that every
 * gateway replica counts against the same limit; one upsert per request.
 */
@Entity({ name: 'rate_limit_window' })
@Index(['windowStart'])
export class RateLimitWindowEntity {
  @PrimaryColumn({ name: 'limit_key', type: 'text' })
  limitKey: string;

  @PrimaryColumn({ name: 'window_start', type: 'timestamptz' })
  windowStart: Date;

  @Column({ name: 'hits', type: 'integer' })
  hits: number;
}
