import { deadLetterTopicOf, TOPICS } from '@napl/contracts';
import { allKafkaAcls, kafkaAclsOf, KAFKA_SERVICES, topicOwner, topicsEnsuredBy, undeclaredConsumedTopics, type KafkaAcl } from './kafka-access';

const allowed = (acls: KafkaAcl[], resourceName: string) =>
  acls.filter((acl) => acl.resourceName === resourceName).map((acl) => acl.operation).sort();

describe('the Kafka ACLs of the service principals', () => {
  it('reads the owner of a topic from its name', () => {
    expect(topicOwner(TOPICS.catalogueOffer.name)).toBe('catalogue');
    expect(topicOwner(TOPICS.pathsTeacherPath.name)).toBe('paths');
    expect(topicOwner('other.topic')).toBeUndefined();
  });

  it('lets a service write its own topics and no other', () => {
    const catalogue = kafkaAclsOf('catalogue');
    expect(allowed(catalogue, TOPICS.catalogueOffer.name)).toEqual(['CREATE', 'DESCRIBE', 'WRITE']);
    const writable = catalogue.filter((acl) => acl.operation === 'WRITE').map((acl) => acl.resourceName);
    for (const topic of writable) {
      // Its own topics, or the dead-letter topic of a topic it consumes.
      expect(topicOwner(topic) === 'catalogue' || (topic.endsWith('.dlt') && allowed(catalogue, topic.slice(0, -4)).includes('READ'))).toBe(true);
    }
    expect(allowed(catalogue, TOPICS.qualityAssessment.name)).toEqual(['CREATE', 'DESCRIBE', 'READ']);
  });

  it('lets a consumer read what it consumes, dead-letter it, and join its own group only', () => {
    const quality = kafkaAclsOf('quality');
    expect(allowed(quality, TOPICS.catalogueOffer.name)).toEqual(['CREATE', 'DESCRIBE', 'READ']);
    expect(allowed(quality, deadLetterTopicOf(TOPICS.catalogueOffer.name))).toEqual(['CREATE', 'DESCRIBE', 'READ', 'WRITE']);
    expect(allowed(quality, TOPICS.catalogueRun.name)).toEqual([]);
    expect(quality.filter((acl) => acl.resourceType === 'GROUP')).toEqual([
      { principal: 'quality', resourceType: 'GROUP', patternType: 'LITERAL', resourceName: 'napl.quality', operation: 'READ' },
    ]);
  });

  it('gives every topic exactly one writer besides the dead-lettering consumers', () => {
    const writers = (topic: string) => [...new Set(allKafkaAcls().filter((acl) => acl.resourceName === topic && acl.operation === 'WRITE').map((acl) => acl.principal))];
    for (const topic of Object.values(TOPICS)) expect(writers(topic.name)).toEqual([topicOwner(topic.name)]);
    expect(KAFKA_SERVICES).toContain('gateway');
    expect(kafkaAclsOf('gateway')).toEqual([]);
  });

  it('makes a service create its own topics and those its handlers read, and names the undeclared ones', () => {
    expect(topicsEnsuredBy('quality', [TOPICS.catalogueOffer]).map((topic) => topic.name).sort()).toEqual(
      [TOPICS.catalogueOffer.name, TOPICS.qualityAssessment.name, TOPICS.qualityMark.name].sort(),
    );
    expect(undeclaredConsumedTopics('quality', [TOPICS.catalogueOffer, TOPICS.catalogueRun])).toEqual([TOPICS.catalogueRun.name]);
    expect(undeclaredConsumedTopics('probe', [TOPICS.catalogueRun])).toEqual([]);
  });
});
