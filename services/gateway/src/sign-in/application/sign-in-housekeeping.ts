import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { FinishSignIn } from './finish-sign-in';
import { SessionStore } from './session-store';

/** Ended sessions and abandoned sign-ins are deleted every ten minutes (by any replica; the deletes are idempotent). */
@Injectable()
export class SignInHousekeeping implements OnModuleInit, OnModuleDestroy {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly sessions: SessionStore,
    private readonly signIns: FinishSignIn,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => {
      void this.sessions.removeEnded().catch(() => undefined);
      void this.signIns.removeExpired().catch(() => undefined);
    }, 10 * 60_000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }
}
