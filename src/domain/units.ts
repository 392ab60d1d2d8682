// A unit (CĐCS) of the roster, and who is expected to report when.
export interface Unit {
  code: string;
  name: string;
  chair: string;
  emails: string[];
  phone: string;
  group: string;
  /** first month the unit is expected to report, YYYY-MM ("" = from the start) */
  activeFrom: string;
  /** last month, YYYY-MM ("" = still active) */
  activeTo: string;
  /** row in the roster tab, where its links go */
  row?: number;
}

export function isActive(u: Unit, month: string): boolean {
  if (u.activeFrom && month < u.activeFrom) return false;
  if (u.activeTo && month > u.activeTo) return false;
  return true;
}

/** the choice shown in the forms' unit dropdown */
export function unitChoice(u: Unit): string {
  return `${u.code} – ${u.name}`;
}
