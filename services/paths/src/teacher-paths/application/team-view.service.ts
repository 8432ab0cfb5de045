import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { Principal } from '@napl/auth';
import { TeacherPathError } from '../domain/teacher-path.errors';
import { TeacherPathEntity } from '../infrastructure/teacher-path.entity';
import { TeamViewConsentEntity } from '../infrastructure/team-view-consent.entity';
import { stateOf } from './progress-reader';
import { viewOf, type TeacherPathView } from './teacher-paths.service';

export interface TeamPathView {
  readonly pathId: string;
  readonly pathCode: string;
  readonly pathTitle: string;
  readonly version: number;
  readonly teachers: number;
  readonly completed: number;
  /** Per step: how many of the team completed it. */
  readonly steps: readonly { code: string; title: string; completed: number }[];
}

export interface TeamView {
  readonly schoolId: string;
  readonly paths: readonly TeamPathView[];
  /** Only teachers who consented to the team view; the others are in the counts alone. */
  readonly teachersWithConsent: readonly TeacherPathView[];
}

export interface ConsentView {
  readonly teacherId: string;
  readonly given: boolean;
  readonly givenAt: string | null;
}

/** The school leader's view of their team's paths, and each teacher's consent to be seen in it by name. */
@Injectable()
export class TeamViewService {
  constructor(private readonly dataSource: DataSource) {}

  async consent(principal: Principal, teacherId: string): Promise<ConsentView> {
    assertOwnConsent(principal, teacherId);
    const consent = await this.dataSource.manager.findOneBy(TeamViewConsentEntity, { teacherId });
    return { teacherId, given: consent !== null, givenAt: consent?.givenAt.toISOString() ?? null };
  }

  async setConsent(principal: Principal, teacherId: string, given: boolean): Promise<ConsentView> {
    assertOwnConsent(principal, teacherId);
    const repository = this.dataSource.getRepository(TeamViewConsentEntity);
    if (given) await repository.createQueryBuilder().insert().values({ teacherId, givenAt: new Date() }).orIgnore().execute();
    else await repository.delete({ teacherId });
    return this.consent(principal, teacherId);
  }

  async team(principal: Principal, schoolId: string): Promise<TeamView> {
    if (!principal.roles.includes('school-leader') || principal.schoolId !== schoolId) {
      throw new TeacherPathError('SCHOOL_NOT_YOURS', 'forbidden', 'U ziet alleen het team van uw eigen school.');
    }
    const manager = this.dataSource.manager;
    const teacherPaths = await manager.find(TeacherPathEntity, { where: { schoolId }, order: { startedAt: 'ASC', teacherPathId: 'ASC' } });
    const teacherIds = [...new Set(teacherPaths.map((teacherPath) => teacherPath.teacherId))];
    const consents = teacherIds.length === 0 ? [] : await manager.findBy(TeamViewConsentEntity, { teacherId: In(teacherIds) });
    const consented = new Set(consents.map((consent) => consent.teacherId));
    const states = await Promise.all(teacherPaths.map((teacherPath) => stateOf(manager, teacherPath)));
    // One group per path version: the steps differ between versions.
    const groups = new Map<string, { -readonly [K in keyof TeamPathView]: TeamPathView[K] } & { steps: { code: string; title: string; completed: number }[] }>();
    for (const state of states) {
      const key = `${state.path.pathId}/${state.teacherPath.version}`;
      let group = groups.get(key);
      if (!group) {
        group = {
          pathId: state.path.pathId,
          pathCode: state.path.code,
          pathTitle: state.path.title,
          version: state.teacherPath.version,
          teachers: 0,
          completed: 0,
          steps: state.content.phases.flatMap((phase) => phase.steps.map((step) => ({ code: step.code, title: step.title, completed: 0 }))),
        };
        groups.set(key, group);
      }
      group.teachers += 1;
      if (state.progress.completed) group.completed += 1;
      for (const step of state.progress.steps) {
        if (step.status === 'completed') group.steps.find((candidate) => candidate.code === step.code)!.completed += 1;
      }
    }
    return {
      schoolId,
      paths: [...groups.values()],
      teachersWithConsent: states.filter((state) => consented.has(state.teacherPath.teacherId)).map(viewOf),
    };
  }
}

/** A teacher gives or withdraws only their own consent. */
function assertOwnConsent(principal: Principal, teacherId: string): void {
  if (!principal.roles.includes('teacher') || principal.teacherId !== teacherId) {
    throw new TeacherPathError('CONSENT_NOT_YOURS', 'forbidden', 'Alleen de leraar zelf kan toestemming geven of intrekken.');
  }
}
