import { frameworkProblems, type Criterion } from './framework';

const criterion = (code: string, required = true): Criterion => ({ code, title: 't', description: 'd', evidence: 'e', required });

describe('frameworkProblems', () => {
  it('accepts distinct codes with at least one required criterion', () => {
    expect(frameworkProblems([criterion('K1'), criterion('K2', false)])).toEqual([]);
  });

  it('refuses an empty framework', () => {
    expect(frameworkProblems([])).toEqual(['Een kwaliteitskader heeft minstens één criterium.']);
  });

  it('refuses duplicate codes, whatever their case', () => {
    expect(frameworkProblems([criterion('K1'), criterion('k1')])).toEqual(['De code k1 komt meer dan eens voor.']);
  });

  it('refuses a framework without a required criterion', () => {
    expect(frameworkProblems([criterion('K1', false)])).toEqual(['Een kwaliteitskader heeft minstens één verplicht criterium.']);
  });
});
