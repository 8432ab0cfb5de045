import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EnrolmentsEvents, type EventOf } from '@napl/contracts';
import { OnEvent, type HandlerContext } from '@napl/messaging';
import { StepRecognitionEntity } from '../infrastructure/step-recognition.entity';
import { TeacherPathEntity } from '../infrastructure/teacher-path.entity';
import { TeamViewConsentEntity } from '../infrastructure/team-view-consent.entity';

/** What the texts of an erased teacher's recognitions read from then on; the facts (which step, when) stay. */
export const ERASED_TEXT = '[gewist]';

/**
 * Erasure reaches this service only by the event: the free text written about the teacher (the evidence reference and
 * reasons of recognitions) goes, and so does the consent. Pseudonymous ids, steps and progress stay.
 */
@Controller()
export class EraseTextsWhenTeacherErased {
  @OnEvent(EnrolmentsEvents.TeacherErased)
  async handle(@Payload() event: EventOf<typeof EnrolmentsEvents.TeacherErased>, @Ctx() { manager }: HandlerContext): Promise<void> {
    const recognitions = manager.connection.getMetadata(StepRecognitionEntity).tablePath;
    const teacherPaths = manager.connection.getMetadata(TeacherPathEntity).tablePath;
    await manager.query(
      `UPDATE ${recognitions} SET evidence_reference = $2, reason = $2,
              withdrawal_reason = CASE WHEN withdrawal_reason IS NULL THEN NULL ELSE $2 END
        WHERE teacher_path_id IN (SELECT teacher_path_id FROM ${teacherPaths} WHERE teacher_id = $1)`,
      [event.teacherId, ERASED_TEXT],
    );
    await manager.delete(TeamViewConsentEntity, { teacherId: event.teacherId });
  }
}
