// The frame of a staff command: the lock, the stored state, the opened Sheet.
import { BUSY, type JournalEntry, type Ports, type State, type Store } from "./ports";

export const NOT_SET_UP = "Chưa chạy Thiết lập.";

export function withStore(p: Ports, fn: (c: { state: State; journal: JournalEntry[]; store: Store }) => string): string {
  if (!p.lock.acquire(30000)) return BUSY;
  try {
    const { state, journal } = p.state.load();
    return state.spreadsheetId ? fn({ state, journal, store: p.open(state.spreadsheetId) }) : NOT_SET_UP;
  } finally {
    p.lock.release();
  }
}
