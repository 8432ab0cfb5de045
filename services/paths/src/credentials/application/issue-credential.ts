import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@napl/auth';
import { visibleOrNotFound } from '@napl/service-kit';
import { findStep } from '../../paths/domain/path-definition';
import { readTeacherPath } from '../../teacher-paths/application/progress-reader';
import { isOwnPath } from '../../teacher-paths/domain/teacher-path-access';
import { TeacherPathError } from '../../teacher-paths/domain/teacher-path.errors';
import { assertCompleted, recipientNameOf } from '../domain/credential-rules';
import { openBadgeFor } from '../domain/open-badge';
import { signCredential } from '../infrastructure/credential-jws';
import { IssuedCredentialEntity } from '../infrastructure/issued-credential.entity';
import { CredentialIssuer } from './credential-issuer';

export interface CredentialRequest {
  /** The completed step; without it, the whole (completed) path. */
  readonly stepCode?: string;
  readonly includeName?: boolean;
  readonly name?: string;
}

export interface IssuedCredential {
  readonly id: string;
  /** The badge as a compact JWS (application/vc+jwt). */
  readonly credential: string;
}

/**
 * A teacher downloads a badge of a completed step or path of their own. Completion is derived afresh from the facts
 * (credited completions, recognitions), so a withdrawn recognition cannot be certified afterwards. The badge is not
 * kept: only that it was issued (no name), so the teacher can download another at any time.
 */
@Injectable()
export class IssueCredential {
  constructor(
    private readonly dataSource: DataSource,
    private readonly issuer: CredentialIssuer,
  ) {}

  async execute(principal: Principal, teacherPathId: string, request: CredentialRequest): Promise<IssuedCredential> {
    const recipientName = recipientNameOf(request.includeName === true, request.name);
    // Only the teacher themselves; for anyone else the path does not exist, with the same answer as every other route
    // of teacher paths gives (no answer says whose paths exist).
    const state = visibleOrNotFound(
      await readTeacherPath(this.dataSource.manager, teacherPathId),
      ({ teacherPath }) => isOwnPath(principal, teacherPath),
      () => new TeacherPathError('TEACHER_PATH_NOT_FOUND', 'not-found', 'Dit pad van een leraar bestaat niet.'),
    );
    const step = request.stepCode === undefined ? null : findStep(state.content, request.stepCode);
    assertCompleted(state.progress, step?.code ?? null);

    const credentialId = randomUUID();
    const issuedAt = new Date();
    const { teacherPath, path } = state;
    const badge = openBadgeFor({
      credentialId,
      issuerUrl: this.issuer.issuerUrl,
      issuedAt,
      teacherId: teacherPath.teacherId,
      recipientName,
      path: { code: path.code, title: path.title, description: path.description, version: teacherPath.version, content: state.content },
      step,
    });
    const signing = this.issuer.keys.signing;
    const credential = await signCredential(badge, signing);
    await this.dataSource.getRepository(IssuedCredentialEntity).insert({
      credentialId,
      teacherPathId,
      stepCode: step?.code ?? null,
      pathVersion: teacherPath.version,
      keyId: signing.kid,
      issuedAt,
    });
    return { id: credentialId, credential };
  }
}
