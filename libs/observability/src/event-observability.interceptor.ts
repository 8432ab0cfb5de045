import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { tap, type Observable } from 'rxjs';
import { ServiceMetrics } from './metrics';

/**
 * Measures every event handler: an interceptor like any other, since event handlers are Nest handlers (the
 * EventServer transport). HTTP requests are measured by the middleware, which also sees requests a guard refused.
 */
@Injectable()
export class EventObservabilityInterceptor implements NestInterceptor {
  private readonly duration;

  constructor(metrics: ServiceMetrics) {
    this.duration = metrics.histogram({
      name: 'napl_event_handler_duration_seconds',
      help: 'Duration of event handlers (inside the inbox transaction), by event type and outcome',
      labelNames: ['event_type', 'outcome'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    });
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const eventType = context.switchToRpc().getContext<{ envelope?: { eventType: string } }>().envelope?.eventType ?? 'unknown';
    const stop = this.duration.startTimer({ event_type: eventType });
    return next.handle().pipe(
      tap({ complete: () => stop({ outcome: 'applied' }), error: () => stop({ outcome: 'failed' }) }),
    );
  }
}
