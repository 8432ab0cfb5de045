import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { QualityConfig } from '../../quality.config';
import { MarksService } from './marks.service';

const INTERVAL_NAME = 'quality-mark-expiry';

/** Looks for expired marks on an interval; every instance may run it, the marks service takes each mark once. */
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

  /** One run; skipped while the previous one is still busy. */
  async tick(asOf: Date = new Date()): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      const expired = await this.marks.expireDueMarks(asOf);
      if (expired > 0) this.logger.log(`${expired} keurmerk(en) verlopen`);
      return expired;
    } catch (error) {
      this.logger.error(`Expiry run failed: ${(error as Error).message}`);
      return 0;
    } finally {
      this.running = false;
    }
  }
}
