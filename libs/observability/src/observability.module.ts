import { Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule, type OnApplicationShutdown } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { EventObservabilityInterceptor } from './event-observability.interceptor';
import { HttpObservabilityMiddleware } from './http-observability.middleware';
import { pinoParams, type LogLevel } from './logging';
import { MetricsController } from './metrics.controller';
import { ServiceMetrics } from './metrics';
import { flushTracing, startTracing } from './tracing';

export interface ObservabilityOptions {
  readonly service: string;
  readonly logLevel: LogLevel;
  /** OTLP/HTTP collector for traces; none: spans still link logs and events, but are not exported. */
  readonly otlpEndpoint?: string;
  readonly traceExportDelayMs?: number;
}

/**
 * Logs, metrics and traces of one service: JSON logs (pino) with request and correlation ids, Prometheus metrics
 * at GET /metrics, OpenTelemetry spans for HTTP requests (and, through @napl/messaging, for events).
 */
@Module({})
export class ObservabilityModule implements NestModule, OnApplicationShutdown {
  static forService(options: ObservabilityOptions): DynamicModule {
    startTracing(options.service, { otlpEndpoint: options.otlpEndpoint, scheduledDelayMs: options.traceExportDelayMs });
    return {
      module: ObservabilityModule,
      global: true,
      imports: [LoggerModule.forRoot(pinoParams(options.service, options.logLevel))],
      providers: [
        { provide: ServiceMetrics, useValue: new ServiceMetrics(options.service) },
        HttpObservabilityMiddleware,
        { provide: APP_INTERCEPTOR, useClass: EventObservabilityInterceptor },
      ],
      controllers: [MetricsController],
      exports: [ServiceMetrics],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpObservabilityMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }

  async onApplicationShutdown(): Promise<void> {
    await flushTracing();
  }
}
