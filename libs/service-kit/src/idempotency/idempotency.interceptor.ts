import { applyDecorators, Injectable, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { from, of, type Observable } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { DataSource } from 'typeorm';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { IdempotencyError } from './idempotency.error';
import { isValidIdempotencyKey, requestHash } from './request-hash';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** A first request that crashed between its effect and storing its response must not block the key forever. */
const ABANDONED_AFTER_MS = 60_000;

/**
 * Makes a POST safe to retry: the first request with an Idempotency-Key claims the key (caller + key), runs,
 * and stores its response; a repeat with the same body gets that response again (header Idempotent-Replayed),
 * a repeat with another body gets 422, a repeat while the first still runs gets 409. A failed first request
 * frees the key, so the client may retry it. Needs IdempotencyKeyEntity in the service's entities and a
 * migration extending IdempotencyKeysMigration.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly dataSource: DataSource) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request & { principal?: { subject: string } }>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (request.method !== 'POST' || key === undefined) return next.handle();
    if (!isValidIdempotencyKey(key)) throw IdempotencyError.invalid();

    const principal = request.principal?.subject ?? 'anonymous';
    const hash = requestHash(request.method, request.originalUrl.split('?')[0], request.body);
    const claimed = await this.claim(principal, key, hash);
    if (!claimed) {
      const stored = await this.dataSource.getRepository(IdempotencyKeyEntity).findOneBy({ principal, key });
      // The first request failed and freed the key just now: the client's retry may go again.
      if (!stored) throw IdempotencyError.inProgress();
      if (stored.requestHash !== hash) throw IdempotencyError.reused();
      if (stored.completedAt === null) throw IdempotencyError.inProgress();
      response.setHeader('Idempotent-Replayed', 'true');
      return of(stored.responseBody ?? undefined);
    }

    return next.handle().pipe(
      // Only a failed handler frees the key; once the change has committed, the claim stays even when storing
      // the response fails, so a retry cannot make the change twice.
      catchError((error: unknown) =>
        from(
          this.dataSource
            .getRepository(IdempotencyKeyEntity)
            .delete({ principal, key })
            .then(() => {
              throw error;
            }),
        ),
      ),
      mergeMap((body) =>
        from(
          this.dataSource
            .getRepository(IdempotencyKeyEntity)
            .update({ principal, key }, { statusCode: response.statusCode, responseBody: body ?? null, completedAt: new Date() })
            .then(() => body),
        ),
      ),
    );
  }

  /** Inserts the claim; takes over a claim that was abandoned long ago. False when the key is already taken. */
  private async claim(principal: string, key: string, hash: string): Promise<boolean> {
    const table = this.dataSource.getMetadata(IdempotencyKeyEntity).tablePath;
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO ${table} (principal, idempotency_key, request_hash, created_at)
       VALUES ($1, $2, $3, now())
       ON CONFLICT (principal, idempotency_key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = now()
         WHERE ${table}.completed_at IS NULL AND ${table}.created_at < now() - make_interval(secs => $4)
       RETURNING principal`,
      [principal, key, hash, ABANDONED_AFTER_MS / 1000],
    );
    return rows.length > 0;
  }
}

/** Marks a POST endpoint as safe to retry with an Idempotency-Key header, and documents the header. */
export const Idempotent = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Unieke sleutel per verzoek (bijv. een UUID). Een herhaling met dezelfde sleutel en inhoud geeft het oorspronkelijke antwoord terug; ' +
        'dezelfde sleutel met andere inhoud geeft 422.',
    }),
  );
