/**
 * The end of a mark's validity: `months` calendar months after the decision. A day that does not exist in the
 * target month (31 August + 6 months) falls back to that month's last day, so a mark never gains days.
 */
export function validUntil(issuedAt: Date, months: number): Date {
  const end = new Date(issuedAt.getTime());
  const day = end.getUTCDate();
  end.setUTCDate(1);
  end.setUTCMonth(end.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(day, lastDay));
  return end;
}

export type MarkStatus = 'valid' | 'expired' | 'revoked' | 'superseded';
