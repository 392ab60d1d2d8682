// Staff confirm a response whose sender could not be verified: it then counts at its original time.
import { viDateTime } from "../domain/dates";
import { FORM_IDS, SPECS } from "../domain/forms";
import type { Ports } from "./ports";
import { refreshStatuses } from "./refresh";
import { withStore } from "./run";

export function confirmResponses(p: Ports, ids: string[]): string {
  const wanted = new Set(ids.map((x) => x.trim()).filter(Boolean));
  if (!wanted.size) return "Chưa nhập mã phản hồi.";
  return withStore(p, ({ state, store }) => {
    const mark = `Đã xác nhận: ${p.user() || "cán bộ"}, ${viDateTime(p.clock.now(), state.settings?.timeZone ?? "Asia/Ho_Chi_Minh")}`;
    const done = new Set<string>();
    for (const form of FORM_IDS) {
      for (const v of store.readVersions(form).versions) {
        if (!wanted.has(v.responseId) || v.confirmed || v.verdict !== "unverified") continue;
        // the mark goes on each unverified version of the response (column G)
        store.writeRows(SPECS[form].tab, v.row, [[mark]], 7);
        done.add(v.responseId);
      }
    }
    if (done.size) refreshStatuses(p, store, p.state.load().state);
    const rest = [...wanted].filter((id) => !done.has(id));
    const msg = [
      done.size ? `Đã xác nhận: ${[...done].join(", ")}.` : "",
      rest.length ? `Không có phản hồi chờ xác nhận với mã: ${rest.join(", ")} (sai mã hoặc đã xác nhận trước đó).` : "",
    ]
      .join("\n")
      .trim();
    p.state.record("run", { job: "Xác nhận người gửi", result: done.size ? "xong" : "không có gì", detail: msg });
    return msg;
  });
}
