// Script properties: the product's derived state and the journal that records each mail as it goes.

import { chunkBytes, utf8Length } from "../domain/text";
import type { Beat, JobMark, JournalEntry, MailRecord, RunRecord, StaffAccount, State, StateStore } from "../ports";
import type { ScriptLock } from "./lock";

const EMPTY: State = {
  spreadsheetId: "",
  settings: null,
  templates: [],
  forms: {},
  heights: {},
  marks: {},
  columns: {},
  choicesHash: {},
  lastReconcile: 0,
  pendingRollups: [],
  queue: { rows: 0, next: 0 },
};

/** a property value holds at most 9 KB (bytes): the state is split across s.0, s.1, … of at most 8,000 bytes each */
const CHUNK = 8000;

export class PropertiesStateStore implements StateStore {
  private props = PropertiesService.getScriptProperties();
  private state: State = EMPTY;
  private all: Record<string, string> = {};
  private seq = 0;
  private loaded = false;
  constructor(private lock: ScriptLock) {}

  load(): { state: State; journal: JournalEntry[] } {
    const all = this.props.getProperties();
    this.all = all;
    this.loaded = true;
    let raw = "";
    for (let i = 0; all[`s.${i}`]; i++) raw += all[`s.${i}`];
    this.state = { ...EMPTY, ...(raw ? (JSON.parse(raw) as State) : {}) };
    const journal: JournalEntry[] = [];
    for (const id of Object.keys(all)) {
      // an entry removed by write() leaves an empty value
      if (!id.startsWith("j.") || !all[id]) continue;
      try {
        journal.push({ id, ...(JSON.parse(all[id]) as Omit<JournalEntry, "id">) });
      } catch {
        // a torn write leaves nothing usable; the key is cleared with the rest
        journal.push({ id, type: "run", at: 0, data: { job: "?", result: "bỏ qua", detail: "bản ghi hỏng" } });
      }
    }
    journal.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
    return { state: this.state, journal };
  }

  jobs(): Record<string, JobMark> {
    if (!this.loaded) this.load();
    return this.prefixed<JobMark>("r.");
  }
  begin(job: string, mark: JobMark): void {
    const v = JSON.stringify(mark).slice(0, 8000);
    this.props.setProperty(`r.${job}`, v);
    this.all[`r.${job}`] = v;
  }

  beats(): Record<string, Beat> {
    return this.prefixed<Beat>("b.");
  }
  beat(job: string, b: Beat): void {
    this.props.setProperty(`b.${job}`, JSON.stringify(b));
    this.all[`b.${job}`] = JSON.stringify(b);
  }
  accounts(): Record<string, StaffAccount> {
    return this.prefixed<StaffAccount>("a.");
  }
  account(email: string, a: StaffAccount): void {
    this.props.setProperty(`a.${email}`, JSON.stringify(a));
    this.all[`a.${email}`] = JSON.stringify(a);
  }
  /** the values under a prefix, as last loaded (a torn one is left out) */
  private prefixed<T>(prefix: string): Record<string, T> {
    const out: Record<string, T> = {};
    for (const [k, v] of Object.entries(this.all)) {
      if (!k.startsWith(prefix) || !v) continue;
      try {
        out[k.slice(prefix.length)] = JSON.parse(v) as T;
      } catch {
        // a value cut off mid-write reads as absent; its owner writes it again
      }
    }
    return out;
  }

  /** merges into the state last loaded; one call, which also clears the marks of the jobs `done` */
  save(patch: Partial<State>, done: string[] = []): void {
    this.state = { ...this.state, ...patch };
    const out: Record<string, string> = {};
    chunkBytes(JSON.stringify(this.state), CHUNK).forEach((c, i) => {
      out[`s.${i}`] = c;
    });
    out[`s.${Object.keys(out).length}`] = "";
    for (const job of done) {
      out[`r.${job}`] = "";
      this.all[`r.${job}`] = "";
    }
    this.props.setProperties(out, false);
  }

  /** the roster's codes by row, in values of at most 8,000 characters (u.0, u.1, …): read back with the state */
  saveUnitIndex(codes: string[]): void {
    const out: Record<string, string> = {};
    chunkBytes(codes.join("\n"), CHUNK).forEach((c, i) => {
      out[`u.${i}`] = c;
    });
    // a shorter index than before: the old tail becomes empty values
    for (let i = Object.keys(out).length; this.all[`u.${i}`]; i++) out[`u.${i}`] = "";
    this.props.setProperties(out, false);
    Object.assign(this.all, out);
  }

  unitRow(code: string): number | null {
    const i = this.index().indexOf(code);
    return i < 0 ? null : i + 2;
  }

  /** the report tabs' answer columns in the state last loaded or saved */
  columns(): State["columns"] | undefined {
    return this.state.columns;
  }

  unitCodes(): string[] {
    return this.index().filter(Boolean);
  }

  private index(): string[] {
    let text = "";
    for (let i = 0; this.all[`u.${i}`]; i++) text += this.all[`u.${i}`];
    return text ? text.split("\n") : [];
  }

  record(type: JournalEntry["type"], data: MailRecord | RunRecord): void {
    const [id, value] = this.entry(type, data);
    this.props.setProperty(id, value);
  }

  /** several entries in one call: new ones, replacements of entries already written, removals (`data: null`) */
  write(entries: { id?: string; type: JournalEntry["type"]; data: MailRecord | RunRecord | null; at?: number }[]): string[] {
    if (!entries.length) return [];
    const out: Record<string, string> = {};
    const ids = entries.map((e) => {
      if (e.data === null) {
        if (e.id) out[e.id] = "";
        return e.id ?? "";
      }
      const [id, value] = this.entry(e.type, e.data, e.id, e.at);
      out[id] = value;
      return id;
    });
    this.props.setProperties(out, false);
    return ids;
  }

  /** a journal entry as stored: its key (time order, then the order within the run) and its value, within 9 KB */
  private entry(type: JournalEntry["type"], data: MailRecord | RunRecord, id?: string, when?: number): [string, string] {
    const at = when ?? Date.now();
    const d =
      utf8Length(JSON.stringify(data)) < 8500
        ? data
        : "detail" in data
          ? { ...data, detail: data.detail.slice(0, 2500) }
          : { ...data, to: data.to.slice(0, 50), cc: [] };
    // entries of one run sort in the order they were made; the random part keeps runs apart
    const seq = String(++this.seq).padStart(4, "0");
    return [id ?? `j.${at}.${seq}${Math.random().toString(36).slice(2, 10)}`, JSON.stringify({ type, at, data: d })];
  }

  /**
   * One write keeps everything but the flushed entries: a journal entry written by another run between that read and
   * that write would be lost, so the clean-up runs under the script lock (the run's own, or taken here).
   */
  clear(entries: JournalEntry[]): void {
    if (!entries.length) return;
    const mine = !this.lock.held;
    if (mine && !this.lock.acquire(30000)) return;
    try {
      const all = this.props.getProperties();
      for (const e of entries) delete all[e.id];
      // removed entries and cleared marks leave empty values: they go with them
      for (const k of Object.keys(all)) if (!all[k] && (k.startsWith("j.") || k.startsWith("r."))) delete all[k];
      this.props.setProperties(all, true);
    } finally {
      if (mine) this.lock.release();
    }
  }
}
