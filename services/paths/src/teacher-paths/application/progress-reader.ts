import type { EntityManager } from 'typeorm';
import type { PathVersionContent } from '../../paths/domain/path-definition';
import { PathVersionEntity } from '../../paths/infrastructure/path-version.entity';
import { PathEntity } from '../../paths/infrastructure/path.entity';
import { KnownMarkEntity } from '../../catalogue-copy/infrastructure/known-mark.entity';
import { KnownOfferVersionEntity } from '../../catalogue-copy/infrastructure/known-offer-version.entity';
import { validMarkExists } from '../../catalogue-copy/application/known-mark-store';
import { progressOf, type CreditedCompletion, type PathProgress, type StepRecognition } from '../domain/path-progress';
import { CreditedCompletionEntity } from '../infrastructure/credited-completion.entity';
import { StepRecognitionEntity } from '../infrastructure/step-recognition.entity';
import { TeacherPathEntity } from '../infrastructure/teacher-path.entity';

/** A teacher's path with everything its progress is derived from, and the progress. */
export interface TeacherPathState {
  readonly teacherPath: TeacherPathEntity;
  readonly path: PathEntity;
  readonly content: PathVersionContent;
  readonly credits: readonly CreditedCompletion[];
  readonly recognitions: readonly StepRecognitionEntity[];
  readonly progress: PathProgress;
}

export async function readTeacherPath(manager: EntityManager, teacherPathId: string): Promise<TeacherPathState | null> {
  const teacherPath = await manager.findOneBy(TeacherPathEntity, { teacherPathId });
  return teacherPath ? stateOf(manager, teacherPath) : null;
}

/**
 * The state of one teacher path. `credits`: the teacher's, when the caller already read them for another of the
 * teacher's paths (they count toward every path of the teacher).
 */
export async function stateOf(manager: EntityManager, teacherPath: TeacherPathEntity, credits?: readonly CreditedCompletion[]): Promise<TeacherPathState> {
  const { path, content: versionContent } = await publishedVersion(manager, teacherPath.pathId, teacherPath.version);
  credits ??= await creditsOf(manager, teacherPath.teacherId);
  const recognitions = await manager.find(StepRecognitionEntity, { where: { teacherPathId: teacherPath.teacherPathId }, order: { recognisedAt: 'ASC' } });
  return { teacherPath, path, content: versionContent, credits, recognitions, progress: progressOf(versionContent, credits, recognitionFacts(recognitions)) };
}

/**
 * A published version never changes, and teachers are only ever on published versions: once read, it is kept for the
 * life of the process (a few paths with a few versions each), so deriving progress costs no extra round trips.
 */
const publishedVersions = new Map<string, { path: PathEntity; content: PathVersionContent }>();

async function publishedVersion(manager: EntityManager, pathId: string, version: number): Promise<{ path: PathEntity; content: PathVersionContent }> {
  const key = `${pathId}/${version}`;
  const cached = publishedVersions.get(key);
  if (cached) return cached;
  const path = await manager.findOneByOrFail(PathEntity, { pathId });
  const row = await manager.findOneByOrFail(PathVersionEntity, { pathId, version });
  const found = { path, content: row.content };
  if (row.status === 'published') publishedVersions.set(key, found);
  return found;
}

export function recognitionFacts(recognitions: readonly StepRecognitionEntity[]): StepRecognition[] {
  return recognitions.map((recognition) => ({ stepCode: recognition.stepCode, withdrawn: recognition.withdrawnAt !== null }));
}

/**
 * A teacher's completions with what each counts for: the hours, kind and steps of the offer version they enrolled in,
 * the steps only when the offer held a valid quality mark at the completion (domain: catalogue-copy/domain/
 * mark-validity.ts). A completion whose offer version is not known yet counts for nothing until it is.
 */
export async function creditsOf(manager: EntityManager, teacherId: string): Promise<CreditedCompletion[]> {
  const completions = manager.connection.getMetadata(CreditedCompletionEntity).tablePath;
  const versions = manager.connection.getMetadata(KnownOfferVersionEntity).tablePath;
  const marks = manager.connection.getMetadata(KnownMarkEntity).tablePath;
  const rows: { enrolment_id: string; format: string | null; hours: number; step_codes: string[] }[] = await manager.query(
    `SELECT c.enrolment_id, v.format, v.study_load_hours AS hours,
            CASE WHEN ${validMarkExists(marks, 'c.offer_id', 'c.completed_at')}
                 THEN v.path_step_codes ELSE '{}' END AS step_codes
       FROM ${completions} c
       JOIN ${versions} v ON v.offer_id = c.offer_id AND v.version = c.offer_version
      WHERE c.teacher_id = $1
      ORDER BY c.completed_at, c.enrolment_id`,
    [teacherId],
  );
  return rows.map((row) => ({ enrolmentId: row.enrolment_id, format: row.format, hours: row.hours, stepCodes: row.step_codes }));
}
