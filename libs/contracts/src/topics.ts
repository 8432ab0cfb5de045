/**
 * Every Kafka topic of the platform, in one place: `napl.<service>.<aggregate>.v<n>`.
 * The message key is always the aggregate id, so one aggregate's events stay in order.
 * Partition counts are what the platform creates; raise them (never lower) to scale consumers out.
 */
export const TOPICS = {
  catalogueOffer: { name: 'napl.catalogue.offer.v1', partitions: 3 },
  catalogueRun: { name: 'napl.catalogue.run.v1', partitions: 3 },
  catalogueProvider: { name: 'napl.catalogue.provider.v1', partitions: 1 },
  qualityAssessment: { name: 'napl.quality.assessment.v1', partitions: 3 },
  qualityMark: { name: 'napl.quality.mark.v1', partitions: 3 },
  pathsPath: { name: 'napl.paths.path.v1', partitions: 3 },
  pathsTeacherPath: { name: 'napl.paths.teacher-path.v1', partitions: 3 },
  enrolmentsEnrolment: { name: 'napl.enrolments.enrolment.v1', partitions: 6 },
  enrolmentsParticipation: { name: 'napl.enrolments.participation.v1', partitions: 6 },
  enrolmentsTeacher: { name: 'napl.enrolments.teacher.v1', partitions: 3 },
  reimbursementEligibility: { name: 'napl.reimbursement.eligibility.v1', partitions: 3 },
  reimbursementClaim: { name: 'napl.reimbursement.claim.v1', partitions: 3 },
  reimbursementStatement: { name: 'napl.reimbursement.statement.v1', partitions: 3 },
  reimbursementBudget: { name: 'napl.reimbursement.budget.v1', partitions: 1 },
} as const satisfies Record<string, TopicDefinition>;

export interface TopicDefinition {
  readonly name: string;
  readonly partitions: number;
}

export type TopicKey = keyof typeof TOPICS;

/** Where messages that can never be processed go, with the reason in their headers. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlt`;
}

export const ALL_TOPICS: readonly TopicDefinition[] = Object.values(TOPICS);

export type TopicName = (typeof TOPICS)[TopicKey]['name'];

/** The topics by name, as the events' (napl.options.v1.topic) option names them. */
export const TOPIC_BY_NAME = Object.fromEntries(ALL_TOPICS.map((topic) => [topic.name, topic])) as Record<TopicName, TopicDefinition>;
