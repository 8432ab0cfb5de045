/**
 * A statement gathers a region's approved claim lines and claw-backs per period: open while lines can be added, payable
 * after its deadline, then paid. A payable or paid statement is never edited: a correction goes on the next open one.
 */
export type StatementStatus = 'open' | 'payable' | 'paid';

export function isEditable(status: StatementStatus): boolean {
  return status === 'open';
}

/** Open becomes payable once its deadline has passed; payable becomes paid when the payment is issued. */
export function nextStatus(status: StatementStatus, today: string, deadline: string): StatementStatus | null {
  if (status === 'open') return today > deadline ? 'payable' : null;
  if (status === 'payable') return 'paid';
  return null;
}

/**
 * A claim line's money, kept apart from its approval: paid, then, if the enrolment turns out not to count (cancelled,
 * no longer eligible), awaiting claw-back, then clawed back on a later statement.
 */
export type LinePaymentState = 'unpaid' | 'paid' | 'awaiting-claw-back' | 'clawed-back';

export function afterNoLongerCounting(state: LinePaymentState): LinePaymentState {
  // Before payment there is nothing to take back: the commitment is released instead.
  return state === 'paid' ? 'awaiting-claw-back' : state;
}
