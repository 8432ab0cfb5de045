import type { PathProgress } from '../../teacher-paths/domain/path-progress';
import { CredentialError } from './credential.errors';

/** The longest name a badge carries; longer is not a name. */
export const RECIPIENT_NAME_MAX_LENGTH = 200;

/**
 * A badge proves only what the platform knows: the step (or, without a step, every step of the path) is completed
 * by the progress derived from the teacher's credited completions and recognitions, now.
 */
export function assertCompleted(progress: PathProgress, stepCode: string | null): void {
  if (stepCode === null) {
    if (!progress.completed) {
      throw new CredentialError(
        'PATH_NOT_COMPLETED',
        'conflict',
        `Het pad is nog niet afgerond (${progress.completedSteps} van ${progress.totalSteps} stappen); een bewijs van het hele pad kan pas daarna.`,
        { completedSteps: progress.completedSteps, totalSteps: progress.totalSteps },
      );
    }
    return;
  }
  const step = progress.steps.find((candidate) => candidate.code === stepCode);
  if (step?.status !== 'completed') {
    // Not `status`: the details are spread into the problem response, whose status is the HTTP status.
    throw new CredentialError('STEP_NOT_COMPLETED', 'conflict', `Stap ${stepCode} is nog niet afgerond; een bewijs van de stap kan pas daarna.`, {
      stepCode,
      stepStatus: step?.status ?? 'not-started',
    });
  }
}

/**
 * The name in the badge: only when the teacher asks for it, and then one they give (the platform does not put the
 * name it may know into a document that leaves it). A name without the request is refused rather than dropped, so
 * nobody believes it is in the badge when it is not.
 */
export function recipientNameOf(includeName: boolean, name: string | undefined): string | null {
  const given = name?.trim();
  if (!includeName) {
    if (name !== undefined) {
      throw new CredentialError('INVALID_INPUT', 'invalid', 'Een naam komt alleen in het bewijs met includeName: true; laat de naam anders weg.');
    }
    return null;
  }
  if (!given) throw new CredentialError('INVALID_INPUT', 'invalid', 'Geef de naam op die in het bewijs moet staan (name), of zet includeName uit.');
  if (given.length > RECIPIENT_NAME_MAX_LENGTH) {
    throw new CredentialError('INVALID_INPUT', 'invalid', `Een naam in het bewijs is hoogstens ${RECIPIENT_NAME_MAX_LENGTH} tekens lang.`);
  }
  // Control characters (line breaks included) have no place in a name shown by wallets and verifiers.
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(given)) {
    throw new CredentialError('INVALID_INPUT', 'invalid', 'Een naam in het bewijs bevat geen regeleinden of andere stuurtekens.');
  }
  return given;
}
