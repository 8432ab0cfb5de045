import { DomainError, type ErrorKind } from '@napl/domain';

export type TeacherPathErrorCode =
  | 'TEACHER_PATH_NOT_FOUND'
  | 'NO_TEACHER_ID'
  | 'ALREADY_ON_PATH'
  | 'SECTOR_NOT_IN_PATH'
  | 'NO_PUBLISHED_VERSION'
  | 'ALREADY_ON_VERSION'
  | 'STEP_ALREADY_RECOGNISED'
  | 'RECOGNITION_NOT_FOUND'
  | 'RECOGNITION_ALREADY_WITHDRAWN'
  | 'NOT_YOUR_TEACHER'
  | 'CONSENT_NOT_YOURS'
  | 'SCHOOL_NOT_YOURS';

/** A rule of following a path said no; the message is Dutch and shown to the user. */
export class TeacherPathError extends DomainError<TeacherPathErrorCode> {
  constructor(code: TeacherPathErrorCode, kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(code, kind, message, details);
  }
}
