import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '@napl/auth';
import { MessagingRuntime } from '@napl/messaging';

export const SERVICE_NAME = Symbol('SERVICE_NAME');

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(SERVICE_NAME) private readonly service: string,
    private readonly dataSource: DataSource,
    private readonly messaging: MessagingRuntime,
  ) {}

  /** Up when the database answers; Kafka's state is reported but does not make the service unready, the outbox covers it. */
  @Public()
  @Get()
  @HttpCode(200)
  async health(): Promise<{ status: string; service: string; database: string; kafka: { relay: boolean; consumer: boolean } }> {
    const database = await this.dataSource
      .query('SELECT 1')
      .then(() => 'up')
      .catch(() => 'down');
    const body = { status: database === 'up' ? 'ok' : 'unavailable', service: this.service, database, kafka: this.messaging.status };
    if (database !== 'up') throw new ServiceUnavailableException(body);
    return body;
  }
}
