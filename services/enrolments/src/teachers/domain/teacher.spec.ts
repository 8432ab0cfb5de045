import { Sector } from '@napl/contracts';
import { brinOf, SCHOOL_ID_PATTERN, sectorFromContract, sectorToContract } from './teacher';

describe('teacher identifiers', () => {
  it('accepts a BRIN code plus location and refuses anything else', () => {
    expect(SCHOOL_ID_PATTERN.test('12AB00')).toBe(true);
    for (const wrong of ['12AB0', '12ab00', 'AB1200', '12AB001', '1234AB', '']) expect(SCHOOL_ID_PATTERN.test(wrong)).toBe(false);
  });

  it('takes the BRIN code from a school location', () => {
    expect(brinOf('34CD01')).toBe('34CD');
  });

  it('maps sectors to the contract and back', () => {
    expect(sectorToContract('mbo')).toBe(Sector.MBO);
    expect(sectorFromContract(Sector.VSO)).toBe('vso');
    expect(sectorFromContract(Sector.UNSPECIFIED)).toBeUndefined();
  });
});
