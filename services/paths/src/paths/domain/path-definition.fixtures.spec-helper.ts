import type { PathStep, PathVersionContent } from './path-definition';

// Small path definitions for the unit tests (not compiled into the service: see tsconfig.build.json).

export function step(code: string, requirement: Partial<PathStep['requirement']> = {}): PathStep {
  return {
    code,
    title: `Stap ${code}`,
    competenceAreas: ['pedagogy'],
    learningOutcomes: ['De leraar past het geleerde toe in de eigen klas.'],
    requirement: { minimumHours: null, requiredFormats: [], ...requirement },
  };
}

export function content(...phases: PathStep[][]): PathVersionContent {
  return { sectors: ['po'], phases: phases.map((steps, index) => ({ code: `fase-${index + 1}`, title: `Fase ${index + 1}`, steps })) };
}
