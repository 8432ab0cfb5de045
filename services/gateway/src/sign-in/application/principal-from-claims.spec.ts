import { principalFromClaims } from './principal-from-claims';

describe('principalFromClaims', () => {
  it("take the principal from the ID token's claims, only known roles", () => {
    expect(principalFromClaims({ sub: 'u1', napl_roles: ['provider', 'root'], napl_provider_id: 'p1', napl_region_id: '' })).toEqual({
      subject: 'u1',
      roles: ['provider'],
      providerId: 'p1',
      regionId: undefined,
      teacherId: undefined,
      schoolId: undefined,
    });
  });
});
