/** Where a rebuild stands on one partition: Kafka offsets, as numbers (a partition holds far fewer than 2^53). */
export interface PartitionPosition {
  readonly topic: string;
  readonly partition: number;
  /** The first offset still in the log (earlier ones fell out of retention). */
  readonly start: number;
  /** The end of the log: the offset the next message will get (the high watermark). */
  readonly end: number;
  /** The next offset the rebuild will read: everything before it is applied; undefined before its first batch. */
  readonly read?: number;
}

export interface TopicProgress {
  /** The topic's logical name, without a deployment prefix. */
  readonly topic: string;
  /** The offsets behind the rebuild, summed over the topic's partitions. */
  readonly offsetsRead: number;
  /** The end offsets, summed over the partitions: the rebuild has caught up with the topic when it read up to them. */
  readonly endOffsets: number;
  readonly caughtUp: boolean;
}

/** A partition counts as read up to its start before its first batch: what fell out of retention cannot be read. */
function readOf(position: PartitionPosition): number {
  return Math.max(position.read ?? position.start, position.start);
}

export function partitionCaughtUp(position: PartitionPosition): boolean {
  return readOf(position) >= position.end;
}

/** Per topic, sorted by name: offsets read against end offsets. */
export function topicProgress(positions: readonly PartitionPosition[]): TopicProgress[] {
  const byTopic = new Map<string, { offsetsRead: number; endOffsets: number; caughtUp: boolean }>();
  for (const position of positions) {
    const topic = byTopic.get(position.topic) ?? { offsetsRead: 0, endOffsets: 0, caughtUp: true };
    topic.offsetsRead += Math.min(readOf(position), position.end);
    topic.endOffsets += position.end;
    topic.caughtUp &&= partitionCaughtUp(position);
    byTopic.set(position.topic, topic);
  }
  return [...byTopic.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([topic, progress]) => ({ topic, ...progress }));
}

/** The rebuild may switch over only once every partition of every topic is read up to the end offsets just fetched. */
export function allCaughtUp(positions: readonly PartitionPosition[]): boolean {
  return positions.every(partitionCaughtUp);
}
