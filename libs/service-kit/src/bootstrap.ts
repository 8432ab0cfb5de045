import 'reflect-metadata';
import { Logger, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { prepareServiceDatabase } from '@napl/persistence';
import { createValidationPipe } from './problem-details';
import { ConfigError, loadConfig, type ServiceConfig } from './service-config';

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

/**
 * main.ts of every service: read and check the configuration, build, listen, and say where. A wrong setting
 * stops the service with one message naming every bad setting, not a stack trace.
 */
export async function runService<C extends ServiceConfig>(
  configClass: new () => C,
  moduleFor: (config: C) => DynamicModule,
  description: ServiceDescription,
): Promise<void> {
  const logger = new Logger(description.service);
  const started = Date.now();
  try {
    const config = loadConfig(configClass);
    const app = await createServiceApp(moduleFor(config), config, description);
    await app.listen(config.PORT, config.HOST);
    logger.log(`listening on http://${config.HOST}:${config.PORT} (ready in ${Date.now() - started} ms)`);
  } catch (error) {
    logger.error(error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error)));
    process.exit(1);
  }
}
