// What each section of the page is: its navigation label and how it draws what its server call answered.
import type { Reply } from "./server";

export interface Ctx {
  /** where the section draws */
  main: HTMLElement;
  /** the section opened again from the server (after an action that changes what it lists) */
  reload(): void;
}

export interface View<T> {
  label: string;
  draw(data: T, ctx: Ctx): void;
}

/** a reply's data, as the section it came for draws it (the server module's own type) */
export const dataOf = <T>(r: Reply): T => r.data as T;
