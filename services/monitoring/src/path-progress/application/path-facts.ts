import type { TeacherPathSnapshot } from '@napl/contracts';
import type { HandlerContext } from '@napl/messaging';
import { PathFactEntity } from '../infrastructure/path-fact.entity';
import { PathMilestoneFactEntity } from '../infrastructure/path-milestone-fact.entity';
import { TeacherPathFactEntity } from '../infrastructure/teacher-path-fact.entity';

/** A published path version names the path; the highest version wins. */
export async function recordPathVersion(path: { pathId: string; pathCode: string; title: string; version: number }, { manager }: HandlerContext): Promise<void> {
  const table = manager.connection.getMetadata(PathFactEntity).tablePath;
  await manager.query(
    `INSERT INTO ${table} AS p (path_id, path_code, title, version) VALUES ($1, $2, $3, $4)
     ON CONFLICT (path_id) DO UPDATE SET path_code = EXCLUDED.path_code, title = EXCLUDED.title, version = EXCLUDED.version
     WHERE EXCLUDED.version > p.version`,
    [path.pathId, path.pathCode, path.title, path.version],
  );
}

/**
 * Every event of a teacher's path makes sure the path is known; its start is the earliest event time seen, so a step
 * completed before PathStarted arrived still counts the path from then, and PathStarted then moves the start back.
 */
export async function recordTeacherPath(snapshot: TeacherPathSnapshot, at: Date, { manager }: HandlerContext): Promise<void> {
  const table = manager.connection.getMetadata(TeacherPathFactEntity).tablePath;
  await manager.query(
    `INSERT INTO ${table} AS t (teacher_path_id, teacher_id, path_id, path_code, sector, started_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (teacher_path_id) DO UPDATE SET started_at = LEAST(t.started_at, EXCLUDED.started_at),
       path_code = CASE WHEN t.path_code = '' THEN EXCLUDED.path_code ELSE t.path_code END`,
    [snapshot.teacherPathId, snapshot.teacherId, snapshot.pathId, snapshot.pathCode, snapshot.sector || null, at],
  );
}

/** A step (or, with step code '', the whole path) completed or undone at a moment. */
export async function recordMilestone(
  snapshot: TeacherPathSnapshot,
  milestone: { stepCode: string; completed: boolean; at: Date },
  context: HandlerContext,
): Promise<void> {
  await recordTeacherPath(snapshot, milestone.at, context);
  const table = context.manager.connection.getMetadata(PathMilestoneFactEntity).tablePath;
  await context.manager.query(`INSERT INTO ${table} (teacher_path_id, step_code, at, completed) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
    snapshot.teacherPathId,
    milestone.stepCode,
    milestone.at,
    milestone.completed,
  ]);
}
