import type { DescMessage, Message, MessageShape } from '@bufbuild/protobuf';
import type { TopicDefinition } from './topics';

/**
 * One event type: its protobuf schema, the topic it travels on, and the fields that must be set.
 * proto3 has no required fields, so the fields a consumer cannot do without are listed here and
 * checked on every incoming message before a handler sees it.
 */
export interface EventContract<S extends DescMessage = DescMessage> {
  /** The event type, e.g. `napl.catalogue.v1.OfferPublished`; travels in the `napl-event-type` header. */
  readonly type: string;
  readonly schema: S;
  readonly topic: TopicDefinition;
  /** Dotted camelCase paths of fields that must be non-empty, e.g. `offer.offerId`. */
  readonly requiredFields: readonly string[];
}

export type EventOf<C extends EventContract> = MessageShape<C['schema']>;

type FieldName<M> = Exclude<keyof M, '$typeName' | '$unknown'> & string;
type Deeper = [never, 0, 1, 2, 3, 4];

/**
 * The dotted camelCase paths of a protobuf message's fields, down into nested messages: what `requiredFields`
 * may name. A misspelt or removed field is a compile error, not a check that silently never fires.
 */
export type FieldPath<M, Depth extends number = 4> = [Depth] extends [never]
  ? never
  : { [K in FieldName<M>]: NonNullable<M[K]> extends Message ? K | `${K}.${FieldPath<NonNullable<M[K]>, Deeper[Depth]>}` : K }[FieldName<M>];

export function defineEvent<S extends DescMessage>(
  schema: S,
  topic: TopicDefinition,
  requiredFields: readonly FieldPath<MessageShape<S>>[] = [],
): EventContract<S> {
  return { type: schema.typeName, schema, topic, requiredFields };
}

/** The required fields of a decoded message that are missing, zero or empty. */
export function missingRequiredFields(message: object, paths: readonly string[]): string[] {
  return paths.filter((path) => isEmpty(readPath(message, path)));
}

function readPath(message: object, path: string): unknown {
  let value: unknown = message;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function isEmpty(value: unknown): boolean {
  // proto3 cannot tell an unset scalar from its zero value, so zero counts as missing.
  if (value === undefined || value === null || value === '' || value === 0 || value === BigInt(0)) return true;
  if (Array.isArray(value)) return value.length === 0;
  return false;
}
