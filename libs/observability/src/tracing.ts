import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export { SpanKind } from '@opentelemetry/api';

let provider: NodeTracerProvider | undefined;

export interface TracingOptions {
  /** Where spans go: an OTLP/HTTP collector (OTEL_EXPORTER_OTLP_ENDPOINT); without it spans only link the logs and events. */
  readonly otlpEndpoint?: string;
  readonly scheduledDelayMs?: number;
  /** Tests add processors of their own (e.g. an in-memory exporter). */
  readonly spanProcessors?: SpanProcessor[];
}

/**
 * Starts OpenTelemetry tracing for the process, once: W3C trace context, spans kept in async-local context. The
 * first service of a process names the resource; every span also carries `napl.service`, since tests run
 * several services in one process.
 */
export function startTracing(service: string, options: TracingOptions = {}): void {
  if (provider) return;
  const spanProcessors = [...(options.spanProcessors ?? [])];
  if (options.otlpEndpoint) {
    // Loaded only when traces are exported: a few MB of heap that an idle service without a collector need not carry.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
    const url = `${options.otlpEndpoint.replace(/\/$/, '')}/v1/traces`;
    spanProcessors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url }), { scheduledDelayMillis: options.scheduledDelayMs ?? 5_000 }));
  }
  provider = new NodeTracerProvider({ resource: resourceFromAttributes({ 'service.name': `napl-${service}` }), spanProcessors });
  provider.register({ propagator: new W3CTraceContextPropagator() });
}

/** Sends the spans not yet exported; called on shutdown. */
export async function flushTracing(): Promise<void> {
  await provider?.forceFlush();
}

function tracer() {
  return trace.getTracer('napl');
}

/** The W3C traceparent of the active span, to carry in an event's headers. */
export function activeTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** The context a traceparent (and tracestate) header continues; the root context when there is none. */
export function contextFromHeaders(headers: Record<string, string | string[] | undefined>): Context {
  return propagation.extract(ROOT_CONTEXT, headers);
}

/** Starts a span that is not made active: for work that ends in a callback (an HTTP response). */
export function startSpan(name: string, kind: SpanKind, parent: Context, attributes: Attributes = {}): Span {
  return tracer().startSpan(name, { kind, attributes }, parent);
}

export function runInSpan<T>(span: Span, parent: Context, work: () => T): T {
  return context.with(trace.setSpan(parent, span), work);
}

/** Runs `work` in an active span under `parent`; a thrown error marks the span failed and is rethrown. */
export async function inSpan<T>(name: string, kind: SpanKind, parent: Context, attributes: Attributes, work: (span: Span) => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, { kind, attributes }, parent, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}

export function markFailed(span: Span, message?: string): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message });
}
