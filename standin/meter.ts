// Counts every call the bundle makes on a service and injects faults at chosen calls.
export type ServiceName =
  | "SpreadsheetApp"
  | "FormApp"
  | "MailApp"
  | "PropertiesService"
  | "CacheService"
  | "LockService"
  | "ScriptApp"
  | "Utilities"
  | "Session"
  | "Logger"
  | "HtmlService"
  | "Charts"
  | "DocumentApp"
  | "Drive"
  | "Docs";

export interface FaultPlan {
  /** the k-th counted call (1-based, over all services) throws */
  atCall?: number;
  /** every call of this method ("Range.setValues", "MailApp.sendEmail") throws */
  method?: string;
  /** throw only on the n-th call of `method` (1-based) */
  methodOccurrence?: number;
  message?: string;
}

export class InjectedFault extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InjectedFault";
  }
}

export class Meter {
  total = 0;
  byService: Record<string, number> = {};
  byMethod: Record<string, number> = {};
  cellsRead = 0;
  cellsWritten = 0;
  /** false while the harness itself looks at the model (a staff member typing, the exporter) */
  counting = true;
  faults: FaultPlan[] = [];
  /** called on every counted call: the world uses it to let time pass when it simulates Google's latency */
  onHit: ((service: ServiceName, method: string) => void) | null = null;
  /** called when cells are read or written: the world lets their time pass too when it simulates Google's latency */
  onCells: ((read: number, written: number) => void) | null = null;
  private methodSeen: Record<string, number> = {};

  hit(service: ServiceName, method: string): void {
    if (!this.counting) return;
    this.total++;
    this.byService[service] = (this.byService[service] ?? 0) + 1;
    this.byMethod[method] = (this.byMethod[method] ?? 0) + 1;
    this.methodSeen[method] = (this.methodSeen[method] ?? 0) + 1;
    this.onHit?.(service, method);
    for (const f of this.faults) {
      const byIndex = f.atCall !== undefined && f.atCall === this.total;
      const byMethod = f.method === method && (f.methodOccurrence === undefined || f.methodOccurrence === this.methodSeen[method]);
      if (byIndex || byMethod) {
        throw new InjectedFault(f.message ?? `Injected fault at call ${this.total} (${method})`);
      }
    }
  }

  read(cells: number): void {
    if (!this.counting) return;
    this.cellsRead += cells;
    this.onCells?.(cells, 0);
  }

  wrote(cells: number): void {
    if (!this.counting) return;
    this.cellsWritten += cells;
    this.onCells?.(0, cells);
  }

  snapshot(): MeterSnapshot {
    return {
      total: this.total,
      byService: { ...this.byService },
      byMethod: { ...this.byMethod },
      cellsRead: this.cellsRead,
      cellsWritten: this.cellsWritten,
    };
  }

  reset(): void {
    this.total = 0;
    this.byService = {};
    this.byMethod = {};
    this.methodSeen = {};
    this.cellsRead = 0;
    this.cellsWritten = 0;
  }

  /** runs fn without counting: the harness acting as a person or as the exporter */
  quiet<T>(fn: () => T): T {
    const was = this.counting;
    this.counting = false;
    try {
      return fn();
    } finally {
      this.counting = was;
    }
  }
}

export interface MeterSnapshot {
  total: number;
  byService: Record<string, number>;
  byMethod: Record<string, number>;
  cellsRead: number;
  cellsWritten: number;
}

export function diff(after: MeterSnapshot, before: MeterSnapshot): MeterSnapshot {
  const sub = (a: Record<string, number>, b: Record<string, number>) => {
    const out: Record<string, number> = {};
    for (const k of Object.keys(a)) {
      const d = a[k] - (b[k] ?? 0);
      if (d) out[k] = d;
    }
    return out;
  };
  return {
    total: after.total - before.total,
    byService: sub(after.byService, before.byService),
    byMethod: sub(after.byMethod, before.byMethod),
    cellsRead: after.cellsRead - before.cellsRead,
    cellsWritten: after.cellsWritten - before.cellsWritten,
  };
}
