import { profileErrors } from './my-data.controller';

describe('the profile form', () => {
  it('needs a sector from the list; name and e-mail address are optional but must fit', () => {
    expect(profileErrors({ sector: 'po' })).toEqual([]);
    expect(profileErrors({ sector: 'po', name: 'Anne de Vries', email: 'anne@example.nl' })).toEqual([]);
    expect(profileErrors({ sector: 'hbo', name: 'x'.repeat(201), email: 'anne@' }).map((error) => error.field)).toEqual(['sector', 'name', 'email']);
  });
});
