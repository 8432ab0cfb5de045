import { nextPlaceState, type PlaceEvent, type PlaceState } from './places';

function replay(events: PlaceEvent[]): PlaceState | null {
  return events.reduce<PlaceState | null>((state, event) => nextPlaceState(state, event), null);
}

describe('places taken per enrolment', () => {
  it('a confirmed or promoted enrolment holds a place, once however often it is delivered', () => {
    expect(replay(['confirmed'])).toEqual({ holdsPlace: true, cancelled: false });
    expect(replay(['promoted', 'promoted'])).toEqual({ holdsPlace: true, cancelled: false });
  });

  it('a cancelled enrolment holds no place, also when its confirmation is delivered again or late', () => {
    expect(replay(['confirmed', 'cancelled'])).toEqual({ holdsPlace: false, cancelled: true });
    expect(replay(['confirmed', 'cancelled', 'confirmed'])).toEqual({ holdsPlace: false, cancelled: true });
    expect(replay(['cancelled', 'confirmed'])).toEqual({ holdsPlace: false, cancelled: true });
  });
});
