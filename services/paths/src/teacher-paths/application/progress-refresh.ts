import type { EntityManager } from 'typeorm';
import { CreditedCompletionEntity } from '../infrastructure/credited-completion.entity';
import { TeacherPathEntity } from '../infrastructure/teacher-path.entity';
import { announceProgress } from './progress-announcer';
import { creditsOf, stateOf } from './progress-reader';

/**
 * Re-derives the progress of a teacher's paths and announces what changed. The rows are locked first: completions of
 * one teacher arrive on different partitions at once, and each must see the other's announcement.
 */
export async function refreshTeacherProgress(manager: EntityManager, teacherId: string, at: Date): Promise<void> {
  const teacherPaths = await manager.find(TeacherPathEntity, { where: { teacherId }, order: { teacherPathId: 'ASC' }, lock: { mode: 'pessimistic_write' } });
  if (teacherPaths.length === 0) return;
  const credits = await creditsOf(manager, teacherId); // the teacher's, for each of their paths
  for (const teacherPath of teacherPaths) await announceProgress(manager, await stateOf(manager, teacherPath, credits), at);
}

/**
 * An offer version's facts or a mark arrived: completions that came before them may count now. Usually there are
 * none (teachers complete offers long after they are published), so this costs one indexed lookup.
 */
export async function refreshProgressForOffer(manager: EntityManager, offerId: string, at: Date): Promise<void> {
  const table = manager.connection.getMetadata(CreditedCompletionEntity).tablePath;
  const teachers: { teacher_id: string }[] = await manager.query(`SELECT DISTINCT teacher_id FROM ${table} WHERE offer_id = $1 ORDER BY teacher_id`, [offerId]);
  for (const { teacher_id } of teachers) await refreshTeacherProgress(manager, teacher_id, at);
}
