import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { Optional, PageQuery, PageView } from '@napl/service-kit';
import { NOT_COMPLETED_REASONS, type EnrolmentStatus, type NotCompletedReasonCode } from '../domain/enrolment-rules';

const STATUSES: EnrolmentStatus[] = ['confirmed', 'waitlisted', 'cancelled', 'completed', 'not_completed'];

export class EnrolmentsFilterDto extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  runId?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @Optional()
  @IsIn(STATUSES)
  status?: EnrolmentStatus;
}

export class TeamEnrolmentDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Pseudonieme docent-ids van docenten van uw school.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'moet alleen UUIDs bevatten' })
  teacherIds: string[];
}

export class AttendanceDto {
  @ApiProperty({ minimum: 1, example: 1, description: 'Nummer van de bijeenkomst (1 is de eerste).' })
  @IsInt()
  @Min(1)
  @Max(1000)
  session: number;

  @ApiProperty()
  @IsBoolean()
  attended: boolean;
}

export class ResultDto {
  @ApiProperty({ enum: ['completed', 'not-completed'] })
  @IsIn(['completed', 'not-completed'], { message: 'moet completed of not-completed zijn' })
  outcome: 'completed' | 'not-completed';

  @ApiPropertyOptional({ enum: NOT_COMPLETED_REASONS, description: 'Verplicht bij not-completed: waarom niet afgerond. Alleen deze code gaat naar andere diensten.' })
  @ValidateIf((dto: ResultDto) => dto.outcome === 'not-completed' || dto.reasonCode !== undefined)
  @IsIn(NOT_COMPLETED_REASONS, { message: `moet een van ${NOT_COMPLETED_REASONS.join(', ')} zijn bij not-completed` })
  reasonCode?: NotCompletedReasonCode;

  @ApiPropertyOptional({
    description:
      'Toelichting bij not-completed (Nederlands, zonder medische of andere gevoelige gegevens). Blijft in deze dienst; alleen de docent, de aanbieder van de uitvoering en beheer zien haar.',
  })
  @ValidateIf((dto: ResultDto) => dto.reason !== undefined)
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class EnrolmentViewDto {
  @ApiProperty({ format: 'uuid' }) enrolmentId: string;
  @ApiProperty({ format: 'uuid', description: 'Pseudoniem docent-id.' }) teacherId: string;
  @ApiProperty({ format: 'uuid' }) runId: string;
  @ApiProperty({ format: 'uuid' }) offerId: string;
  @ApiProperty({ enum: STATUSES }) status: EnrolmentStatus;
  @ApiProperty({ nullable: true, type: Number, description: 'Plaats op de wachtlijst (1 is de volgende).' }) waitingListPosition: number | null;
  @ApiProperty({ example: '12AB00' }) schoolId: string;
  @ApiProperty({ example: 'utrecht-stad' }) regionId: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) teamEnrolmentId: string | null;
  @ApiProperty({ format: 'date-time' }) enrolledAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) confirmedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) cancelledAt: string | null;
  @ApiProperty({ nullable: true, type: String, enum: ['teacher', 'provider', 'run_cancelled', 'school_leader'] }) cancellationCause: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2027-02-01' }) participationStartedOn: string | null;
  @ApiProperty({ nullable: true, type: String, enum: NOT_COMPLETED_REASONS }) notCompletedReasonCode: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'De toelichting van de aanbieder; alleen voor de docent, de aanbieder van de uitvoering en beheer.' })
  notCompletedReason: string | null;
}

export class AttendanceRowDto {
  @ApiProperty() session: number;
  @ApiProperty() attended: boolean;
}

export class EnrolmentDetailDto extends EnrolmentViewDto {
  @ApiProperty({ type: [AttendanceRowDto] }) attendance: AttendanceRowDto[];
}

export class TeamEnrolmentViewDto {
  @ApiProperty({ format: 'uuid' }) teamEnrolmentId: string;
  @ApiProperty({ type: [EnrolmentViewDto] }) enrolments: EnrolmentViewDto[];
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) notificationId: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) enrolmentId: string | null;
  @ApiProperty({ enum: ['promoted', 'cancelled'] }) kind: string;
  @ApiProperty() message: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class EnrolmentPageDto extends PageView {
  @ApiProperty({ type: [EnrolmentViewDto] }) items: EnrolmentViewDto[];
}

export class NotificationPageDto extends PageView {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
}
