/** What the catalogue knows of one enrolment in a run, to count the places taken. */
export interface PlaceState {
  holdsPlace: boolean;
  /** Cancelled is final: a confirmation delivered late (or again) does not take the place back. */
  cancelled: boolean;
}

export type PlaceEvent = 'confirmed' | 'promoted' | 'cancelled';

/**
 * The next state of an enrolment's place. Places taken are counted over these states, not by adding and
 * subtracting per event, so a redelivered or late event cannot count a place twice or free it twice.
 */
export function nextPlaceState(current: PlaceState | null, event: PlaceEvent): PlaceState {
  if (event === 'cancelled') return { holdsPlace: false, cancelled: true };
  if (current?.cancelled) return current;
  return { holdsPlace: true, cancelled: false };
}
