import { ApiProperty } from '@nestjs/swagger';

export class TopicProgressResponse {
  @ApiProperty({ example: 'napl.enrolments.enrolment.v1' }) topic: string;
  @ApiProperty({ description: 'Gelezen offsets, opgeteld over de partities van het topic.' }) offsetsRead: number;
  @ApiProperty({ description: 'Eind-offsets (high watermark), opgeteld over de partities: bij gelijkstand is het topic bijgelezen.' }) endOffsets: number;
  @ApiProperty() caughtUp: boolean;
}

export class RebuildRunResponse {
  @ApiProperty({ format: 'uuid' }) runId: string;
  @ApiProperty({ enum: ['running', 'switched', 'failed', 'abandoned'], description: 'switched: de herbouwde tabellen zijn nu de live cijfers.' }) status: string;
  @ApiProperty({ enum: ['preparing', 'reading', 'switching', 'done'] }) phase: string;
  @ApiProperty() requestedBy: string;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiProperty({ description: 'Gebeurtenissen verwerkt in de nieuwe tabellen.' }) eventsApplied: number;
  @ApiProperty({ type: [TopicProgressResponse] }) topics: TopicProgressResponse[];
  @ApiProperty({ type: String, nullable: true }) error: string | null;
}
