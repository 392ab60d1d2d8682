// Google Forms: create or update a form from its spec, keep dropdowns in sync, read responses and prefilled links.
import type { Choices, FormRef } from "../app/ports";
import type { Field, FormSpec } from "../domain/forms/spec";
import { hash } from "../domain/text";

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;

// Google's item type, and the Form / Item methods that make and type it, per kind of question
const KIND: Record<Field["kind"], [string, string]> = {
  unit: ["LIST", "ListItem"],
  month: ["LIST", "ListItem"],
  choice: ["MULTIPLE_CHOICE", "MultipleChoiceItem"],
  checkboxes: ["CHECKBOX", "CheckboxItem"],
  shortText: ["TEXT", "TextItem"],
  number: ["TEXT", "TextItem"],
  paragraph: ["PARAGRAPH_TEXT", "ParagraphTextItem"],
};

export const NO_UNITS = "(danh sách đơn vị đang trống)";

type Dyn = Record<string, (...a: unknown[]) => Dyn & Item>;

function choicesOf(f: Field, c: Choices): string[] {
  if (f.kind === "unit") return c.unit.length ? c.unit : [NO_UNITS];
  return f.kind === "month" ? c.month : (f.choices ?? []).map((x) => x.label);
}

/** brings one item in line with its field; returns whether anything was written */
function syncItem(item: Item, f: Field, c: Choices, fresh: boolean): boolean {
  const typed = (item as unknown as Dyn)[`as${KIND[f.kind][1]}`]();
  let changed = fresh;
  if (fresh || item.getTitle() !== f.title) changed = !!item.setTitle(f.title);
  if (fresh || item.getHelpText() !== (f.help ?? "")) changed = !!item.setHelpText(f.help ?? "");
  if (fresh) typed.setRequired(f.required);
  if (f.choices || f.kind === "unit" || f.kind === "month") {
    const want = choicesOf(f, c);
    const have = fresh ? "" : (typed.getChoices() as unknown as { getValue(): string }[]).map((x) => x.getValue()).join("\n");
    if (have !== want.join("\n")) changed = !!typed.setChoiceValues(want);
  }
  if (fresh && f.kind === "number") {
    typed.setValidation(
      FormApp.createTextValidation()
        .setHelpText("Nhập số nguyên không âm, ví dụ 12.")
        .requireTextMatchesPattern("^\\s*\\d{1,7}\\s*$")
        .build(),
    );
  }
  return changed;
}

export function ensureForm(
  spec: FormSpec,
  ref: FormRef | undefined,
  spreadsheetId: string,
  c: Choices,
): { ref: FormRef; changes: string[] } {
  const changes: string[] = [];
  let form: Form;
  if (ref?.id) {
    form = FormApp.openById(ref.id);
  } else {
    form = FormApp.create(spec.title);
    form.setCollectEmail(true);
    form.setAllowResponseEdits(true);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, spreadsheetId);
    changes.push(`tạo biểu mẫu “${spec.title}”`);
  }
  if (form.getTitle() !== spec.title) form.setTitle(spec.title);
  if (form.getDescription() !== spec.description) form.setDescription(spec.description);
  form.setConfirmationMessage(spec.confirmation);
  const items: Record<string, number> = { ...(ref?.items ?? {}) };
  const existing = new Map<number, Item>();
  for (const it of form.getItems()) existing.set(it.getId(), it);
  for (const f of spec.fields) {
    let item = items[f.key] !== undefined ? existing.get(items[f.key]) : undefined;
    if (item && String(item.getType()) !== KIND[f.kind][0]) {
      changes.push(`câu “${f.title}” đổi loại: tạo câu mới, câu cũ giữ nguyên để không mất câu trả lời`);
      item = undefined;
    }
    const fresh = !item;
    if (!item) item = (form as unknown as Dyn)[`add${KIND[f.kind][1]}`]();
    if (syncItem(item, f, c, fresh)) changes.push(`${fresh ? "thêm" : "cập nhật"} câu “${f.title}”`);
    items[f.key] = item.getId();
  }
  const next: FormRef = {
    id: form.getId(),
    items,
    publishedUrl: form.getPublishedUrl(),
    prefill: prefillPattern(form, spec, items, c),
  };
  return { ref: next, changes };
}

/** one prefilled url, made once, with placeholders where each unit's values go (no Forms call per unit) */
function prefillPattern(form: Form, spec: FormSpec, items: Record<string, number>, c: Choices): string {
  const r = form.createResponse();
  const marks: Record<number, string> = {};
  for (const f of spec.fields) {
    if (f.kind !== "unit" && f.kind !== "month") continue;
    const first = choicesOf(f, c)[0];
    if (!first) continue;
    const item = form.getItemById(items[f.key]);
    if (!item) continue;
    r.withItemResponse(item.asListItem().createResponse(first));
    marks[items[f.key]] = f.kind === "unit" ? "{{unit}}" : "{{month}}";
  }
  const url = r.toPrefilledUrl();
  return url.replace(/entry\.(\d+)=([^&]*)/g, (m, id: string) => (marks[Number(id)] ? `entry.${id}=${marks[Number(id)]}` : m));
}

export function prefilledLink(ref: FormRef | undefined, unitChoice: string, monthChoice?: string): string {
  if (!ref?.prefill) return "";
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, "+");
  let url = ref.prefill.replace("{{unit}}", enc(unitChoice));
  url = monthChoice ? url.replace("{{month}}", enc(monthChoice)) : url.replace(/&entry\.\d+=\{\{month\}\}/, "");
  return url;
}

/** writes a form's dropdown choices only when they changed since last time (at most one Forms write each) */
export function choicesHash(spec: FormSpec, c: Choices): string {
  return hash(JSON.stringify([c.unit, spec.fields.some((f) => f.kind === "month") ? c.month : []]));
}

export function syncChoices(spec: FormSpec, ref: FormRef, c: Choices, lastHash: string | undefined): string | undefined {
  const h = choicesHash(spec, c);
  if (h === lastHash) return lastHash;
  const form = FormApp.openById(ref.id);
  for (const f of spec.fields) {
    if (f.kind !== "unit" && f.kind !== "month") continue;
    const item = form.getItemById(ref.items[f.key]);
    if (item) item.asListItem().setChoiceValues(choicesOf(f, c));
  }
  return h;
}

import type { RawResponse, ResponseStub } from "../app/ports";

export function readResponse(resp: GoogleAppsScript.Forms.FormResponse, ref: FormRef): RawResponse {
  const byId = new Map<number, string>(Object.entries(ref.items).map(([k, v]) => [v, k]));
  const raw: Record<string, unknown> = {};
  for (const ir of resp.getItemResponses()) {
    const key = byId.get(ir.getItem().getId());
    if (key) raw[key] = ir.getResponse();
  }
  return {
    responseId: resp.getId(),
    at: resp.getTimestamp().getTime(),
    email: String(resp.getRespondentEmail() ?? "")
      .trim()
      .toLowerCase(),
    raw,
    editUrl: resp.getEditResponseUrl(),
  };
}

/** the responses since an instant as ids and times: two calls each; answers are read only when asked for */
export function responsesSince(ref: FormRef, since: number): ResponseStub[] {
  return FormApp.openById(ref.id)
    .getResponses(new Date(since))
    .map((resp) => ({ responseId: resp.getId(), at: resp.getTimestamp().getTime(), read: () => readResponse(resp, ref) }));
}

export function formIdOf(source: unknown): string {
  const s = source as { getId?: () => string } | undefined;
  return s && typeof s.getId === "function" ? s.getId() : "";
}
