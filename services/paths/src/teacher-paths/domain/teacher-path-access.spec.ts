import { isOwnPath, mayRead, mayRecognise, type Caller } from './teacher-path-access';

const path = { teacherId: 'anne', schoolId: '12AB00' };
const anne: Caller & { subject: string } = { subject: 'a', roles: ['teacher'], teacherId: 'anne', schoolId: '12AB00' };
const bram: Caller & { subject: string } = { subject: 'b', roles: ['teacher'], teacherId: 'bram', schoolId: '12AB00' };
const leader: Caller & { subject: string } = { subject: 'l', roles: ['school-leader'], schoolId: '12AB00' };
const otherLeader: Caller & { subject: string } = { subject: 'o', roles: ['school-leader'], schoolId: '34CD01' };
const assessor: Caller & { subject: string } = { subject: 's', roles: ['assessor'] };
const ministry: Caller & { subject: string } = { subject: 'm', roles: ['ministry'] };

describe('access to a teacher\'s path', () => {
  it('is the teacher\'s own, not a colleague\'s', () => {
    expect(isOwnPath(anne, path)).toBe(true);
    expect(isOwnPath(bram, path)).toBe(false);
    expect(mayRead(bram, path, true)).toBe(false);
  });

  it('lets the own school leader read only with consent, and recognise always', () => {
    expect(mayRead(leader, path, false)).toBe(false);
    expect(mayRead(leader, path, true)).toBe(true);
    expect(mayRecognise(leader, path)).toBe(true);
  });

  it('gives another school\'s leader nothing', () => {
    expect(mayRead(otherLeader, path, true)).toBe(false);
    expect(mayRecognise(otherLeader, path)).toBe(false);
  });

  it('lets an assessor read and recognise, and the ministry neither', () => {
    expect(mayRead(assessor, path, false)).toBe(true);
    expect(mayRecognise(assessor, path)).toBe(true);
    expect(mayRead(ministry, path, true)).toBe(false);
    expect(mayRecognise(ministry, path)).toBe(false);
  });
});
