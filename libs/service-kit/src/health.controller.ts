import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { Public } from '@napl/auth';
import { MessagingRuntime } from '@napl/messaging';

export const SERVICE_NAME = Symbol('SERVICE_NAME');

interface HealthBody extends HealthCheckResult {
  readonly service: string;
  /** Kept for the scripts that read it: 'up' or 'down'. */
  readonly database: 'up' | 'down';
  readonly kafka: { relay: boolean; consumer: boolean };
}

/**
 * Liveness and readiness, as an orchestrator asks them:
 * - GET /health/live: the process answers. It never looks at the database, so a database outage makes the
 *   service unready, not restarted over and over.
 * - GET /health/ready (and GET /health): the database answers within a second. Kafka's state is reported but does
 *   not make the service unready: commands land in the outbox and go out when Kafka is back.
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(SERVICE_NAME) private readonly service: string,
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly messaging: MessagingRuntime,
  ) {}

  @Get('live')
  live(): { status: 'ok'; service: string } {
    return { status: 'ok', service: this.service };
  }

  @Get(['ready', ''])
  @HealthCheck()
  async ready(): Promise<HealthBody> {
    // terminus answers 503 with the same shape when a check fails.
    const result = await this.health.check([() => this.database.pingCheck('database', { timeout: 1_000 })]);
    return { ...result, service: this.service, database: 'up', kafka: this.messaging.status };
  }
}
