// Every kind of mail the product sends, described once. A new kind is one entry here; the compiler then walks
// through each place that must handle it (the exhaustive switches in src/app/compose.ts and src/domain/schedule.ts).
export const MAIL_KINDS = ["receipt", "invalid", "urgent", "alert", "rollup", "invite", "overdue", "reminder"] as const;

export type MailKind = (typeof MAIL_KINDS)[number];

interface MailKindDef {
  /** how a short quota is spent: lower goes first (documented in the README) */
  priority: number;
  /** what staff read in the logs and the preview */
  label: string;
  /** who it goes to */
  audience: "sender" | "unit" | "leaders" | "staff";
}

export const MAIL_KIND: Record<MailKind, MailKindDef> = {
  receipt: { priority: 0, label: "Xác nhận đã nhận", audience: "sender" },
  invalid: { priority: 0, label: "Đề nghị sửa", audience: "sender" },
  // a matter a unit reports that leaders must know now: to the leaders and the staff, whatever the deadline
  urgent: { priority: 0, label: "Báo cáo khẩn", audience: "leaders" },
  // something stopped, or needs staff: to the staff accounts that run the product
  alert: { priority: 0, label: "Cảnh báo hệ thống", audience: "staff" },
  rollup: { priority: 1, label: "Tổng hợp", audience: "leaders" },
  // the first and only ask a unit gets before its reminders: sent once, so it goes before the overdue notices and
  // reminders a short quota can leave to the next day
  invite: { priority: 2, label: "Mời đăng ký", audience: "unit" },
  overdue: { priority: 3, label: "Báo trễ hạn", audience: "unit" },
  reminder: { priority: 4, label: "Thư nhắc", audience: "unit" },
};

/** the order a short quota is spent in, as staff read it: "xác nhận đã nhận, đề nghị sửa, tổng hợp, …" */
export function priorityWords(): string {
  return MAIL_KINDS.map((k) => MAIL_KIND[k])
    .sort((a, b) => a.priority - b.priority)
    .map((d) => d.label.toLowerCase())
    .join(", ");
}

/** a mail kind as staff read it; the raw kind when it is not one of ours (an old log row) */
export function kindLabel(kind: string): string {
  return (MAIL_KIND as Record<string, MailKindDef>)[kind]?.label ?? kind;
}

/** the kind a label in the mail log stands for (the log shows labels) */
export function kindOfLabel(label: string): MailKind | null {
  return (Object.keys(MAIL_KIND) as MailKind[]).find((k) => MAIL_KIND[k].label === label) ?? null;
}
