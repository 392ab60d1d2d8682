// The text of anything thrown: a leaf every module can use.

/** the text of anything thrown */
export function messageOf(e: unknown): string {
  if (e && typeof e === "object" && "message" in e) return String((e as { message: unknown }).message);
  return String(e);
}
