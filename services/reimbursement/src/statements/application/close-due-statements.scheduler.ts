import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { CloseDueStatements } from './close-due-statements';

/** How often open statements past their deadline are made payable; a minute late is soon enough for a quarter. */
export const CLOSE_DUE_INTERVAL_MS = 60_000;

/** Makes statements payable once their deadline has passed, on an interval; every instance may run it. */
@Injectable()
export class CloseDueStatementsScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CloseDueStatementsScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(private readonly closeDue: CloseDueStatements) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), CLOSE_DUE_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.closeDue
      .execute()
      .then(({ statementIds }) => {
        if (statementIds.length > 0) this.logger.log(`${statementIds.length} betaaloverzicht(en) betaalbaar gesteld`);
      })
      .catch((error: Error) => this.logger.warn(`closing due statements failed: ${error.message}`))
      .finally(() => (this.running = undefined));
  }
}
