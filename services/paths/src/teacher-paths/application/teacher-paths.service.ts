import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '@napl/auth';
import { PathsEvents } from '@napl/contracts';
import { publishInTransaction } from '@napl/messaging';
import { inTransaction } from '@napl/persistence';
import { findStep, type PathSector, type PathVersionContent } from '../../paths/domain/path-definition';
import { PathError } from '../../paths/domain/path.errors';
import { PathVersionEntity } from '../../paths/infrastructure/path-version.entity';
import { PathEntity } from '../../paths/infrastructure/path.entity';
import { versionMove, type PathProgress } from '../domain/path-progress';
import { isOwnPath, mayRead, mayRecognise } from '../domain/teacher-path-access';
import { TeacherPathError } from '../domain/teacher-path.errors';
import { StepRecognitionEntity } from '../infrastructure/step-recognition.entity';
import { TeacherPathEntity } from '../infrastructure/teacher-path.entity';
import { TeamViewConsentEntity } from '../infrastructure/team-view-consent.entity';
import { announceProgress, snapshotOf } from './progress-announcer';
import { creditsOf, recognitionFacts, stateOf, type TeacherPathState } from './progress-reader';

export interface StepView {
  readonly code: string;
  readonly title: string;
  readonly phase: string;
  readonly competenceAreas: readonly string[];
  readonly learningOutcomes: readonly string[];
  readonly status: string;
  readonly completedBy: string | null;
  readonly hoursCounted: number;
  readonly hoursRequired: number | null;
  readonly formatsRequired: readonly string[];
  readonly formatsMissing: readonly string[];
}

export interface TeacherPathView {
  readonly teacherPathId: string;
  readonly teacherId: string;
  readonly pathId: string;
  readonly pathCode: string;
  readonly pathTitle: string;
  readonly version: number;
  readonly sector: string;
  readonly startedAt: string;
  readonly completedAt: string | null;
  readonly completedSteps: number;
  readonly totalSteps: number;
  readonly steps: readonly StepView[];
}

export interface RecognitionView {
  readonly recognitionId: string;
  readonly stepCode: string;
  readonly evidenceReference: string;
  readonly reason: string;
  readonly recognisedByRole: string;
  readonly recognisedAt: string;
  readonly withdrawnAt: string | null;
  readonly withdrawalReason: string | null;
}

export interface StepHistoryView {
  readonly step: StepView;
  readonly completions: readonly { enrolmentId: string; hours: number; format: string | null }[];
  readonly recognitions: readonly RecognitionView[];
}

export interface VersionMoveView {
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly stepsKept: readonly string[];
  readonly stepsLost: readonly string[];
  readonly moved: boolean;
  readonly teacherPath: TeacherPathView;
}

const notFound = () => new TeacherPathError('TEACHER_PATH_NOT_FOUND', 'not-found', 'Dit pad van een leraar bestaat niet.');

/** A teacher's paths: start, progress, moving versions, and recognition of prior learning (EVC). */
@Injectable()
export class TeacherPathsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The teacher starts a path for their sector, on its newest published version that covers the sector. */
  async start(principal: Principal, pathId: string, sector: PathSector): Promise<TeacherPathView> {
    const teacherId = ownTeacherId(principal);
    return inTransaction(this.dataSource, async (manager) => {
      const path = await manager.findOneBy(PathEntity, { pathId });
      if (!path) throw new PathError('PATH_NOT_FOUND', 'not-found', 'Dit ontwikkelpad bestaat niet.');
      const published = await manager.find(PathVersionEntity, { where: { pathId, status: 'published' }, order: { version: 'DESC' } });
      if (published.length === 0) throw new TeacherPathError('NO_PUBLISHED_VERSION', 'conflict', 'Van dit ontwikkelpad is nog geen versie gepubliceerd.');
      const version = published.find((candidate) => candidate.content.sectors.includes(sector));
      if (!version) {
        throw new TeacherPathError('SECTOR_NOT_IN_PATH', 'unprocessable', `Dit ontwikkelpad is er (nog) niet voor de sector ${sector}.`, { sector });
      }
      const teacherPath = manager.create(TeacherPathEntity, {
        teacherPathId: randomUUID(),
        teacherId,
        schoolId: principal.schoolId ?? null,
        sector,
        pathId,
        version: version.version,
        startedAt: new Date(),
        completedStepCodes: [],
        completedAt: null,
      });
      const inserted = await manager.createQueryBuilder().insert().into(TeacherPathEntity).values(teacherPath).orIgnore().execute();
      if (inserted.identifiers.length === 0 || inserted.raw.length === 0) {
        throw new TeacherPathError('ALREADY_ON_PATH', 'conflict', 'U volgt dit ontwikkelpad al.');
      }
      const state = await stateOf(manager, teacherPath);
      await publishInTransaction(manager, PathsEvents.PathStarted, teacherPath.teacherPathId, { teacherPath: snapshotOf(state), startedAt: timestampFromDate(teacherPath.startedAt) });
      // Completions from before the start count at once.
      await announceProgress(manager, state, teacherPath.startedAt);
      return viewOf(state);
    });
  }

  async listMine(principal: Principal): Promise<TeacherPathView[]> {
    const teacherId = ownTeacherId(principal);
    const manager = this.dataSource.manager;
    const teacherPaths = await manager.find(TeacherPathEntity, { where: { teacherId }, order: { startedAt: 'ASC' } });
    const credits = await creditsOf(manager, teacherId); // the teacher's, for each of their paths
    return Promise.all(teacherPaths.map(async (teacherPath) => viewOf(await stateOf(manager, teacherPath, credits))));
  }

  async get(principal: Principal, teacherPathId: string): Promise<TeacherPathView> {
    return viewOf(await this.readable(principal, teacherPathId));
  }

  async stepHistory(principal: Principal, teacherPathId: string, stepCode: string): Promise<StepHistoryView> {
    const state = await this.readable(principal, teacherPathId);
    findStep(state.content, stepCode);
    const view = viewOf(state);
    return {
      step: view.steps.find((step) => step.code === stepCode)!,
      completions: state.credits.filter((credit) => credit.stepCodes.includes(stepCode)).map(({ enrolmentId, hours, format }) => ({ enrolmentId, hours, format })),
      recognitions: state.recognitions.filter((recognition) => recognition.stepCode === stepCode).map(recognitionViewOf),
    };
  }

  /**
   * Moving to another published version, or (preview) only what it would mean: which completed steps carry over.
   * The facts stay; progress is derived against the new steps.
   */
  async moveVersion(principal: Principal, teacherPathId: string, toVersion: number, preview: boolean): Promise<VersionMoveView> {
    return inTransaction(this.dataSource, async (manager) => {
      const teacherPath = await manager.findOne(TeacherPathEntity, { where: { teacherPathId }, lock: { mode: 'pessimistic_write' } });
      if (!teacherPath || !isOwnPath(principal, teacherPath)) throw notFound();
      if (teacherPath.version === toVersion) throw new TeacherPathError('ALREADY_ON_VERSION', 'conflict', `U volgt versie ${toVersion} al.`);
      const target = await manager.findOneBy(PathVersionEntity, { pathId: teacherPath.pathId, version: toVersion });
      if (!target || target.status !== 'published') throw new PathError('VERSION_NOT_FOUND', 'not-found', 'Deze versie van het ontwikkelpad bestaat niet of is niet gepubliceerd.');
      if (!target.content.sectors.includes(teacherPath.sector as PathSector)) {
        throw new TeacherPathError('SECTOR_NOT_IN_PATH', 'unprocessable', `Versie ${toVersion} is er niet voor de sector ${teacherPath.sector}.`);
      }
      const before = await stateOf(manager, teacherPath);
      const move = versionMove(before.content, target.content, before.credits, recognitionFacts(before.recognitions));
      const fromVersion = teacherPath.version;
      if (preview) return { fromVersion, toVersion, stepsKept: move.kept, stepsLost: move.lost, moved: false, teacherPath: viewOf(before) };
      teacherPath.version = toVersion;
      await manager.update(TeacherPathEntity, { teacherPathId }, { version: toVersion });
      const after = await stateOf(manager, teacherPath, before.credits);
      await publishInTransaction(manager, PathsEvents.PathVersionChanged, teacherPathId, {
        teacherPath: snapshotOf(after),
        previousVersion: fromVersion,
        changedAt: timestampFromDate(new Date()),
      });
      await announceProgress(manager, after, new Date());
      return { fromVersion, toVersion, stepsKept: move.kept, stepsLost: move.lost, moved: true, teacherPath: viewOf(after) };
    });
  }

  /** An assessor or the teacher's school leader marks a step completed by recognition of prior learning. */
  async recognise(principal: Principal, teacherPathId: string, stepCode: string, evidenceReference: string, reason: string): Promise<RecognitionView> {
    return inTransaction(this.dataSource, async (manager) => {
      const teacherPath = await this.lockForRecognition(manager, principal, teacherPathId);
      const before = await stateOf(manager, teacherPath);
      findStep(before.content, stepCode);
      if (before.recognitions.some((recognition) => recognition.stepCode === stepCode && recognition.withdrawnAt === null)) {
        throw new TeacherPathError('STEP_ALREADY_RECOGNISED', 'conflict', 'Deze stap is al erkend; trek die erkenning eerst in om een nieuwe vast te leggen.');
      }
      const recognition = manager.create(StepRecognitionEntity, {
        recognitionId: randomUUID(),
        teacherPathId,
        stepCode,
        evidenceReference,
        reason,
        recognisedByRole: principal.roles.includes('assessor') ? 'assessor' : 'school-leader',
        recognisedBy: principal.subject,
        recognisedAt: new Date(),
        withdrawnAt: null,
        withdrawnBy: null,
        withdrawalReason: null,
      });
      await manager.insert(StepRecognitionEntity, recognition);
      await announceProgress(manager, await stateOf(manager, teacherPath, before.credits), recognition.recognisedAt);
      return recognitionViewOf(recognition);
    });
  }

  /** A recognition withdrawn with a reason; the step stays completed only if the offers alone meet it. */
  async withdrawRecognition(principal: Principal, teacherPathId: string, recognitionId: string, reason: string): Promise<RecognitionView> {
    return inTransaction(this.dataSource, async (manager) => {
      const teacherPath = await this.lockForRecognition(manager, principal, teacherPathId);
      const recognition = await manager.findOneBy(StepRecognitionEntity, { recognitionId, teacherPathId });
      if (!recognition) throw new TeacherPathError('RECOGNITION_NOT_FOUND', 'not-found', 'Deze erkenning bestaat niet.');
      if (recognition.withdrawnAt) throw new TeacherPathError('RECOGNITION_ALREADY_WITHDRAWN', 'conflict', 'Deze erkenning is al ingetrokken.');
      recognition.withdrawnAt = new Date();
      recognition.withdrawnBy = principal.subject;
      recognition.withdrawalReason = reason;
      await manager.update(StepRecognitionEntity, { recognitionId }, { withdrawnAt: recognition.withdrawnAt, withdrawnBy: recognition.withdrawnBy, withdrawalReason: reason });
      const after = await stateOf(manager, teacherPath);
      const stepNow = after.progress.steps.find((step) => step.code === recognition.stepCode);
      await publishInTransaction(manager, PathsEvents.StepRecognitionWithdrawn, teacherPathId, {
        teacherPath: snapshotOf(after),
        stepCode: recognition.stepCode,
        stepReopened: stepNow?.status !== 'completed',
        withdrawnAt: timestampFromDate(recognition.withdrawnAt),
      });
      await announceProgress(manager, after, recognition.withdrawnAt);
      return recognitionViewOf(recognition);
    });
  }

  private async readable(principal: Principal, teacherPathId: string): Promise<TeacherPathState> {
    const manager = this.dataSource.manager;
    const teacherPath = await manager.findOneBy(TeacherPathEntity, { teacherPathId });
    if (!teacherPath) throw notFound();
    const consented = principal.roles.includes('school-leader') && (await manager.existsBy(TeamViewConsentEntity, { teacherId: teacherPath.teacherId }));
    if (!mayRead(principal, teacherPath, consented)) throw notFound();
    return stateOf(manager, teacherPath);
  }

  private async lockForRecognition(manager: EntityManager, principal: Principal, teacherPathId: string): Promise<TeacherPathEntity> {
    const teacherPath = await manager.findOne(TeacherPathEntity, { where: { teacherPathId }, lock: { mode: 'pessimistic_write' } });
    if (!teacherPath || !mayRecognise(principal, teacherPath)) throw notFound();
    return teacherPath;
  }
}

function ownTeacherId(principal: Principal): string {
  if (!principal.teacherId) throw new TeacherPathError('NO_TEACHER_ID', 'forbidden', 'Uw account is niet gekoppeld aan een leraar.');
  return principal.teacherId;
}

export function viewOf(state: TeacherPathState): TeacherPathView {
  const { teacherPath, path, content, progress } = state;
  return {
    teacherPathId: teacherPath.teacherPathId,
    teacherId: teacherPath.teacherId,
    pathId: path.pathId,
    pathCode: path.code,
    pathTitle: path.title,
    version: teacherPath.version,
    sector: teacherPath.sector,
    startedAt: teacherPath.startedAt.toISOString(),
    completedAt: teacherPath.completedAt?.toISOString() ?? null,
    completedSteps: progress.completedSteps,
    totalSteps: progress.totalSteps,
    steps: stepViews(content, progress),
  };
}

function stepViews(content: PathVersionContent, progress: PathProgress): StepView[] {
  return content.phases.flatMap((phase) =>
    phase.steps.map((step) => {
      const state = progress.steps.find((candidate) => candidate.code === step.code)!;
      return {
        code: step.code,
        title: step.title,
        phase: phase.title,
        competenceAreas: step.competenceAreas,
        learningOutcomes: step.learningOutcomes,
        status: state.status,
        completedBy: state.completedBy,
        hoursCounted: state.hoursCounted,
        hoursRequired: state.hoursRequired,
        formatsRequired: step.requirement.requiredFormats,
        formatsMissing: state.formatsMissing,
      };
    }),
  );
}

function recognitionViewOf(recognition: StepRecognitionEntity): RecognitionView {
  return {
    recognitionId: recognition.recognitionId,
    stepCode: recognition.stepCode,
    evidenceReference: recognition.evidenceReference,
    reason: recognition.reason,
    recognisedByRole: recognition.recognisedByRole,
    recognisedAt: recognition.recognisedAt.toISOString(),
    withdrawnAt: recognition.withdrawnAt?.toISOString() ?? null,
    withdrawalReason: recognition.withdrawalReason,
  };
}
