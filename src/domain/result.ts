// The one result type: what a step gives back, its value or why not. The reason is data (a problem code and its
// context, ./problems.ts), turned into Vietnamese only where someone reads it (`say`).
import type { Problem } from "./problems";

/** a value, or the problem that stopped it */
export type Result<T, P = Problem> = { ok: true; value: T } | { ok: false; problem: P };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <P = Problem>(problem: P): { ok: false; problem: P } => ({ ok: false, problem });

/** a result as a person is told it: whether it went, and the words (a success's or the problem's, in Vietnamese) */
export type Told = Pick<Result<unknown>, "ok"> & { message: string };
