import { content, step } from '../../paths/domain/path-definition.fixtures.spec-helper';
import { changeSinceAnnounced, completedStepCodes, progressOf, versionMove, type CreditedCompletion } from './path-progress';

function credit(enrolmentId: string, hours: number, stepCodes: string[], format = 'course'): CreditedCompletion {
  return { enrolmentId, hours, stepCodes, format };
}

const path = content([step('uren', { minimumHours: 20 }), step('coaching', { requiredFormats: ['coaching'] })], [step('beide', { minimumHours: 8, requiredFormats: ['intervision'] })]);

describe('a teacher\'s progress on a path', () => {
  it('counts the hours of completions that serve a step, and completes it at the required hours', () => {
    const partly = progressOf(path, [credit('e1', 12, ['uren'])], []);
    expect(partly.steps[0]).toMatchObject({ code: 'uren', status: 'in-progress', hoursCounted: 12, hoursRequired: 20, completedBy: null });
    const done = progressOf(path, [credit('e1', 12, ['uren']), credit('e2', 8, ['uren', 'beide'])], []);
    expect(done.steps[0]).toMatchObject({ status: 'completed', hoursCounted: 20, completedBy: 'offers' });
    expect(done.completedSteps).toBe(1);
  });

  it('needs every named kind of offer, and with hours both parts', () => {
    const hoursOnly = progressOf(path, [credit('e1', 10, ['beide'], 'course')], []);
    expect(hoursOnly.steps[2]).toMatchObject({ status: 'in-progress', formatsMissing: ['intervision'] });
    const kindOnly = progressOf(path, [credit('e1', 4, ['beide'], 'intervision')], []);
    expect(kindOnly.steps[2]).toMatchObject({ status: 'in-progress', formatsMissing: [], hoursCounted: 4 });
    const both = progressOf(path, [credit('e1', 4, ['beide'], 'intervision'), credit('e2', 4, ['beide'])], []);
    expect(both.steps[2].status).toBe('completed');
  });

  it('ignores completions that do not serve the step', () => {
    expect(progressOf(path, [credit('e1', 100, ['elders'], 'coaching')], []).steps.map((s) => s.status)).toEqual(['not-started', 'not-started', 'not-started']);
  });

  it('completes a step by recognition, until the recognition is withdrawn', () => {
    expect(progressOf(path, [], [{ stepCode: 'coaching', withdrawn: false }]).steps[1]).toMatchObject({ status: 'completed', completedBy: 'recognition' });
    expect(progressOf(path, [], [{ stepCode: 'coaching', withdrawn: true }]).steps[1].status).toBe('not-started');
  });

  it('says a step was met by offers when it was, even with a recognition', () => {
    const progress = progressOf(path, [credit('e1', 2, ['coaching'], 'coaching')], [{ stepCode: 'coaching', withdrawn: false }]);
    expect(progress.steps[1].completedBy).toBe('offers');
  });

  it('completes the path when every step is completed, however', () => {
    const all = progressOf(path, [credit('e1', 20, ['uren']), credit('e2', 8, ['beide'], 'intervision')], [{ stepCode: 'coaching', withdrawn: false }]);
    expect(all).toMatchObject({ completed: true, completedSteps: 3, totalSteps: 3 });
  });

  it('announces what changed since the last announcement: newly completed steps and the path, and what a withdrawal reopened', () => {
    const credits = [credit('e1', 20, ['uren']), credit('e2', 8, ['beide'], 'intervision')];
    const before = progressOf(path, credits, []);
    expect(changeSinceAnnounced([], false, before).stepsCompleted.map((s) => s.code)).toEqual(['uren', 'beide']);
    const recognised = progressOf(path, credits, [{ stepCode: 'coaching', withdrawn: false }]);
    const completed = changeSinceAnnounced(completedStepCodes(before), false, recognised);
    expect(completed.stepsCompleted.map((s) => s.code)).toEqual(['coaching']);
    expect(completed).toMatchObject({ pathCompleted: true, pathReopened: false, stepsReopened: [] });
    // The same facts again: nothing to announce.
    expect(changeSinceAnnounced(completedStepCodes(recognised), true, recognised)).toMatchObject({ stepsCompleted: [], stepsReopened: [], pathCompleted: false, pathReopened: false });
    const withdrawn = changeSinceAnnounced(completedStepCodes(recognised), true, progressOf(path, credits, [{ stepCode: 'coaching', withdrawn: true }]));
    expect(withdrawn).toMatchObject({ stepsCompleted: [], stepsReopened: ['coaching'], pathCompleted: false, pathReopened: true });
  });

  it('keeps, on moving to a new version, what was completed where the step codes match and are still met', () => {
    const next = content([step('uren', { minimumHours: 30 }), step('coaching', { requiredFormats: ['coaching'] })], [step('nieuw', { minimumHours: 4 })]);
    const credits = [credit('e1', 20, ['uren']), credit('e2', 2, ['coaching'], 'coaching')];
    const move = versionMove(path, next, credits, []);
    expect(move.kept).toEqual(['coaching']);
    expect(move.lost).toEqual(['uren']); // 20 of the 30 hours the new version asks
    expect(move.progress.steps.map((s) => s.status)).toEqual(['in-progress', 'completed', 'not-started']);
  });
});
