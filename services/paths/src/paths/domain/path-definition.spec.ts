import { assertDraft, assertValidContent, findStep, stepsOf, type PathStep, type PathVersionContent } from './path-definition';
import { content, step } from './path-definition.fixtures.spec-helper';
import { PathError } from './path.errors';

function problemsOf(candidate: PathVersionContent): string[] {
  try {
    assertValidContent(candidate);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(PathError);
    expect((error as PathError).code).toBe('INVALID_DEFINITION');
    return (error as PathError).details?.problems as string[];
  }
}

describe('path definitions', () => {
  it('accepts steps completed by hours, by kinds of offer, or both', () => {
    expect(problemsOf(content([step('a', { minimumHours: 20 }), step('b', { requiredFormats: ['coaching'] })], [step('c', { minimumHours: 8, requiredFormats: ['intervision'] })]))).toEqual([]);
  });

  it('refuses a step that says nothing about what completes it', () => {
    expect(problemsOf(content([step('a')]))).toEqual([expect.stringContaining('Stap a zegt niet wat haar afrondt')]);
  });

  it('refuses a step code used twice, also across phases, since progress refers to steps by code', () => {
    expect(problemsOf(content([step('a', { minimumHours: 4 })], [step('a', { minimumHours: 4 })]))).toEqual([expect.stringContaining('Stapcode a komt meer dan eens voor')]);
  });

  it('refuses zero or fractional hours, empty phases, no sectors, and names every problem at once', () => {
    const candidate: PathVersionContent = { sectors: [], phases: [...content([step('a', { minimumHours: 0 }), step('b', { minimumHours: 2.5 })]).phases, { code: 'leeg', title: 'Leeg', steps: [] }] };
    expect(problemsOf(candidate)).toHaveLength(4);
  });

  it('refuses a step without competence area or learning outcome', () => {
    const bare: PathStep = { ...step('a', { minimumHours: 4 }), competenceAreas: [], learningOutcomes: [] };
    expect(problemsOf(content([bare]))).toHaveLength(2);
  });

  it('lists the steps in order, phase by phase, and finds one by code', () => {
    const path = content([step('a', { minimumHours: 1 }), step('b', { minimumHours: 1 })], [step('c', { minimumHours: 1 })]);
    expect(stepsOf(path).map((s) => s.code)).toEqual(['a', 'b', 'c']);
    expect(findStep(path, 'c').code).toBe('c');
    expect(() => findStep(path, 'x')).toThrow(expect.objectContaining({ code: 'STEP_NOT_FOUND', kind: 'not-found' }));
  });

  it('edits only drafts', () => {
    expect(() => assertDraft('draft')).not.toThrow();
    expect(() => assertDraft('published')).toThrow(expect.objectContaining({ code: 'VERSION_NOT_DRAFT' }));
  });
});
