import { content, step } from '../../paths/domain/path-definition.fixtures.spec-helper';
import { progressOf } from '../../teacher-paths/domain/path-progress';
import { assertCompleted, recipientNameOf } from './credential-rules';
import { CredentialError } from './credential.errors';

const path = content([step('uren', { minimumHours: 10 }), step('coaching', { requiredFormats: ['coaching'] })]);
const credit = (hours: number, stepCodes: string[], format = 'course') => ({ enrolmentId: `e-${hours}-${format}`, hours, stepCodes, format });

function errorOf(work: () => unknown): CredentialError {
  try {
    work();
  } catch (error) {
    if (error instanceof CredentialError) return error;
    throw error;
  }
  throw new Error('no CredentialError thrown');
}

describe('what a badge may be issued for', () => {
  const halfway = progressOf(path, [credit(10, ['uren'])], []);

  it('a completed step, by offers or by recognition', () => {
    expect(() => assertCompleted(halfway, 'uren')).not.toThrow();
    expect(() => assertCompleted(progressOf(path, [], [{ stepCode: 'coaching', withdrawn: false }]), 'coaching')).not.toThrow();
  });

  it('not a step that is not (yet, or no longer) completed', () => {
    expect(errorOf(() => assertCompleted(halfway, 'coaching'))).toMatchObject({ code: 'STEP_NOT_COMPLETED', kind: 'conflict' });
    expect(errorOf(() => assertCompleted(progressOf(path, [credit(4, ['uren'])], []), 'uren')).details).toMatchObject({ stepStatus: 'in-progress' });
    const withdrawn = progressOf(path, [], [{ stepCode: 'coaching', withdrawn: true }]);
    expect(errorOf(() => assertCompleted(withdrawn, 'coaching')).message).toMatch(/nog niet afgerond/);
  });

  it('the whole path only when every step is completed', () => {
    expect(errorOf(() => assertCompleted(halfway, null))).toMatchObject({ code: 'PATH_NOT_COMPLETED', details: { completedSteps: 1, totalSteps: 2 } });
    expect(() => assertCompleted(progressOf(path, [credit(10, ['uren']), credit(2, ['coaching'], 'coaching')], []), null)).not.toThrow();
  });
});

describe('the name in a badge', () => {
  it('is absent unless asked for', () => {
    expect(recipientNameOf(false, undefined)).toBeNull();
  });

  it('is the given name, trimmed, when asked for', () => {
    expect(recipientNameOf(true, '  Anne de Vries ')).toBe('Anne de Vries');
  });

  it('is refused when asked for without one, or given without asking', () => {
    expect(errorOf(() => recipientNameOf(true, undefined))).toMatchObject({ code: 'INVALID_INPUT', kind: 'invalid' });
    expect(errorOf(() => recipientNameOf(true, '   ')).message).toMatch(/Geef de naam op/);
    expect(errorOf(() => recipientNameOf(false, 'Anne')).message).toMatch(/includeName/);
  });

  it('is refused when too long or with control characters', () => {
    expect(errorOf(() => recipientNameOf(true, 'x'.repeat(201))).message).toMatch(/200 tekens/);
    expect(errorOf(() => recipientNameOf(true, 'Anne\nde Vries')).message).toMatch(/stuurtekens/);
  });
});
