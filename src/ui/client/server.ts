// The server's sidebar functions as the page calls them: a Proxy over google.script.run typed by the entry module's
// own exports (every `sidebar…` function of src/main.ts), each answering a promise of its reply. A function renamed or
// given another argument on the server is named by tsc here and wherever the page calls it.
import type * as entry from "../../main";

type Entry = typeof entry;
type ServerName = Extract<keyof Entry, `sidebar${string}`>;
type Promised<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never;
type ServerFunctions = { [K in ServerName]: Promised<Entry[K]> };
export type Reply = ReturnType<Entry["sidebarLoad"]>;

/** google.script.run as HtmlService gives it to the page: handlers chained, then the server function by name */
interface Runner {
  withSuccessHandler(f: (value: unknown) => void): Runner;
  withFailureHandler(f: (error: unknown) => void): Runner;
}
declare const google: { script: { run: Runner } };

const failed = (e: unknown): Reply => ({
  ok: false,
  message: `Không thực hiện được: ${e && typeof e === "object" && "message" in e ? String((e as Error).message) : String(e)}`,
});

export const server = new Proxy({} as ServerFunctions, {
  get(_target, name) {
    return (...args: unknown[]) =>
      new Promise((resolve) => {
        const run = google.script.run
          .withSuccessHandler((v) => resolve(v ?? { ok: false, message: "Không có trả lời." }))
          .withFailureHandler((e) => resolve(failed(e)));
        (run as unknown as Record<string, (...a: unknown[]) => void>)[String(name)](...args);
      });
  },
});
