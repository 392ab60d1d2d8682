// A report received on paper, by email or by message: the form's questions with their help texts as the form shows
// them, the date typed dd/mm/yyyy hh:mm whatever the browser's language, and a second report of the same unit and
// period asked first.
import type { FieldView, RecordView } from "../../../app/sidebar";
import { act, askFirst, h, say } from "../dom";
import { server } from "../server";
import { unitPicker } from "../units";
import type { Ctx, View } from "../view";

/** dd/mm/yyyy hh:mm, a real day and time (the server checks it again) */
function validDateTime(text: string): boolean {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2})[:h](\d{2})$/.exec(text.trim());
  if (!m) return false;
  const [d, mo, y, hh, mi] = m.slice(1).map(Number);
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days && hh <= 23 && mi <= 59;
}

/** the date field helps as staff type: the slashes, the space and the colon come by themselves */
function masked(input: HTMLInputElement): void {
  input.addEventListener("input", (e) => {
    if ((e as InputEvent).inputType?.startsWith("delete")) return;
    const digits = input.value.replace(/\D/g, "").slice(0, 12);
    const parts = [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4, 8), digits.slice(8, 10), digits.slice(10, 12)];
    let out = parts[0];
    if (digits.length > 2) out += `/${parts[1]}`;
    if (digits.length > 4) out += `/${parts[2]}`;
    if (digits.length > 8) out += ` ${parts[3]}`;
    if (digits.length > 10) out += `:${parts[4]}`;
    input.value = out;
  });
}

function fieldInput(f: FieldView, id: string): HTMLElement {
  if (f.kind === "paragraph") return h("textarea", { id });
  if (f.kind === "number") return h("input", { type: "number", min: "0", step: "1", id });
  if (f.kind === "choice") {
    const el = h("select", { id }, h("option", { value: "", text: "– chọn –" }));
    for (const c of f.choices) el.appendChild(h("option", { value: c.key, text: c.label }));
    return el;
  }
  if (f.kind === "checkboxes") {
    const el = h("div", { id });
    for (const c of f.choices)
      el.appendChild(h("label", { class: "check" }, h("input", { type: "checkbox", value: c.key }), h("span", { text: c.label })));
    return el;
  }
  return h("input", { type: "text", id });
}

function answerOf(f: FieldView, el: HTMLElement): string | string[] {
  if (f.kind === "checkboxes")
    return Array.from(el.querySelectorAll("input"))
      .filter((b) => b.checked)
      .map((b) => b.value);
  return (el as HTMLInputElement).value;
}

/** the section's controls, and the answer inputs of the kind of report chosen */
interface RecordForm {
  kind: HTMLSelectElement;
  unit: { search: HTMLInputElement; select: HTMLSelectElement };
  month: HTMLSelectElement;
  /** the month and its label: only a monthly report has one */
  monthBlock: HTMLElement;
  channel: HTMLSelectElement;
  at: HTMLInputElement;
  fields: HTMLElement;
  ask: HTMLElement;
  inputs: { field: FieldView; el: HTMLElement }[];
}

/** a choice list of `choices`, in their order */
function choiceList(name: string, id: string, choices: { value: string; label: string }[]): HTMLSelectElement {
  const el = h("select", { name, id });
  for (const c of choices) el.appendChild(h("option", { value: c.value, text: c.label }));
  return el;
}

function controls(d: RecordView): RecordForm {
  const kind = choiceList(
    "form",
    "rec-form",
    [...d.forms].reverse().map((f) => ({ value: f.id, label: f.title })),
  );
  const month = choiceList("month", "rec-month", d.months);
  const at = h("input", {
    type: "text",
    inputmode: "numeric",
    name: "at",
    id: "rec-at",
    required: true,
    value: d.now,
    placeholder: "ngày/tháng/năm giờ:phút",
    autocomplete: "off",
  });
  masked(at);
  return {
    kind,
    unit: unitPicker("rec-unit", d.units, d.unitCount),
    month,
    monthBlock: h("div", {}, h("label", { for: "rec-month", text: "Tháng *" }), month),
    channel: choiceList("channel", "rec-channel", d.channels),
    at,
    fields: h("div", {}),
    ask: h("div", { class: "confirm", hidden: true }),
    inputs: [],
  };
}

/** the questions of the kind of report chosen, each with its help as the form shows it */
function drawFields(d: RecordView, c: RecordForm): void {
  const { fields, kind } = c;
  fields.textContent = "";
  c.inputs = [];
  const spec = d.forms.find((f) => f.id === kind.value);
  // the registration has no month: its label goes with its field
  c.monthBlock.hidden = kind.value !== "monthly";
  for (const f of spec?.fields ?? []) {
    if (f.kind === "unit" || f.kind === "month") continue;
    const id = `rec-${f.key}`;
    const el = fieldInput(f, id);
    c.inputs.push({ field: f, el });
    fields.appendChild(h("label", { for: id, text: f.title + (f.required ? " *" : "") }));
    if (f.help) fields.appendChild(h("p", { class: "hint", text: f.help }));
    fields.appendChild(el);
  }
}

function formOf(c: RecordForm): HTMLFormElement {
  const form = h("form", { id: "record" });
  form.append(
    h("label", { for: "rec-form", text: "Loại báo cáo" }),
    c.kind,
    h("label", { for: "rec-unit", text: "Đơn vị *" }),
    c.unit.search,
    c.unit.select,
    c.monthBlock,
    h("label", { for: "rec-channel", text: "Nhận qua" }),
    c.channel,
    h("label", { for: "rec-at", text: "Ngày giờ Liên đoàn nhận được *" }),
    h("p", { class: "hint", text: "Ghi ngày/tháng/năm giờ:phút, ví dụ 15/10/2018 09:30." }),
    c.at,
    c.fields,
    h("div", { class: "row" }, h("button", { class: "act primary", type: "submit", text: "Ghi nhận" })),
    c.ask,
  );
  return form;
}

/** what is missing or written wrong, said; true when nothing is */
function complete(c: RecordForm): boolean {
  const missing: string[] = [];
  for (const x of c.inputs) {
    const v = answerOf(x.field, x.el);
    if (x.field.required && (Array.isArray(v) ? !v.length : !v.trim())) missing.push(x.field.title);
  }
  if (!c.unit.select.value) missing.unshift("Đơn vị");
  if (missing.length) {
    say(`Còn thiếu: ${missing.join(", ")}.`, "err");
    return false;
  }
  if (!validDateTime(c.at.value)) {
    say("Ngày giờ nhận chưa đúng: ghi theo dạng ngày/tháng/năm giờ:phút, ví dụ 15/10/2018 09:30.", "err");
    return false;
  }
  return true;
}

/** the report to the server; a second report of the same unit and period is asked first (`force`: asked, and yes) */
function send(d: RecordView, c: RecordForm, force: boolean): void {
  const answers: Record<string, string | string[]> = {};
  for (const x of c.inputs) answers[x.field.key] = answerOf(x.field, x.el);
  const req = {
    form: c.kind.value,
    unit: c.unit.select.value,
    month: c.month.value,
    channel: c.channel.value,
    at: c.at.value.trim(),
    answers,
    force,
  };
  act(() => server.sidebarRecord(req)).then((r) => {
    if (r?.kind === "ask") askFirst(c.ask, r.message, "Vẫn ghi nhận", () => send(d, c, true));
    else if (r?.ok) {
      c.ask.hidden = true;
      c.unit.select.value = "";
      drawFields(d, c);
    }
  });
}

function draw(d: RecordView, ctx: Ctx): void {
  const { main } = ctx;
  main.textContent = "";
  main.appendChild(h("h2", { text: "Ghi nhận báo cáo giấy, email, tin nhắn" }));
  const c = controls(d);
  c.kind.addEventListener("change", () => drawFields(d, c));
  const form = formOf(c);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (complete(c)) send(d, c, false);
  });
  main.appendChild(form);
  drawFields(d, c);
}

export const recordView: View<RecordView> = { label: "Ghi nhận", draw };
