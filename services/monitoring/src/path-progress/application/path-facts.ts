import type { TeacherPathSnapshot } from '@napl/contracts';
import type { HandlerContext } from '@napl/messaging';
import { column, writeFacts, type FactTable } from '../../database/fact-upsert';
import { PathFactEntity } from '../infrastructure/path-fact.entity';
import { PathMilestoneFactEntity } from '../infrastructure/path-milestone-fact.entity';
import { TeacherPathFactEntity } from '../infrastructure/teacher-path-fact.entity';

interface PathVersion {
  readonly pathId: string;
  readonly pathCode: string;
  readonly title: string;
  readonly version: number;
}

/** A published path version names the path; the highest version wins. */
const PATHS: FactTable<PathVersion> = {
  entity: PathFactEntity,
  columns: [
    column('path_id', 'text', (p) => p.pathId),
    column('path_code', 'text', (p) => p.pathCode),
    column('title', 'text', (p) => p.title),
    column('version', 'integer', (p) => p.version),
  ],
  key: (p) => p.pathId,
  onConflict: `ON CONFLICT (path_id) DO UPDATE SET path_code = EXCLUDED.path_code, title = EXCLUDED.title, version = EXCLUDED.version
     WHERE EXCLUDED.version > t.version`,
};

export async function recordPathVersion(path: PathVersion, context: HandlerContext): Promise<void> {
  await writeFacts(context, PATHS, [path]);
}

interface TeacherPathRow {
  readonly snapshot: TeacherPathSnapshot;
  readonly at: Date;
}

/**
 * Every event of a teacher's path makes sure the path is known; its start is the earliest event time seen, so a step
 * completed before PathStarted arrived still counts the path from then, and PathStarted then moves the start back.
 */
const TEACHER_PATHS: FactTable<TeacherPathRow> = {
  entity: TeacherPathFactEntity,
  columns: [
    column('teacher_path_id', 'text', (t) => t.snapshot.teacherPathId),
    column('teacher_id', 'text', (t) => t.snapshot.teacherId),
    column('path_id', 'text', (t) => t.snapshot.pathId),
    column('path_code', 'text', (t) => t.snapshot.pathCode),
    column('sector', 'text', (t) => t.snapshot.sector || null),
    column('started_at', 'timestamptz', (t) => t.at),
  ],
  key: (t) => t.snapshot.teacherPathId,
  // Most events of a path change neither (a later step): no new row version then.
  onConflict: `ON CONFLICT (teacher_path_id) DO UPDATE SET started_at = LEAST(t.started_at, EXCLUDED.started_at),
       path_code = CASE WHEN t.path_code = '' THEN EXCLUDED.path_code ELSE t.path_code END
     WHERE EXCLUDED.started_at < t.started_at OR (t.path_code = '' AND EXCLUDED.path_code <> '')`,
  // The first row's snapshot (as if it arrived first), the earliest moment, a path code if either has one.
  fold: (a, b) => ({
    snapshot: a.snapshot.pathCode || !b.snapshot.pathCode ? a.snapshot : { ...a.snapshot, pathCode: b.snapshot.pathCode },
    at: b.at < a.at ? b.at : a.at,
  }),
};

export async function recordTeacherPath(snapshot: TeacherPathSnapshot, at: Date, context: HandlerContext): Promise<void> {
  await writeFacts(context, TEACHER_PATHS, [{ snapshot, at }]);
}

interface MilestoneRow {
  readonly teacherPathId: string;
  readonly stepCode: string;
  readonly completed: boolean;
  readonly at: Date;
}

/** A step (or, with step code '', the whole path) completed or undone at a moment: each such fact once. */
const MILESTONES: FactTable<MilestoneRow> = {
  entity: PathMilestoneFactEntity,
  columns: [
    column('teacher_path_id', 'text', (m) => m.teacherPathId),
    column('step_code', 'text', (m) => m.stepCode),
    column('at', 'timestamptz', (m) => m.at),
    column('completed', 'boolean', (m) => m.completed),
  ],
  key: (m) => `${m.teacherPathId}|${m.stepCode}|${m.at.toISOString()}|${m.completed}`,
  onConflict: 'ON CONFLICT DO NOTHING',
};

export async function recordMilestone(
  snapshot: TeacherPathSnapshot,
  milestone: { stepCode: string; completed: boolean; at: Date },
  context: HandlerContext,
): Promise<void> {
  await recordTeacherPath(snapshot, milestone.at, context);
  await writeFacts(context, MILESTONES, [{ teacherPathId: snapshot.teacherPathId, ...milestone }]);
}
