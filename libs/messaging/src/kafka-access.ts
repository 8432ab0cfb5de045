import { ALL_TOPICS, deadLetterTopicOf, TOPICS, type TopicDefinition } from '@napl/contracts';

/**
 * Who may do what on the platform's Kafka: the one definition the broker's ACLs are made from (tools/kafka/kafka.sh
 * applies them; see tools/kafka/README.md). Each service connects as a principal of its own, named like the service.
 * A service writes only the topics it owns (the service in the topic's name, `napl.<service>.<aggregate>.v<n>`),
 * reads only the topics it consumes (declared here), and writes the dead-letter topics of those, since its consumer
 * dead-letters what it cannot process.
 */

/** The cluster's super user: creates and deletes topics in tests and tools, provisions users and ACLs, re-drives. */
export const KAFKA_ADMIN_PRINCIPAL = 'admin';

/**
 * The topics each service consumes: the topics of its @OnEvent handlers. Declared, not read from the handlers,
 * because the ACLs are made before any service runs; a service whose handlers read a topic not declared here says so
 * at start-up (undeclaredConsumedTopics) and is refused by the broker.
 */
export const KAFKA_CONSUMED_TOPICS = {
  catalogue: [TOPICS.qualityAssessment, TOPICS.qualityMark, TOPICS.enrolmentsEnrolment],
  quality: [TOPICS.catalogueOffer, TOPICS.enrolmentsEnrolment, TOPICS.enrolmentsTeacher],
  paths: [TOPICS.catalogueOffer, TOPICS.catalogueRun, TOPICS.qualityAssessment, TOPICS.qualityMark, TOPICS.enrolmentsEnrolment, TOPICS.enrolmentsTeacher],
  enrolments: [TOPICS.catalogueOffer, TOPICS.catalogueRun],
  reimbursement: [TOPICS.catalogueRun, TOPICS.qualityAssessment, TOPICS.qualityMark, TOPICS.enrolmentsEnrolment, TOPICS.enrolmentsParticipation],
  monitoring: [
    TOPICS.catalogueOffer,
    TOPICS.qualityAssessment,
    TOPICS.qualityMark,
    TOPICS.pathsPath,
    TOPICS.pathsTeacherPath,
    TOPICS.enrolmentsEnrolment,
    TOPICS.enrolmentsParticipation,
    TOPICS.reimbursementEligibility,
    TOPICS.reimbursementClaim,
    TOPICS.reimbursementStatement,
    TOPICS.reimbursementBudget,
  ],
  gateway: [],
} as const satisfies Record<string, readonly TopicDefinition[]>;

export type KafkaService = keyof typeof KAFKA_CONSUMED_TOPICS;

/** Every service principal, in the order of the declaration. */
export const KAFKA_SERVICES = Object.keys(KAFKA_CONSUMED_TOPICS) as KafkaService[];

export type KafkaAclOperation = 'READ' | 'WRITE' | 'CREATE' | 'DESCRIBE' | 'DELETE';

/** One allow rule, in the terms of Kafka's AclBinding (every rule allows, from any host). */
export interface KafkaAcl {
  /** The SCRAM user name; the broker's principal is `User:<principal>`. */
  readonly principal: string;
  readonly resourceType: 'TOPIC' | 'GROUP';
  readonly patternType: 'LITERAL';
  readonly resourceName: string;
  readonly operation: KafkaAclOperation;
}

/** The service that owns a topic: the second part of its name (`napl.<service>.…`). */
export function topicOwner(topic: string): string | undefined {
  return /^napl\.([a-z0-9-]+)\./.exec(topic)?.[1];
}

/** The platform's topics a service publishes on. */
export function topicsOwnedBy(service: string, topics: readonly TopicDefinition[] = ALL_TOPICS): TopicDefinition[] {
  return topics.filter((topic) => topicOwner(topic.name) === service);
}

/** The topics a service consumes as declared above; none for a name that is not a service (a test's probe service). */
export function topicsConsumedBy(service: string): readonly TopicDefinition[] {
  return (KAFKA_CONSUMED_TOPICS as Record<string, readonly TopicDefinition[]>)[service] ?? [];
}

/** The consumer group of a service (without a test's topic prefix); see PlatformModule. */
export function consumerGroupOf(service: string): string {
  return `napl.${service}`;
}

/** Services that rebuild their read models from the start of the topics, under a group of their own. */
export const REBUILDING_SERVICES: readonly string[] = ['monitoring'];

/** The group a rebuild reads under (reset, so deleted, before each rebuild). */
export function rebuildGroupOf(service: string): string {
  return `${consumerGroupOf(service)}.rebuild`;
}

/**
 * The ACLs of one service's principal. Own topics: write, describe and create (the service creates its topics at
 * start-up), and create and describe of their dead-letter topics (created with them). Consumed topics: read (with describe) and create, the consumer
 * group: read (and a rebuilding service's rebuild group: read and delete); the consumed topics' dead-letter topics:
 * write, read, describe and create. No cluster-wide right:
 * kafkajs' producers are neither idempotent nor transactional here.
 */
export function kafkaAclsOf(service: string, topics: readonly TopicDefinition[] = ALL_TOPICS): KafkaAcl[] {
  const acl = (resourceType: KafkaAcl['resourceType'], resourceName: string, operation: KafkaAclOperation): KafkaAcl => ({
    principal: service,
    resourceType,
    patternType: 'LITERAL',
    resourceName,
    operation,
  });
  const owned = topicsOwnedBy(service, topics).flatMap(({ name }) => [
    acl('TOPIC', name, 'WRITE'),
    acl('TOPIC', name, 'DESCRIBE'),
    acl('TOPIC', name, 'CREATE'),
    acl('TOPIC', deadLetterTopicOf(name), 'CREATE'),
    acl('TOPIC', deadLetterTopicOf(name), 'DESCRIBE'),
  ]);
  const consumed = topicsConsumedBy(service);
  const reads = consumed.flatMap(({ name }) => [
    acl('TOPIC', name, 'READ'),
    acl('TOPIC', name, 'DESCRIBE'),
    acl('TOPIC', name, 'CREATE'),
    acl('TOPIC', deadLetterTopicOf(name), 'WRITE'),
    acl('TOPIC', deadLetterTopicOf(name), 'READ'),
    acl('TOPIC', deadLetterTopicOf(name), 'DESCRIBE'),
    acl('TOPIC', deadLetterTopicOf(name), 'CREATE'),
  ]);
  const group = consumed.length > 0 ? [acl('GROUP', consumerGroupOf(service), 'READ')] : [];
  const rebuild = REBUILDING_SERVICES.includes(service) ? [acl('GROUP', rebuildGroupOf(service), 'READ'), acl('GROUP', rebuildGroupOf(service), 'DELETE')] : [];
  return [...owned, ...reads, ...group, ...rebuild];
}

/** The ACLs of every service principal. */
export function allKafkaAcls(topics: readonly TopicDefinition[] = ALL_TOPICS): KafkaAcl[] {
  return KAFKA_SERVICES.flatMap((service) => kafkaAclsOf(service, topics));
}

/**
 * The topics a service makes sure exist at start-up: those it owns and those its handlers consume (each with its
 * dead-letter topic, see ensureTopics): exactly what its principal may create.
 */
export function topicsEnsuredBy(service: string, handlerTopics: readonly TopicDefinition[]): TopicDefinition[] {
  const byName = new Map<string, TopicDefinition>();
  for (const topic of [...topicsOwnedBy(service), ...handlerTopics]) byName.set(topic.name, topic);
  return [...byName.values()];
}

/** The topics a known service's handlers read that are not declared in KAFKA_CONSUMED_TOPICS (the broker refuses them). */
export function undeclaredConsumedTopics(service: string, handlerTopics: readonly TopicDefinition[]): string[] {
  if (!(service in KAFKA_CONSUMED_TOPICS)) return [];
  const declared = new Set(topicsConsumedBy(service).map((topic) => topic.name));
  return [...new Set(handlerTopics.map((topic) => topic.name))].filter((name) => !declared.has(name));
}
