import { isWrite, recordedPath } from './audit-entry';

describe('audit entries', () => {
  it('are kept for writes only', () => {
    expect(['POST', 'PUT', 'PATCH', 'DELETE'].every(isWrite)).toBe(true);
    expect(['GET', 'HEAD', 'OPTIONS'].some(isWrite)).toBe(false);
  });

  it('record the path without its query string', () => {
    expect(recordedPath('/api/enrolments/v1/enrolments?email=a@b.nl')).toBe('/api/enrolments/v1/enrolments');
    expect(recordedPath('/x'.repeat(400))).toHaveLength(500);
  });
});
