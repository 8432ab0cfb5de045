import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { EntityManager } from 'typeorm';
import { PathsEvents, StepCompletion, type TeacherPathSnapshotSchema } from '@napl/contracts';
import { publishInTransaction } from '@napl/messaging';
import { changeSinceAnnounced, completedStepCodes } from '../domain/path-progress';
import { TeacherPathEntity } from '../infrastructure/teacher-path.entity';
import type { TeacherPathState } from './progress-reader';

/** The facts of a teacher's path every teacher-path event carries. */
export function snapshotOf(state: Pick<TeacherPathState, 'teacherPath' | 'path'>): MessageInitShape<typeof TeacherPathSnapshotSchema> {
  const { teacherPath, path } = state;
  return {
    teacherPathId: teacherPath.teacherPathId,
    teacherId: teacherPath.teacherId,
    pathId: teacherPath.pathId,
    pathCode: path.code,
    version: teacherPath.version,
    sector: teacherPath.sector,
    schoolId: teacherPath.schoolId ?? '',
  };
}

/**
 * Publishes what changed since the last announcement (steps completed, the path completed or no longer completed) and
 * records the new announced state, in the caller's transaction. Called after every change that can move progress;
 * with nothing new it publishes nothing, so applying an event twice announces it once.
 */
export async function announceProgress(manager: EntityManager, state: TeacherPathState, at: Date): Promise<void> {
  const { teacherPath, progress } = state;
  const change = changeSinceAnnounced(teacherPath.completedStepCodes, teacherPath.completedAt !== null, progress);
  const key = teacherPath.teacherPathId;
  const snapshot = snapshotOf(state);
  for (const step of change.stepsCompleted) {
    await publishInTransaction(manager, PathsEvents.StepCompleted, key, {
      teacherPath: snapshot,
      stepCode: step.code,
      completedBy: step.completedBy === 'recognition' ? StepCompletion.RECOGNITION : StepCompletion.OFFERS,
      hoursCounted: step.hoursCounted,
      completedAt: timestampFromDate(at),
    });
  }
  if (change.pathCompleted) await publishInTransaction(manager, PathsEvents.PathCompleted, key, { teacherPath: snapshot, completedAt: timestampFromDate(at) });
  if (change.pathReopened) await publishInTransaction(manager, PathsEvents.PathCompletionWithdrawn, key, { teacherPath: snapshot, withdrawnAt: timestampFromDate(at) });
  const nothingChanged = change.stepsCompleted.length === 0 && change.stepsReopened.length === 0 && !change.pathCompleted && !change.pathReopened;
  if (nothingChanged) return;
  teacherPath.completedStepCodes = completedStepCodes(progress);
  teacherPath.completedAt = progress.completed ? (teacherPath.completedAt ?? at) : null;
  await manager.update(TeacherPathEntity, { teacherPathId: key }, { completedStepCodes: teacherPath.completedStepCodes, completedAt: teacherPath.completedAt });
}
