// In-memory FormApp: forms, the item kinds the product uses, responses with ids, edits and prefilled links.
import type { World } from "./world.js";

const F = "FormApp" as const;

export type ItemKind = "LIST" | "MULTIPLE_CHOICE" | "CHECKBOX" | "TEXT" | "PARAGRAPH_TEXT" | "SECTION_HEADER";

export interface ItemModel {
  id: number;
  kind: ItemKind;
  title: string;
  helpText: string;
  required: boolean;
  choices: string[];
  validation: Record<string, unknown> | null;
}

export interface ResponseModel {
  id: string;
  timestamp: number;
  email: string;
  answers: Map<number, string | string[]>;
  history: { timestamp: number; answers: Map<number, string | string[]> }[];
}

export interface FormModel {
  id: string;
  title: string;
  description: string;
  items: ItemModel[];
  responses: ResponseModel[];
  collectEmail: boolean;
  allowEdits: boolean;
  confirmation: string;
  destination: string | null;
  destinationSheet: string | null;
  acceptingResponses: boolean;
}

export class StandinItem {
  constructor(
    private w: World,
    readonly form: FormModel,
    readonly model: ItemModel,
  ) {}
  private hit(m: string) {
    this.w.meter.hit(F, `Item.${m}`);
  }
  getId() {
    this.hit("getId");
    return this.model.id;
  }
  getTitle() {
    this.hit("getTitle");
    return this.model.title;
  }
  setTitle(t: string) {
    this.hit("setTitle");
    this.model.title = t;
    return this;
  }
  getHelpText() {
    this.hit("getHelpText");
    return this.model.helpText;
  }
  setHelpText(t: string) {
    this.hit("setHelpText");
    this.model.helpText = t;
    return this;
  }
  getType() {
    this.hit("getType");
    return this.model.kind;
  }
  isRequired() {
    this.hit("isRequired");
    return this.model.required;
  }
  setRequired(on: boolean) {
    this.hit("setRequired");
    this.model.required = on;
    return this;
  }
  setChoiceValues(values: string[]) {
    this.hit("setChoiceValues");
    if (!values.length) throw new Error("Choices cannot be empty.");
    this.model.choices = [...values];
    return this;
  }
  getChoices() {
    this.hit("getChoices");
    return this.model.choices.map((v) => ({ getValue: () => v }));
  }
  setValidation(v: { __validation: Record<string, unknown> }) {
    this.hit("setValidation");
    this.model.validation = v.__validation;
    return this;
  }
  createResponse(value: string | string[]) {
    this.hit("createResponse");
    return { __item: this.model.id, __value: value };
  }
  asListItem() {
    this.hit("asListItem");
    return this.expect("LIST");
  }
  asMultipleChoiceItem() {
    this.hit("asMultipleChoiceItem");
    return this.expect("MULTIPLE_CHOICE");
  }
  asCheckboxItem() {
    this.hit("asCheckboxItem");
    return this.expect("CHECKBOX");
  }
  asTextItem() {
    this.hit("asTextItem");
    return this.expect("TEXT");
  }
  asParagraphTextItem() {
    this.hit("asParagraphTextItem");
    return this.expect("PARAGRAPH_TEXT");
  }
  asSectionHeaderItem() {
    this.hit("asSectionHeaderItem");
    return this.expect("SECTION_HEADER");
  }
  private expect(kind: ItemKind) {
    if (this.model.kind !== kind) throw new Error(`Item ${this.model.id} is not a ${kind} item.`);
    return this;
  }
}

export class StandinItemResponse {
  constructor(
    private w: World,
    private item: StandinItem,
    private value: string | string[],
  ) {}
  getItem() {
    this.w.meter.hit(F, "ItemResponse.getItem");
    return this.item;
  }
  getResponse() {
    this.w.meter.hit(F, "ItemResponse.getResponse");
    return Array.isArray(this.value) ? this.w.makeArrayFrom(this.value) : this.value;
  }
}

export class StandinFormResponse {
  constructor(
    private w: World,
    readonly form: FormModel,
    readonly model: ResponseModel,
  ) {}
  private hit(m: string) {
    this.w.meter.hit(F, `FormResponse.${m}`);
  }
  getId() {
    this.hit("getId");
    return this.model.id;
  }
  getTimestamp() {
    this.hit("getTimestamp");
    return this.w.makeDate(this.model.timestamp);
  }
  getRespondentEmail() {
    this.hit("getRespondentEmail");
    return this.model.email;
  }
  getEditResponseUrl() {
    this.hit("getEditResponseUrl");
    return `https://docs.google.com/forms/d/e/${this.form.id}/viewform?edit2=${encodeURIComponent(this.model.id)}`;
  }
  getItemResponses() {
    this.hit("getItemResponses");
    const out = this.w.makeArray();
    for (const item of this.form.items) {
      const v = this.model.answers.get(item.id);
      if (v === undefined || (Array.isArray(v) ? v.length === 0 : v === "")) continue;
      out.push(new StandinItemResponse(this.w, new StandinItem(this.w, this.form, item), v));
    }
    return out;
  }
}

export class StandinPrefill {
  private values = new Map<number, string | string[]>();
  constructor(
    private w: World,
    private form: FormModel,
  ) {}
  withItemResponse(r: { __item: number; __value: string | string[] }) {
    this.w.meter.hit(F, "FormResponse.withItemResponse");
    this.values.set(r.__item, r.__value);
    return this;
  }
  toPrefilledUrl() {
    this.w.meter.hit(F, "FormResponse.toPrefilledUrl");
    const parts: string[] = ["usp=pp_url"];
    for (const [id, v] of this.values) {
      for (const one of Array.isArray(v) ? v : [v]) parts.push(`entry.${id}=${encodeURIComponent(one).replace(/%20/g, "+")}`);
    }
    return `https://docs.google.com/forms/d/e/${this.form.id}/viewform?${parts.join("&")}`;
  }
}

export class StandinForm {
  constructor(
    private w: World,
    readonly model: FormModel,
  ) {}
  private hit(m: string) {
    this.w.meter.hit(F, `Form.${m}`);
  }
  private add(kind: ItemKind) {
    const item: ItemModel = {
      id: this.w.nextItemId(),
      kind,
      title: "",
      helpText: "",
      required: false,
      choices: [],
      validation: null,
    };
    this.model.items.push(item);
    return new StandinItem(this.w, this.model, item);
  }
  getId() {
    this.hit("getId");
    return this.model.id;
  }
  getTitle() {
    this.hit("getTitle");
    return this.model.title;
  }
  setTitle(t: string) {
    this.hit("setTitle");
    this.model.title = t;
    return this;
  }
  setDescription(d: string) {
    this.hit("setDescription");
    this.model.description = d;
    return this;
  }
  getDescription() {
    this.hit("getDescription");
    return this.model.description;
  }
  setCollectEmail(on: boolean) {
    this.hit("setCollectEmail");
    this.model.collectEmail = on;
    return this;
  }
  setAllowResponseEdits(on: boolean) {
    this.hit("setAllowResponseEdits");
    this.model.allowEdits = on;
    return this;
  }
  setConfirmationMessage(m: string) {
    this.hit("setConfirmationMessage");
    this.model.confirmation = m;
    return this;
  }
  setDestination(_type: string, id: string) {
    this.hit("setDestination");
    this.model.destination = id;
    this.w.linkFormToSheet(this.model, id);
    return this;
  }
  getDestinationId() {
    this.hit("getDestinationId");
    if (!this.model.destination) throw new Error("This form does not currently have a response destination.");
    return this.model.destination;
  }
  getPublishedUrl() {
    this.hit("getPublishedUrl");
    return `https://docs.google.com/forms/d/e/${this.model.id}/viewform`;
  }
  getEditUrl() {
    this.hit("getEditUrl");
    return `https://docs.google.com/forms/d/${this.model.id}/edit`;
  }
  getItems() {
    this.hit("getItems");
    const out = this.w.makeArray();
    for (const i of this.model.items) out.push(new StandinItem(this.w, this.model, i));
    return out;
  }
  getItemById(id: number) {
    this.hit("getItemById");
    const i = this.model.items.find((x) => x.id === Number(id));
    return i ? new StandinItem(this.w, this.model, i) : null;
  }
  deleteItem(item: StandinItem) {
    this.hit("deleteItem");
    this.model.items = this.model.items.filter((i) => i !== item.model);
  }
  moveItem(item: StandinItem, to: number) {
    this.hit("moveItem");
    const list = this.model.items.filter((i) => i !== item.model);
    list.splice(to, 0, item.model);
    this.model.items = list;
    return item;
  }
  addListItem() {
    this.hit("addListItem");
    return this.add("LIST");
  }
  addMultipleChoiceItem() {
    this.hit("addMultipleChoiceItem");
    return this.add("MULTIPLE_CHOICE");
  }
  addCheckboxItem() {
    this.hit("addCheckboxItem");
    return this.add("CHECKBOX");
  }
  addTextItem() {
    this.hit("addTextItem");
    return this.add("TEXT");
  }
  addParagraphTextItem() {
    this.hit("addParagraphTextItem");
    return this.add("PARAGRAPH_TEXT");
  }
  addSectionHeaderItem() {
    this.hit("addSectionHeaderItem");
    return this.add("SECTION_HEADER");
  }
  createResponse() {
    this.hit("createResponse");
    return new StandinPrefill(this.w, this.model);
  }
  getResponses(since?: Date) {
    this.hit("getResponses");
    const t = since ? since.getTime() : Number.NEGATIVE_INFINITY;
    const out = this.w.makeArray();
    for (const r of this.model.responses) if (r.timestamp >= t) out.push(new StandinFormResponse(this.w, this.model, r));
    return out;
  }
  getResponse(id: string) {
    this.hit("getResponse");
    const r = this.model.responses.find((x) => x.id === id);
    if (!r) throw new Error(`No response with ID ${id} exists for this form.`);
    return new StandinFormResponse(this.w, this.model, r);
  }
}

export class StandinTextValidationBuilder {
  private v: Record<string, unknown> = {};
  constructor(private w: World) {}
  requireWholeNumber() {
    this.w.meter.hit(F, "TextValidationBuilder.requireWholeNumber");
    this.v.wholeNumber = true;
    return this;
  }
  requireNumberGreaterThanOrEqualTo(n: number) {
    this.w.meter.hit(F, "TextValidationBuilder.requireNumberGreaterThanOrEqualTo");
    this.v.min = n;
    return this;
  }
  requireNumberBetween(a: number, b: number) {
    this.w.meter.hit(F, "TextValidationBuilder.requireNumberBetween");
    this.v.min = a;
    this.v.max = b;
    return this;
  }
  requireTextMatchesPattern(p: string) {
    this.w.meter.hit(F, "TextValidationBuilder.requireTextMatchesPattern");
    this.v.pattern = p;
    return this;
  }
  setHelpText(t: string) {
    this.w.meter.hit(F, "TextValidationBuilder.setHelpText");
    this.v.helpText = t;
    return this;
  }
  build() {
    this.w.meter.hit(F, "TextValidationBuilder.build");
    return { __validation: { ...this.v } };
  }
}
