import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { retryAfterSeconds, windowStartOf, type RateLimitSettings, type RouteClass } from '../domain/rate-limit-policy';

export const RATE_LIMIT_SETTINGS = Symbol('RATE_LIMIT_SETTINGS');

export interface RateLimitVerdict {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** Seconds until the window ends. */
  readonly resetSeconds: number;
}

/**
 * Counts requests per key and route class in fixed windows, in Postgres: every gateway replica counts against the
 * same limit, and a restart forgets nothing. One upsert per request (about a millisecond on the gateway's pool); a
 * shared in-memory store (Redis) would be faster but is one more thing to run, and the platform has Postgres.
 */
@Injectable()
export class RateLimiter implements OnModuleInit, OnModuleDestroy {
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(RATE_LIMIT_SETTINGS) private readonly settings: RateLimitSettings,
  ) {}

  async hit(key: string, routeClass: RouteClass, now = Date.now()): Promise<RateLimitVerdict> {
    const limit = this.settings.limits[routeClass];
    const windowSeconds = this.settings.windowSeconds;
    const windowStart = windowStartOf(now, windowSeconds);
    const [{ hits }] = (await this.dataSource.query(
      `INSERT INTO rate_limit_window (limit_key, window_start, hits) VALUES ($1, to_timestamp($2), 1)
       ON CONFLICT (limit_key, window_start) DO UPDATE SET hits = rate_limit_window.hits + 1
       RETURNING hits`,
      [`${routeClass}:${key}`, windowStart],
    )) as { hits: number }[];
    return { allowed: hits <= limit, limit, remaining: Math.max(0, limit - hits), resetSeconds: retryAfterSeconds(now, windowStart, windowSeconds) };
  }

  onModuleInit(): void {
    // Past windows are of no use; any replica may delete them (the delete is idempotent).
    this.sweeper = setInterval(() => void this.sweep().catch(() => undefined), 60_000);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  async sweep(): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_limit_window WHERE window_start < now() - make_interval(secs => $1)`, [this.settings.windowSeconds * 2]);
  }
}
