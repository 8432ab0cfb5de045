import { content, step } from '../../paths/domain/path-definition.fixtures.spec-helper';
import { openBadgeFor, requirementText, teacherSubjectId, type BadgePath, type BadgeRequest } from './open-badge';

const path: BadgePath = {
  code: 'startbekwaam-vakbekwaam',
  title: 'Van startbekwaam naar vakbekwaam',
  description: 'Het inductiepad voor leraren in hun eerste jaren.',
  version: 2,
  content: content([step('klas', { minimumHours: 20 }), { ...step('team', { requiredFormats: ['intervision'] }), competenceAreas: ['professional-community', 'pedagogy'] }]),
};

function request(overrides: Partial<BadgeRequest> = {}): BadgeRequest {
  return {
    credentialId: '6f1f2c4e-93f8-4c5d-9a4e-0c3c9a3b5e11',
    issuerUrl: 'https://napl.example.nl',
    issuedAt: new Date('2027-03-01T10:15:30.123Z'),
    teacherId: '0b7c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3',
    recipientName: null,
    path,
    step: null,
    ...overrides,
  };
}

describe('an Open Badges 3.0 credential', () => {
  it('is an OpenBadgeCredential of the VC data model 2.0, issued by the platform with a urn:uuid id', () => {
    const badge = openBadgeFor(request());
    expect(badge['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
    expect(badge.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(badge.id).toBe('urn:uuid:6f1f2c4e-93f8-4c5d-9a4e-0c3c9a3b5e11');
    expect(badge.issuer).toMatchObject({ id: 'https://napl.example.nl', type: ['Profile'] });
    expect(badge.validFrom).toBe('2027-03-01T10:15:30Z');
    expect(badge.name).toBe(badge.credentialSubject.achievement.name);
  });

  it('names the pseudonymous teacher id as subject, and no one else', () => {
    const badge = openBadgeFor(request());
    expect(badge.credentialSubject).toMatchObject({ id: 'urn:napl:teacher:0b7c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3', type: ['AchievementSubject'] });
    expect(badge.credentialSubject.identifier).toBeUndefined();
    expect(JSON.stringify(badge)).not.toMatch(/identityType|"name":"Anne/);
  });

  it('carries the name only when one is given, as an identifier of type name', () => {
    const badge = openBadgeFor(request({ recipientName: 'Anne de Vries' }));
    expect(badge.credentialSubject.identifier).toEqual([{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Anne de Vries' }]);
  });

  it('for a step: an achievement of that step and version, with its requirement and learning outcomes as criteria', () => {
    const team = path.content.phases[0].steps[1];
    const { achievement } = openBadgeFor(request({ step: team })).credentialSubject;
    expect(achievement).toMatchObject({
      id: 'https://napl.example.nl/achievements/paths/startbekwaam-vakbekwaam/versions/2/steps/team',
      type: ['Achievement'],
      achievementType: 'Competency',
      name: 'Stap team (Van startbekwaam naar vakbekwaam)',
    });
    expect(achievement.criteria.narrative).toContain('aanbod van de soort intervision');
    expect(achievement.criteria.narrative).toContain('De leraar past het geleerde toe in de eigen klas.');
    expect(achievement.alignment?.map((alignment) => alignment.targetCode)).toEqual(['professional-community', 'pedagogy']);
    expect(achievement.alignment?.[0]).toMatchObject({ type: ['Alignment'], targetName: 'Werken in de professionele gemeenschap', targetType: 'ceasn:Competency' });
  });

  it('for the whole path: an achievement of the path version, listing every step as criteria', () => {
    const { achievement } = openBadgeFor(request()).credentialSubject;
    expect(achievement).toMatchObject({
      id: 'https://napl.example.nl/achievements/paths/startbekwaam-vakbekwaam/versions/2',
      achievementType: 'LearningProgram',
      name: 'Ontwikkelpad Van startbekwaam naar vakbekwaam afgerond',
      description: 'Het inductiepad voor leraren in hun eerste jaren.',
    });
    expect(achievement.criteria.narrative).toMatch(/Alle 2 stappen.*\n- Stap klas: ten minste 20 uur.*\n- Stap team: aanbod van de soort intervision/);
    expect(achievement.alignment?.map((alignment) => alignment.targetCode)).toEqual(['pedagogy', 'professional-community']);
  });

  it('builds ids from an issuer URL with or without a trailing slash alike', () => {
    const withSlash = openBadgeFor(request({ issuerUrl: 'https://napl.example.nl/' })).credentialSubject.achievement.id;
    expect(withSlash).toBe('https://napl.example.nl/achievements/paths/startbekwaam-vakbekwaam/versions/2');
  });

  it('is the same for the same request (what is signed is exactly this object)', () => {
    expect(JSON.stringify(openBadgeFor(request()))).toBe(JSON.stringify(openBadgeFor(request())));
  });
});

describe('the words of a requirement', () => {
  it('says hours, kinds of offer, or both', () => {
    expect(requirementText({ minimumHours: 8, requiredFormats: [] })).toBe('ten minste 8 uur aan professionaliseringsaanbod voor deze stap');
    expect(requirementText({ minimumHours: null, requiredFormats: ['coaching', 'intervision'] })).toBe('aanbod van elk van de soorten coaching, intervision');
    expect(requirementText({ minimumHours: 8, requiredFormats: ['coaching'] })).toBe(
      'ten minste 8 uur aan professionaliseringsaanbod voor deze stap en aanbod van de soort coaching',
    );
  });
});

describe('the subject id', () => {
  it('is a URN of the pseudonymous id, escaped where the id is not URN-safe', () => {
    expect(teacherSubjectId('abc')).toBe('urn:napl:teacher:abc');
    expect(teacherSubjectId('a b/c')).toBe('urn:napl:teacher:a%20b%2Fc');
  });
});
