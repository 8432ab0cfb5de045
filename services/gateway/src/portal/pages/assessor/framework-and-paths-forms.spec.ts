import { readFramework, valuesOfCriteria } from './framework-form';
import { errorsOfPathProblem, readNewPath, readStep, withStep } from './paths-form';
import type { PathContent } from './paths-api';

describe('readFramework', () => {
  const criterion = { code: 'K1', title: 'Vraaggestuurd', description: 'Beschrijving', evidence: 'Bewijs', required: true };

  it('reads the rows back from the form, drops emptied rows and upper-cases codes', () => {
    const values = { ...valuesOfCriteria([criterion]), notes: 'Nieuw criterium', 'code-2': 'k8', 'titel-2': 'Nieuw', 'beschrijving-2': 'b', 'bewijs-2': 'e' };
    expect(readFramework(values, 3)).toEqual({
      framework: { notes: 'Nieuw criterium', criteria: [criterion, { code: 'K8', title: 'Nieuw', description: 'b', evidence: 'e', required: false }] },
      errors: [],
    });
  });

  it('wants notes, complete rows and unique codes', () => {
    const values = { ...valuesOfCriteria([criterion]), 'code-1': 'K1', 'titel-1': 'Dubbel' };
    expect(readFramework(values, 2).errors.map((error) => error.field)).toEqual(['notes', 'code-1', 'beschrijving-1', 'bewijs-1']);
  });
});

describe('paths forms', () => {
  const step = { stepCode: 'PP-1', stepTitle: 'Eigen praktijk', learningOutcomes: 'Onderzoekt de praktijk', minimumHours: '12' };

  it('reads a new path with its first phase and step', () => {
    const { path } = readNewPath({ code: 'proefpad', title: 'Proefpad', phaseTitle: 'Verkennen', ...step }, ['po', 'xx'], ['pedagogy']);
    expect(path).toEqual({
      code: 'proefpad',
      title: 'Proefpad',
      content: {
        sectors: ['po'],
        phases: [{ code: 'fase-1', title: 'Verkennen', steps: [{ code: 'PP-1', title: 'Eigen praktijk', competenceAreas: ['pedagogy'], learningOutcomes: ['Onderzoekt de praktijk'], requirement: { minimumHours: 12 } }] }],
      },
    });
  });

  it('names what is missing or wrong', () => {
    expect(readNewPath({ code: 'Hoofd Letters', title: 'x' }, [], []).errors.map((error) => error.field)).toEqual([
      'code',
      'title',
      'sectors',
      'phaseTitle',
      'stepCode',
      'stepTitle',
      'competenceAreas',
      'learningOutcomes',
      'minimumHours',
    ]);
  });

  it('adds a step to a phase, never with a code that is taken', () => {
    const content: PathContent = { sectors: ['po'], phases: [{ code: 'fase-1', title: 'F', steps: [] }] };
    const { step: parsed } = readStep(step, ['pedagogy']);
    const added = withStep(content, 'fase-1', parsed!);
    expect(added.content?.phases[0].steps.map((s) => s.code)).toEqual(['PP-1']);
    expect(withStep(added.content!, 'fase-1', parsed!).errors).toEqual([{ field: 'stepCode', message: 'Er is al een stap met de code PP-1' }]);
    expect(withStep(content, 'fase-9', parsed!).errors[0].field).toBe('phase');
  });

  it('maps the service’s field paths to the form’s fields', () => {
    const errors = errorsOfPathProblem({ status: 400, errors: [{ field: 'content.phases.0.steps.0.title', messages: ['is te kort'] }, { field: 'code', messages: ['ongeldig'] }] }, 'code');
    expect(errors).toEqual([
      { field: 'stepTitle', message: 'De titel van de stap: is te kort' },
      { field: 'code', message: 'De code: ongeldig' },
    ]);
  });
});
