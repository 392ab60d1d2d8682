// The sidebar's own script, run by the staff member's browser: written in TypeScript under ./client and bundled by
// tools/build.ts, which puts it here as a string (the page inlines it). Outside the build (a module loaded as source)
// it is empty.
declare const __SIDEBAR_CLIENT__: string | undefined;

export const SIDEBAR_JS: string = typeof __SIDEBAR_CLIENT__ === "string" ? __SIDEBAR_CLIENT__ : "";
