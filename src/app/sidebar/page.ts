// What keeps every sidebar reply small at city scale: a list goes to the page a page at a time, found by what staff
// type (code or name, with or without diacritics), with its full count beside it.
import { fold } from "../../domain/text";

/** the most items of one list a reply carries */
const PAGE_SIZE = 50;

/** a list's page as the sidebar shows it */
interface Page<T> {
  items: T[];
  /** how many the list holds in all, and how many match the search */
  total: number;
  matched: number;
  /** where this page starts among those matching */
  offset: number;
}

/** the request's search text and page start, as plain values whatever the page sent */
export function pageRequest(req: { q?: unknown; offset?: unknown } | undefined): { q: string; offset: number } {
  const q = typeof req?.q === "string" ? req.q.slice(0, 100) : "";
  const n = Number(req?.offset ?? 0);
  return { q, offset: Number.isFinite(n) && n > 0 ? Math.floor(n) : 0 };
}

/** the page of `items` matching `q` that starts at `offset` */
export function pageOf<T>(items: T[], text: (x: T) => string, req: { q: string; offset: number }, size = PAGE_SIZE): Page<T> {
  const q = fold(req.q);
  const matching = q ? items.filter((x) => fold(text(x)).includes(q)) : items;
  const offset = Math.min(req.offset, Math.max(0, matching.length - 1));
  return { items: matching.slice(offset, offset + size), total: items.length, matched: matching.length, offset };
}
