import { missingRequiredFields } from './event-contract';

describe('missingRequiredFields', () => {
  const paths = ['run.runId', 'run.capacity', 'run.sessions', 'run.offerId'];

  it('finds nothing missing in a complete message', () => {
    expect(missingRequiredFields({ run: { runId: 'r', capacity: 12, sessions: [{}], offerId: 'o' } }, paths)).toEqual([]);
  });

  it('counts unset, empty and zero values as missing, since proto3 cannot tell them apart', () => {
    expect(missingRequiredFields({ run: { runId: '', capacity: 0, sessions: [], offerId: 'o' } }, paths)).toEqual([
      'run.runId',
      'run.capacity',
      'run.sessions',
    ]);
  });

  it('reports every field under an absent parent', () => {
    expect(missingRequiredFields({}, paths)).toEqual(paths);
  });
});
