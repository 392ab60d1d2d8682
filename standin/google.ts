// Google's own definitions, as the stand-in declares them: every class implements a Pick of the
// @types/google-apps-script interface it stands for, and offers nothing that interface lacks.
/// <reference path="../src/gas/google-newer.d.ts" />

/**
 * Holds at compile time only when E is never: `Only<Exclude<keyof StandinX, keyof GoogleX | internal>>`
 * names, in tsc's error, any member a stand-in class has that Google's interface does not.
 */
export type Only<E extends never> = E;

/**
 * The one place a stand-in object is handed out under Google's full type. The bundle is JavaScript and only ever
 * reaches the members the class implements; a member both declare must agree (the Partial check).
 */
export function google<T>(x: Partial<T>): T {
  return x as T;
}

/** an object the bundle only hands back to Google (a built rule, a chart): it carries none of the interface's methods */
export function token<T>(x: object): T {
  return x as T;
}

/** Google's enums are objects whose string form is their name; the stand-in uses the names themselves. */
export function enumValue<E>(name: string): E {
  return name as unknown as E;
}

/** an enum object of the given names, typed as Google's */
export function enumOf<E extends object>(names: (keyof E & string)[]): E {
  const o: Record<string, string> = {};
  for (const n of names) o[n] = n;
  return o as unknown as E;
}
