import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { EnrolmentsService } from './enrolments.service';

export const PARTICIPATION_INTERVAL_MS = Symbol('PARTICIPATION_INTERVAL_MS');

/** Once a minute: participations of runs that began today (or were missed) start, so monitoring can count them. */
@Injectable()
export class ParticipationScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ParticipationScheduler');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly enrolments: EnrolmentsService,
    @Inject(PARTICIPATION_INTERVAL_MS) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    if (this.intervalMs === 0) return;
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
    this.tick();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.enrolments
      .startDueParticipations()
      .catch((error: Error) => this.logger.warn(`starting due participations failed: ${error.message}`))
      .finally(() => (this.running = undefined));
  }
}
