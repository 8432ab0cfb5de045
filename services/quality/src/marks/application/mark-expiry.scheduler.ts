import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { QualityConfig } from '../../quality.config';
import { MarksService } from './marks.service';

const INTERVAL_NAME = 'quality-mark-expiry';

/**
 * Looks on an interval for marks that expired and for marks whose conditions were not met in time; every instance
 * may run it, the marks service takes each mark once.
 */
@Injectable()
export class MarkExpiryScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MarkExpiryScheduler.name);
  private running = false;

  constructor(
    private readonly marks: MarksService,
    private readonly registry: SchedulerRegistry,
    @Inject(QualityConfig) private readonly config: QualityConfig,
  ) {}

  onApplicationBootstrap(): void {
    // The interval comes from configuration, so it is registered here rather than with @Interval.
    this.registry.addInterval(INTERVAL_NAME, setInterval(() => void this.tick(), this.config.QUALITY_MARK_EXPIRY_INTERVAL_MS));
  }

  onApplicationShutdown(): void {
    if (this.registry.doesExist('interval', INTERVAL_NAME)) this.registry.deleteInterval(INTERVAL_NAME);
  }

  /** One run; skipped while the previous one is still busy. Returns how many marks ended. */
  async tick(asOf: Date = new Date()): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      // Separately, so a failure in one does not hold up the other.
      const expired = await this.attempt('Expiry', () => this.marks.expireDueMarks(asOf));
      if (expired > 0) this.logger.log(`${expired} keurmerk(en) verlopen`);
      const revoked = await this.attempt('Conditions', () => this.marks.revokeLapsedConditions(asOf));
      if (revoked > 0) this.logger.log(`${revoked} keurmerk(en) ingetrokken: voorwaarden niet op tijd vervuld`);
      return expired + revoked;
    } finally {
      this.running = false;
    }
  }

  private async attempt(what: string, run: () => Promise<number>): Promise<number> {
    try {
      return await run();
    } catch (error) {
      this.logger.error(`${what} run failed: ${(error as Error).message}`);
      return 0;
    }
  }
}
