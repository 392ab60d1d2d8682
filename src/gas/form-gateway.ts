// Google Forms: create or update a form from its spec, keep dropdowns in sync, read responses and prefilled links.

import type { Field, FormSpec } from "../domain/forms/spec";
import type { FormTexts } from "../domain/forms/texts";
import { hash } from "../domain/text";
import type { Choices, FormRef, FormTarget, RawResponse, ResponseStub } from "../ports";
import { drive } from "./drive";

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;
type ListItem = GoogleAppsScript.Forms.ListItem;
type MultipleChoiceItem = GoogleAppsScript.Forms.MultipleChoiceItem;
type CheckboxItem = GoogleAppsScript.Forms.CheckboxItem;
type TextItem = GoogleAppsScript.Forms.TextItem;
type ParagraphTextItem = GoogleAppsScript.Forms.ParagraphTextItem;

/** a question as Google types it: add*Item() returns these, and only Item.as*Item() turns an Item into one */
type Question =
  | { kind: "list"; item: ListItem }
  | { kind: "choice"; item: MultipleChoiceItem }
  | { kind: "checkbox"; item: CheckboxItem }
  | { kind: "text"; item: TextItem }
  | { kind: "paragraph"; item: ParagraphTextItem };

const NO_UNITS = "(danh sách đơn vị đang trống)";

/** Google's item type of a question kind */
function itemType(f: Field): GoogleAppsScript.Forms.ItemType {
  switch (f.kind) {
    case "unit":
    case "month":
      return FormApp.ItemType.LIST;
    case "choice":
      return FormApp.ItemType.MULTIPLE_CHOICE;
    case "checkboxes":
      return FormApp.ItemType.CHECKBOX;
    case "shortText":
    case "number":
      return FormApp.ItemType.TEXT;
    case "paragraph":
      return FormApp.ItemType.PARAGRAPH_TEXT;
  }
}

function addQuestion(form: Form, f: Field): Question {
  switch (f.kind) {
    case "unit":
    case "month":
      return { kind: "list", item: form.addListItem() };
    case "choice":
      return { kind: "choice", item: form.addMultipleChoiceItem() };
    case "checkboxes":
      return { kind: "checkbox", item: form.addCheckboxItem() };
    case "shortText":
    case "number":
      return { kind: "text", item: form.addTextItem() };
    case "paragraph":
      return { kind: "paragraph", item: form.addParagraphTextItem() };
  }
}

/** an existing item, typed (its type was checked against the field before) */
function asQuestion(item: Item, f: Field): Question {
  switch (f.kind) {
    case "unit":
    case "month":
      return { kind: "list", item: item.asListItem() };
    case "choice":
      return { kind: "choice", item: item.asMultipleChoiceItem() };
    case "checkboxes":
      return { kind: "checkbox", item: item.asCheckboxItem() };
    case "shortText":
    case "number":
      return { kind: "text", item: item.asTextItem() };
    case "paragraph":
      return { kind: "paragraph", item: item.asParagraphTextItem() };
  }
}

function choicesOf(f: Field, c: Choices): string[] {
  if (f.kind === "unit") return c.unit.length ? c.unit : [NO_UNITS];
  return f.kind === "month" ? c.month : (f.choices ?? []).map((x) => x.label);
}

/**
 * Brings one question in line with its field; returns whether anything was written. The unit and month dropdowns are
 * never read back (thousands of choices, a Forms call each): `listed` says their hash matches what was last written,
 * else they are written whole, one call each.
 */
function syncQuestion(q: Question, f: Field, c: Choices, fresh: boolean, listed: boolean): boolean {
  const item = q.item;
  let changed = fresh;
  if (fresh || item.getTitle() !== f.title) changed = !!item.setTitle(f.title);
  if (fresh || item.getHelpText() !== (f.help ?? "")) changed = !!item.setHelpText(f.help ?? "");
  if (fresh) item.setRequired(f.required);
  if (q.kind === "list") {
    if (fresh || !listed) changed = !!q.item.setChoiceValues(choicesOf(f, c));
  } else if (q.kind === "choice" || q.kind === "checkbox") {
    // a handful of fixed choices: read back, written only when they differ
    const want = choicesOf(f, c);
    const have = fresh
      ? ""
      : q.item
          .getChoices()
          .map((x) => x.getValue())
          .join("\n");
    if (have !== want.join("\n")) changed = !!q.item.setChoiceValues(want);
  }
  if (fresh && q.kind === "text" && f.kind === "number") {
    q.item.setValidation(
      FormApp.createTextValidation()
        .setHelpText("Nhập số nguyên không âm, ví dụ 12.")
        .requireTextMatchesPattern("^\\s*\\d{1,7}\\s*$")
        .build(),
    );
  }
  return changed;
}

/**
 * The form takes responses only once published (forms created by script start unpublished from 2026), and the
 * respondent's address is the signed-in, verified one only with EmailCollectionType.VERIFIED: setCollectEmail(true)
 * does not say so. Both are newer than the installed types and called only where the account has them.
 */
function openForResponses(form: Form, changes: string[], title: string): void {
  const verified = FormApp.EmailCollectionType?.VERIFIED;
  if (form.setEmailCollectionType && verified !== undefined) {
    if (!form.getEmailCollectionType || form.getEmailCollectionType() !== verified) {
      form.setEmailCollectionType(verified);
      changes.push(`biểu mẫu “${title}”: thu email đã xác minh của người gửi`);
    }
  } else if (!form.collectsEmail()) form.setCollectEmail(true);
  // a legacy form has no publish settings: it took responses from anyone with the link when it was made
  const legacy = form.supportsAdvancedResponderPermissions ? !form.supportsAdvancedResponderPermissions() : !form.setPublished;
  if (legacy) return;
  if (form.setPublished && !(form.isPublished?.() ?? false)) {
    form.setPublished(true);
    changes.push(`xuất bản biểu mẫu “${title}”`);
  }
  // publishing does not choose the responders: anyone with the link (chairs outside the federation's domain) is a
  // permission of its own on the form's Drive file, the publishing guide's "Share your form with more responders"
  if (!anyoneResponds(form.getId())) {
    drive().Permissions.create({ type: "anyone", role: "reader", view: "published" }, form.getId());
    changes.push(`mở biểu mẫu “${title}” cho mọi người có đường liên kết`);
  }
}

/** the form takes responses from anyone with its link (its published view shared with anyone) */
export function anyoneResponds(formId: string): boolean {
  const list = drive().Permissions.list(formId, { includePermissionsForView: "published" });
  return (list.permissions ?? []).some((p) => p.type === "anyone" && p.view === "published");
}

export function ensureForm(spec: FormSpec, ref: FormRef | undefined, target: FormTarget): { ref: FormRef; changes: string[] } {
  const { spreadsheetId, choices: c, editors = [], created, lastHash } = target;
  const changes: string[] = [];
  const listed = lastHash !== undefined && lastHash === choicesHash(spec, c);
  let form: Form;
  if (ref?.id) {
    form = FormApp.openById(ref.id);
  } else {
    form = FormApp.create(spec.title);
    form.setAllowResponseEdits(true);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, spreadsheetId);
    created?.({ id: form.getId(), items: {}, prefill: "", publishedUrl: "" });
    changes.push(`tạo biểu mẫu “${spec.title}”`);
  }
  if (form.getTitle() !== spec.title) form.setTitle(spec.title);
  if (form.getDescription() !== spec.description) form.setDescription(spec.description);
  // the page after submitting follows the settings (whether a receipt is promised): written whole each time
  form.setConfirmationMessage(spec.confirmation);
  // every staff account can open the form (a menu action reads its responses as the staff member who clicks)
  if (editors.length) {
    const have = new Set(form.getEditors().map((u) => u.getEmail().toLowerCase()));
    const add = editors.filter((e) => !have.has(e));
    if (add.length) form.addEditors(add);
  }
  const items: Record<string, number> = { ...(ref?.items ?? {}) };
  const existing = new Map<number, Item>();
  for (const it of form.getItems()) existing.set(it.getId(), it);
  // questions a failed setup made before it could record them are taken back by type and title, not made twice
  const known = new Set(Object.values(items));
  const unclaimed = [...existing.values()].filter((it) => !known.has(it.getId()));
  for (const f of spec.fields) {
    let item = items[f.key] !== undefined ? existing.get(items[f.key]) : undefined;
    let adopted = false;
    if (items[f.key] === undefined) {
      const like = (title: string) => unclaimed.findIndex((it) => it.getTitle() === title && it.getType() === itemType(f));
      // its title, or none yet (the run stopped between adding the question and naming it)
      const i = like(f.title) >= 0 ? like(f.title) : like("");
      if (i >= 0) [item, adopted] = [unclaimed.splice(i, 1)[0], true];
    }
    if (item && item.getType() !== itemType(f)) {
      changes.push(`câu “${f.title}” đổi loại: tạo câu mới, câu cũ giữ nguyên để không mất câu trả lời`);
      item = undefined;
    }
    // an adopted question may lack what the failed run had not yet set: it is written whole, like a new one
    const fresh = !item || adopted;
    const q = item ? asQuestion(item, f) : addQuestion(form, f);
    if (syncQuestion(q, f, c, fresh, listed)) changes.push(`${fresh ? "thêm" : "cập nhật"} câu “${f.title}”`);
    items[f.key] = q.item.getId();
  }
  openForResponses(form, changes, spec.title);
  const found = prefillPattern(form, spec, items, c);
  const next: FormRef = { id: form.getId(), items, publishedUrl: form.getPublishedUrl(), prefill: found.pattern, entries: found.entries };
  return { ref: next, changes };
}

/** the texts that follow the settings, only those given: a few calls whatever the form's size */
export function writeTexts(ref: FormRef, texts: Partial<FormTexts>): void {
  const form = FormApp.openById(ref.id);
  if (texts.description !== undefined) form.setDescription(texts.description);
  if (texts.confirmation !== undefined) form.setConfirmationMessage(texts.confirmation);
  for (const [key, help] of Object.entries(texts.help ?? {})) {
    const item = ref.items[key] !== undefined ? form.getItemById(ref.items[key]) : null;
    if (item) item.setHelpText(help);
  }
}

/** the entry.N parameters of a prefilled url */
function entryParams(url: string): [string, string][] {
  const q = url.indexOf("?");
  const out: [string, string][] = [];
  for (const part of q < 0 ? [] : url.slice(q + 1).split("&")) {
    const m = /^entry\.(\d+)=(.*)$/.exec(part);
    if (m) out.push([m[1], m[2]]);
  }
  return out;
}

/**
 * One prefilled url per dropdown, made by Google, tells the question's own entry id: `entry.N` is not Item.getId().
 * The pattern has {{unit}} / {{month}} where each unit's values go (no Forms call per unit).
 */
function prefillPattern(
  form: Form,
  spec: FormSpec,
  items: Record<string, number>,
  c: Choices,
): { pattern: string; entries: Record<string, string> } {
  const entries: Record<string, string> = {};
  let base = "";
  const parts: string[] = [];
  for (const f of spec.fields) {
    if (f.kind !== "unit" && f.kind !== "month") continue;
    const first = choicesOf(f, c)[0];
    const item = form.getItemById(items[f.key]);
    if (!first || !item) continue;
    const url = form.createResponse().withItemResponse(item.asListItem().createResponse(first)).toPrefilledUrl();
    const found = entryParams(url);
    if (found.length !== 1) continue;
    entries[f.key] = found[0][0];
    base ||= url.slice(0, url.indexOf("?"));
    parts.push(`entry.${found[0][0]}={{${f.kind}}}`);
  }
  return { pattern: base ? `${base}?usp=pp_url&${parts.join("&")}` : "", entries };
}

export function prefilledLink(ref: FormRef | undefined, unitChoice: string, monthChoice?: string): string {
  if (!ref?.prefill || !ref.entries) return "";
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, "+");
  let url = ref.prefill.replace("{{unit}}", enc(unitChoice));
  url = monthChoice ? url.replace("{{month}}", enc(monthChoice)) : url.replace(/&entry\.\d+=\{\{month\}\}/, "");
  return url;
}

/** Google's own prefilled url for these answers (the self-check compares the product's links with it) */
export function googlePrefill(ref: FormRef, answers: Record<string, string>): string {
  const form = FormApp.openById(ref.id);
  let r = form.createResponse();
  for (const [key, value] of Object.entries(answers)) {
    const item = form.getItemById(ref.items[key]);
    if (item) r = r.withItemResponse(item.asListItem().createResponse(value));
  }
  return r.toPrefilledUrl();
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

/** a response's answers by field key; `known`: its id and time, when the caller has already asked for them */
export function readResponse(resp: GoogleAppsScript.Forms.FormResponse, ref: FormRef, known?: { id: string; at: number }): RawResponse {
  const byId = new Map<number, string>(Object.entries(ref.items).map(([k, v]) => [v, k]));
  const raw: Record<string, unknown> = {};
  for (const ir of resp.getItemResponses()) {
    const key = byId.get(ir.getItem().getId());
    if (key) raw[key] = ir.getResponse();
  }
  return {
    responseId: known?.id ?? resp.getId(),
    at: known?.at ?? resp.getTimestamp().getTime(),
    email: String(resp.getRespondentEmail() ?? "")
      .trim()
      .toLowerCase(),
    raw,
    editUrl: resp.getEditResponseUrl(),
  };
}

/**
 * The responses since an instant, in the order Google gives them: one call for the list; each response's id and time
 * are asked only when the reconcile reaches it (a call each, remembered), its answers only when the tabs lack it.
 */
export function responsesSince(ref: FormRef, since: number): ResponseStub[] {
  return FormApp.openById(ref.id)
    .getResponses(new Date(since))
    .map((resp) => {
      let id: string | undefined;
      let at: number | undefined;
      const stub: ResponseStub = {
        id: () => {
          id ??= resp.getId();
          return id;
        },
        at: () => {
          at ??= resp.getTimestamp().getTime();
          return at;
        },
        read: () => readResponse(resp, ref, { id: stub.id(), at: stub.at() }),
      };
      return stub;
    });
}

/**
 * The form no longer writes to its response tab in the Sheet: the tab keeps what it holds and gets nothing more, the
 * form keeps every response in its own store (Form.removeDestination)
 */
export function unlinkForm(ref: FormRef): void {
  FormApp.openById(ref.id).removeDestination();
}

/** the id of the form an event came from (a form-submit event's `source`) */
export function formIdOf(source: GoogleAppsScript.Forms.Form | undefined): string {
  return source ? source.getId() : "";
}
