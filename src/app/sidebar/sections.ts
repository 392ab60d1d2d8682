// The sidebar's sections, in the order its navigation shows them: the one list the server and the page both read
// (the page's drawing of each is typed over it, so a section added here is named by tsc where it is not drawn).
export const SECTIONS = ["confirm", "remind", "rollup", "record", "zalo", "history"] as const;
export type Section = (typeof SECTIONS)[number];
