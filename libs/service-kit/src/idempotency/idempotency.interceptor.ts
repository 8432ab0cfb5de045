import { applyDecorators, Injectable, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { inTransaction } from '@napl/persistence';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { IdempotencyError } from './idempotency.error';
import { isValidIdempotencyKey, requestHash } from './request-hash';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

/**
 * Makes a POST safe to retry. The key (caller + Idempotency-Key), the command's effect and the stored response are
 * written in ONE transaction: the command joins it through `inTransaction`. So either all three commit or none does,
 * and no crash between effect and response can make a retry run the command twice. A repeat with the same body gets
 * the stored response (header Idempotent-Replayed); a repeat that arrives while the first still runs waits for it
 * (the key's row lock) and then gets its response; a repeat with another body gets 422. A failed request leaves no
 * key, so the client may retry it.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly dataSource: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { principal?: { subject: string } }>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (request.method !== 'POST' || key === undefined) return next.handle();
    if (!isValidIdempotencyKey(key)) throw IdempotencyError.invalid();

    const principal = request.principal?.subject ?? 'anonymous';
    const hash = requestHash(request.method, request.originalUrl.split('?')[0], request.body);
    const table = this.dataSource.getMetadata(IdempotencyKeyEntity).tablePath;
    return from(
      inTransaction(this.dataSource, async (manager) => {
        // Waits while a concurrent request with this key is uncommitted; then either claims it or finds its response.
        const claimed: unknown[] = await manager.query(
          `INSERT INTO ${table} (principal, idempotency_key, request_hash, created_at) VALUES ($1, $2, $3, now())
           ON CONFLICT (principal, idempotency_key) DO NOTHING RETURNING principal`,
          [principal, key, hash],
        );
        if (claimed.length === 0) {
          const stored = await manager.findOneByOrFail(IdempotencyKeyEntity, { principal, key });
          if (stored.requestHash !== hash) throw IdempotencyError.reused();
          response.setHeader('Idempotent-Replayed', 'true');
          if (stored.statusCode) response.status(stored.statusCode);
          return stored.responseBody ?? undefined;
        }
        const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
        await manager.update(IdempotencyKeyEntity, { principal, key }, { statusCode: response.statusCode, responseBody: body ?? null, completedAt: new Date() });
        return body;
      }),
    );
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
