import type { DescMessage } from '@bufbuild/protobuf';
import { ALL_EVENTS } from './all-events';
import { ALL_TOPICS } from './topics';

/** The field a dotted camelCase path names in a message's descriptor, or undefined when there is none. */
function fieldAt(schema: DescMessage, path: string) {
  let message: DescMessage | undefined = schema;
  let field;
  for (const part of path.split('.')) {
    field = message?.fields.find((candidate) => candidate.localName === part);
    if (!field) return undefined;
    message = field.fieldKind === 'message' ? field.message : undefined;
  }
  return field;
}

describe('the event contracts', () => {
  it.each(ALL_EVENTS.map((contract) => [contract.type, contract]))('%s names only fields its schema has', (_type, contract) => {
    const unknown = contract.requiredFields.filter((path) => !fieldAt(contract.schema, path));
    expect(unknown).toEqual([]);
  });

  it.each(ALL_EVENTS.map((contract) => [contract.type, contract]))('%s travels on a declared topic of its own service', (type, contract) => {
    expect(ALL_TOPICS).toContain(contract.topic);
    const service = /^napl\.(\w+)\.v\d+\./.exec(type)?.[1];
    expect(contract.topic.name.startsWith(`napl.${service}.`)).toBe(true);
  });

  it('has one contract per event type', () => {
    const types = ALL_EVENTS.map((contract) => contract.type);
    expect(new Set(types).size).toBe(types.length);
  });

  it('finds a path that is not in the schema (the check above can fail)', () => {
    const [contract] = ALL_EVENTS;
    expect(fieldAt(contract.schema, 'noSuchField')).toBeUndefined();
    expect(fieldAt(contract.schema, `${contract.requiredFields[0]}.deeper`)).toBeUndefined();
  });
});
