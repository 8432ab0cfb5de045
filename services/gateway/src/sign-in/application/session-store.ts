import { Injectable } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import type { Principal } from '@napl/auth';
import { hashOfSessionId, newCsrfToken, newSessionId, SESSION_ABSOLUTE_HOURS, slidExpiry } from '../domain/session-rules';
import { BrowserSessionEntity } from '../infrastructure/browser-session.entity';

export interface OpenSession {
  readonly principal: Principal;
  readonly csrfToken: string;
  readonly idToken: string | null;
}

/** Browser sessions in Postgres, shared by every gateway replica. */
@Injectable()
export class SessionStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Starts a session; the id goes into the cookie and is never stored. */
  async start(principal: Principal, idToken: string | undefined, idleMinutes: number): Promise<{ sessionId: string; csrfToken: string }> {
    const sessionId = newSessionId();
    const csrfToken = newCsrfToken();
    const now = new Date();
    const absoluteExpiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_HOURS * 3600_000);
    await this.dataSource.getRepository(BrowserSessionEntity).insert({
      sessionHash: hashOfSessionId(sessionId),
      subject: principal.subject,
      principal: { ...principal },
      csrfToken,
      idToken: idToken ?? null,
      createdAt: now,
      expiresAt: slidExpiry(now, idleMinutes, absoluteExpiresAt),
      absoluteExpiresAt,
    });
    return { sessionId, csrfToken };
  }

  /**
   * The session of a cookie, while it lasts. Its idle expiry moves on with use, written at most once a minute so a
   * busy page does not write a row per request.
   */
  async find(sessionId: string, idleMinutes: number): Promise<OpenSession | undefined> {
    const repository = this.dataSource.getRepository(BrowserSessionEntity);
    const sessionHash = hashOfSessionId(sessionId);
    const row = await repository.findOneBy({ sessionHash });
    const now = new Date();
    if (!row || row.expiresAt <= now) return undefined;
    const next = slidExpiry(now, idleMinutes, row.absoluteExpiresAt);
    if (next.getTime() - row.expiresAt.getTime() > 60_000) await repository.update({ sessionHash }, { expiresAt: next });
    return { principal: row.principal as unknown as Principal, csrfToken: row.csrfToken, idToken: row.idToken };
  }

  async end(sessionId: string): Promise<OpenSession | undefined> {
    const repository = this.dataSource.getRepository(BrowserSessionEntity);
    const sessionHash = hashOfSessionId(sessionId);
    const row = await repository.findOneBy({ sessionHash });
    await repository.delete({ sessionHash });
    return row ? { principal: row.principal as unknown as Principal, csrfToken: row.csrfToken, idToken: row.idToken } : undefined;
  }

  /** Removes ended sessions (any replica may; the delete is idempotent). */
  async removeEnded(now = new Date()): Promise<void> {
    await this.dataSource.getRepository(BrowserSessionEntity).delete({ expiresAt: LessThan(now) });
  }
}
