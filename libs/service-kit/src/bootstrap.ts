import 'reflect-metadata';
import { Logger, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { prepareServiceDatabase } from '@napl/persistence';
import { createValidationPipe } from './problem-details';
import type { ServiceConfig } from './service-config';

export interface ServiceDescription {
  readonly service: string;
  readonly title: string;
  readonly description: string;
}

/** Creates the database objects the service owns, then the Nest app with the platform's HTTP conventions. */
export async function createServiceApp(
  module: DynamicModule,
  config: ServiceConfig,
  description: ServiceDescription,
): Promise<INestApplication> {
  await prepareServiceDatabase({
    service: description.service,
    databaseUrl: config.DATABASE_URL,
    bootstrap: config.DATABASE_BOOTSTRAP,
    rolePassword: config.DATABASE_ROLE_PASSWORD,
  });
  const app = await NestFactory.create(module, { logger: config.NODE_ENV === 'test' ? ['error', 'warn'] : undefined });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const openApi = new DocumentBuilder()
    .setTitle(description.title)
    .setDescription(description.description)
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}

/** main.ts of every service: build, listen, and say where. */
export async function runService(
  module: DynamicModule,
  config: ServiceConfig,
  description: ServiceDescription,
): Promise<void> {
  const started = Date.now();
  const app = await createServiceApp(module, config, description);
  await app.listen(config.PORT, config.HOST);
  new Logger(description.service).log(`listening on http://${config.HOST}:${config.PORT} (ready in ${Date.now() - started} ms)`);
}
