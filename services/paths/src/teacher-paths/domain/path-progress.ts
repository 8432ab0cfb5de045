import { stepsOf, type PathStep, type PathVersionContent } from '../../paths/domain/path-definition';

/**
 * A teacher's progress on a path, derived from facts rather than kept as counters: the completions credited to the
 * teacher (with the steps each one counted for when it arrived) and the recognitions of prior learning (EVC). Deriving
 * it means a redelivered completion (stored once) or a replay changes nothing, and moving to another version of the
 * path re-reads the same facts against the new steps: what was completed counts where the step codes match.
 */

/** One completed offer, credited to a teacher's path: the steps it counts for were fixed when it arrived. */
export interface CreditedCompletion {
  readonly enrolmentId: string;
  readonly format: string | null;
  readonly hours: number;
  /** Steps the offer serves that counted: the provider claimed them and the offer held a valid quality mark. */
  readonly stepCodes: readonly string[];
}

/** A step marked completed by recognition of prior learning; withdrawn ones no longer count. */
export interface StepRecognition {
  readonly stepCode: string;
  readonly withdrawn: boolean;
}

export type StepStatus = 'not-started' | 'in-progress' | 'completed';

export interface StepProgress {
  readonly code: string;
  readonly status: StepStatus;
  readonly completedBy: 'offers' | 'recognition' | null;
  readonly hoursCounted: number;
  readonly hoursRequired: number | null;
  /** Kinds of offer the requirement names that no credited completion has yet. */
  readonly formatsMissing: readonly string[];
}

export interface PathProgress {
  readonly steps: readonly StepProgress[];
  readonly completedSteps: number;
  readonly totalSteps: number;
  readonly completed: boolean;
}

export function progressOf(content: PathVersionContent, credits: readonly CreditedCompletion[], recognitions: readonly StepRecognition[]): PathProgress {
  const recognised = new Set(recognitions.filter((recognition) => !recognition.withdrawn).map((recognition) => recognition.stepCode));
  const steps = stepsOf(content).map((step) => stepProgressOf(step, credits, recognised.has(step.code)));
  const completedSteps = steps.filter((step) => step.status === 'completed').length;
  return { steps, completedSteps, totalSteps: steps.length, completed: steps.length > 0 && completedSteps === steps.length };
}

/** A step completes when both parts of its requirement are met: enough hours, and every named kind at least once. */
export function stepProgressOf(step: PathStep, credits: readonly CreditedCompletion[], recognised: boolean): StepProgress {
  const counting = credits.filter((credit) => credit.stepCodes.includes(step.code));
  const hoursCounted = counting.reduce((sum, credit) => sum + credit.hours, 0);
  const { minimumHours, requiredFormats } = step.requirement;
  const formatsSeen = new Set(counting.map((credit) => credit.format));
  const formatsMissing = requiredFormats.filter((format) => !formatsSeen.has(format));
  const metByOffers = (minimumHours === null || hoursCounted >= minimumHours) && formatsMissing.length === 0;
  const completedBy = metByOffers ? 'offers' : recognised ? 'recognition' : null;
  const status: StepStatus = completedBy ? 'completed' : counting.length > 0 ? 'in-progress' : 'not-started';
  return { code: step.code, status, completedBy, hoursCounted, hoursRequired: minimumHours, formatsMissing };
}

/** What changed since the progress last announced in events: what the service announces now. */
export interface ProgressChange {
  readonly stepsCompleted: readonly StepProgress[];
  /** Steps no longer completed (a recognition withdrawn, and the offers alone do not meet the step). */
  readonly stepsReopened: readonly string[];
  readonly pathCompleted: boolean;
  readonly pathReopened: boolean;
}

/**
 * Compares progress with what was announced (the completed step codes, and whether the path was completed). Applying
 * the same facts again gives no change, which is what makes redelivered and replayed events announce nothing twice.
 */
export function changeSinceAnnounced(announcedSteps: readonly string[], pathWasCompleted: boolean, progress: PathProgress): ProgressChange {
  const announced = new Set(announcedSteps);
  const completedNow = new Set(progress.steps.filter((step) => step.status === 'completed').map((step) => step.code));
  return {
    stepsCompleted: progress.steps.filter((step) => step.status === 'completed' && !announced.has(step.code)),
    stepsReopened: [...announced].filter((code) => !completedNow.has(code)),
    pathCompleted: progress.completed && !pathWasCompleted,
    pathReopened: pathWasCompleted && !progress.completed,
  };
}

/** The completed step codes of a progress, as announced after a change. */
export function completedStepCodes(progress: PathProgress): string[] {
  return progress.steps.filter((step) => step.status === 'completed').map((step) => step.code);
}

/**
 * Moving to another version keeps every fact; what it means follows from the new steps. The answer says which
 * completed steps carry over (same code, still met) and which do not, so the teacher can see it before moving.
 */
export function versionMove(
  from: PathVersionContent,
  to: PathVersionContent,
  credits: readonly CreditedCompletion[],
  recognitions: readonly StepRecognition[],
): { readonly kept: readonly string[]; readonly lost: readonly string[]; readonly progress: PathProgress } {
  const before = progressOf(from, credits, recognitions);
  const progress = progressOf(to, credits, recognitions);
  const completedAfter = new Set(progress.steps.filter((step) => step.status === 'completed').map((step) => step.code));
  const completedBefore = before.steps.filter((step) => step.status === 'completed').map((step) => step.code);
  return {
    kept: completedBefore.filter((code) => completedAfter.has(code)),
    lost: completedBefore.filter((code) => !completedAfter.has(code)),
    progress,
  };
}
