// In-memory FormApp, typed from Google's definitions: forms, the item kinds the product uses, responses, prefilled links.
// Each class implements a Pick of the Apps Script interface it stands for and offers nothing more (see Only<>).
import { enumOf, enumValue, google, type Only } from "../google.js";
import type { World } from "../world.js";

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;
type ItemType = GoogleAppsScript.Forms.ItemType;
type ListItem = GoogleAppsScript.Forms.ListItem;
type MultipleChoiceItem = GoogleAppsScript.Forms.MultipleChoiceItem;
type CheckboxItem = GoogleAppsScript.Forms.CheckboxItem;
type TextItem = GoogleAppsScript.Forms.TextItem;
type ParagraphTextItem = GoogleAppsScript.Forms.ParagraphTextItem;
type SectionHeaderItem = GoogleAppsScript.Forms.SectionHeaderItem;
type ItemResponse = GoogleAppsScript.Forms.ItemResponse;
type FormResponse = GoogleAppsScript.Forms.FormResponse;
type Choice = GoogleAppsScript.Forms.Choice;
type TextValidation = GoogleAppsScript.Forms.TextValidation;
type TextValidationBuilder = GoogleAppsScript.Forms.TextValidationBuilder;
type EmailCollectionType = GoogleAppsScript.Forms.EmailCollectionType;
type FormApp = GoogleAppsScript.Forms.FormApp;

const F = "FormApp" as const;

export type ItemKind = "LIST" | "MULTIPLE_CHOICE" | "CHECKBOX" | "TEXT" | "PARAGRAPH_TEXT" | "SECTION_HEADER";
export type EmailCollection = "DO_NOT_COLLECT" | "VERIFIED" | "RESPONDER_INPUT";

export interface ItemModel {
  /** Item.getId() */
  id: number;
  /**
   * The question's own id: the N of `entry.N` in a prefilled link. Google keeps it apart from the item id
   * (https://developers.google.com/workspace/forms/api/reference/rest/v1/forms#Question, questionId vs itemId;
   * https://github.com/oshliaer/google-apps-script-snippets/issues/17 shows item 1144844846 answered as entry.1854759972).
   */
  questionId: number;
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
  /** by item id */
  answers: Map<number, string | string[]>;
  history: { timestamp: number; answers: Map<number, string | string[]> }[];
}

export interface FormModel {
  id: string;
  title: string;
  description: string;
  items: ItemModel[];
  responses: ResponseModel[];
  emailCollection: EmailCollection;
  allowEdits: boolean;
  confirmation: string;
  destination: string | null;
  destinationSheet: string | null;
  /** forms created by script start unpublished (https://developers.google.com/workspace/forms/api/guides/api-changes-to-google-forms) */
  published: boolean;
  acceptingResponses: boolean;
  /** the Drive file's owner and editors: only they can open the form by id */
  owner: string;
  editors: string[];
  /**
   * Drive permissions on the form (a form is a Drive file): `{type: "anyone", view: "published"}` opens it to anyone
   * with the link; without it, a published form takes responses only from the people it is shared with
   * (https://developers.google.com/workspace/forms/api/guides/publish-form)
   */
  permissions?: import("../documents/drive-access.js").DrivePermission[];
  /** a form made before the publishing model: no publish settings, open to anyone with the link as it always was */
  legacy?: boolean;
}

/** the members every item kind shares */
type Common = "getId" | "getTitle" | "setTitle" | "getHelpText" | "setHelpText" | "getType" | "getIndex";

abstract class ItemBase<Self> {
  constructor(
    protected w: World,
    readonly form: FormModel,
    readonly model: ItemModel,
  ) {}
  protected hit(m: string) {
    this.w.meter.hit(F, `Item.${m}`);
  }
  /** fluent setters return the item under its Google type; the subclass's Pick holds it to that type */
  protected self(): Self {
    return this as unknown as Self;
  }
  getId(): number {
    this.hit("getId");
    return this.model.id;
  }
  getIndex(): number {
    this.hit("getIndex");
    return this.form.items.indexOf(this.model);
  }
  getTitle(): string {
    this.hit("getTitle");
    return this.model.title;
  }
  setTitle(t: string): Self {
    this.hit("setTitle");
    this.model.title = t;
    return this.self();
  }
  getHelpText(): string {
    this.hit("getHelpText");
    return this.model.helpText;
  }
  setHelpText(t: string): Self {
    this.hit("setHelpText");
    this.model.helpText = t;
    return this.self();
  }
  getType(): ItemType {
    this.hit("getType");
    return enumValue<ItemType>(this.model.kind);
  }
  protected setRequiredModel(on: boolean): Self {
    this.hit("setRequired");
    this.model.required = on;
    return this.self();
  }
  protected answer(value: string | string[]): ItemResponse {
    this.hit("createResponse");
    return google<ItemResponse>(new StandinItemResponse(this.w, this.form, this.model, value));
  }
}

/** ListItem, MultipleChoiceItem: one choice from a list */
abstract class ChoiceItemBase<Self> extends ItemBase<Self> {
  isRequired(): boolean {
    this.hit("isRequired");
    return this.model.required;
  }
  setRequired(on: boolean): Self {
    return this.setRequiredModel(on);
  }
  getChoices(): Choice[] {
    this.hit("getChoices");
    return this.w.makeArrayFrom(this.model.choices.map((v) => google<Choice>(new StandinChoice(this.w, v))));
  }
  setChoiceValues(values: string[]): Self {
    this.hit("setChoiceValues");
    if (!values.length) throw this.w.fail("emptyChoices");
    this.model.choices = [...values];
    return this.self();
  }
  /** "Throws an exception if the response argument does not match a valid choice for this item" (list-item#createResponse) */
  createResponse(response: string): ItemResponse {
    if (!this.model.choices.includes(response)) throw this.w.fail("invalidChoice", response);
    return this.answer(response);
  }
}

type ChoiceKeys = Common | "isRequired" | "setRequired" | "getChoices" | "setChoiceValues" | "createResponse";
type ItemInternal = "form" | "model";

export class StandinListItem extends ChoiceItemBase<ListItem> implements Pick<ListItem, ChoiceKeys> {}
export type _ListItemOnly = Only<Exclude<keyof StandinListItem, keyof ListItem | ItemInternal>>;

export class StandinMultipleChoiceItem extends ChoiceItemBase<MultipleChoiceItem> implements Pick<MultipleChoiceItem, ChoiceKeys> {}
export type _MultipleChoiceOnly = Only<Exclude<keyof StandinMultipleChoiceItem, keyof MultipleChoiceItem | ItemInternal>>;

export class StandinCheckboxItem
  extends ItemBase<CheckboxItem>
  implements Pick<CheckboxItem, Common | "isRequired" | "setRequired" | "getChoices" | "setChoiceValues" | "createResponse">
{
  isRequired(): boolean {
    this.hit("isRequired");
    return this.model.required;
  }
  setRequired(on: boolean): CheckboxItem {
    return this.setRequiredModel(on);
  }
  getChoices(): Choice[] {
    this.hit("getChoices");
    return this.w.makeArrayFrom(this.model.choices.map((v) => google<Choice>(new StandinChoice(this.w, v))));
  }
  setChoiceValues(values: string[]): CheckboxItem {
    this.hit("setChoiceValues");
    if (!values.length) throw this.w.fail("emptyChoices");
    this.model.choices = [...values];
    return this.self();
  }
  createResponse(responses: string[]): ItemResponse {
    const bad = responses.find((r) => !this.model.choices.includes(r));
    if (bad !== undefined) throw this.w.fail("invalidChoice", bad);
    return this.answer([...responses]);
  }
}
export type _CheckboxOnly = Only<Exclude<keyof StandinCheckboxItem, keyof CheckboxItem | ItemInternal>>;

export class StandinTextItem
  extends ItemBase<TextItem>
  implements Pick<TextItem, Common | "isRequired" | "setRequired" | "setValidation" | "createResponse">
{
  isRequired(): boolean {
    this.hit("isRequired");
    return this.model.required;
  }
  setRequired(on: boolean): TextItem {
    return this.setRequiredModel(on);
  }
  setValidation(v: TextValidation): TextItem {
    this.hit("setValidation");
    if (!(v instanceof StandinTextValidation)) throw new TypeError("not a TextValidation");
    this.model.validation = v.rules;
    return this.self();
  }
  createResponse(response: string): ItemResponse {
    return this.answer(response);
  }
}
export type _TextOnly = Only<Exclude<keyof StandinTextItem, keyof TextItem | ItemInternal>>;

export class StandinParagraphTextItem
  extends ItemBase<ParagraphTextItem>
  implements Pick<ParagraphTextItem, Common | "isRequired" | "setRequired" | "createResponse">
{
  isRequired(): boolean {
    this.hit("isRequired");
    return this.model.required;
  }
  setRequired(on: boolean): ParagraphTextItem {
    return this.setRequiredModel(on);
  }
  createResponse(response: string): ItemResponse {
    return this.answer(response);
  }
}
export type _ParagraphOnly = Only<Exclude<keyof StandinParagraphTextItem, keyof ParagraphTextItem | ItemInternal>>;

export class StandinSectionHeaderItem extends ItemBase<SectionHeaderItem> implements Pick<SectionHeaderItem, Common> {}
export type _SectionHeaderOnly = Only<Exclude<keyof StandinSectionHeaderItem, keyof SectionHeaderItem | ItemInternal>>;

/** the typed item Google hands out for a kind (what add*Item() and as*Item() return) */
function typed(w: World, form: FormModel, m: ItemModel) {
  switch (m.kind) {
    case "LIST":
      return new StandinListItem(w, form, m);
    case "MULTIPLE_CHOICE":
      return new StandinMultipleChoiceItem(w, form, m);
    case "CHECKBOX":
      return new StandinCheckboxItem(w, form, m);
    case "TEXT":
      return new StandinTextItem(w, form, m);
    case "PARAGRAPH_TEXT":
      return new StandinParagraphTextItem(w, form, m);
    case "SECTION_HEADER":
      return new StandinSectionHeaderItem(w, form, m);
  }
}

type AsKeys = "asListItem" | "asMultipleChoiceItem" | "asCheckboxItem" | "asTextItem" | "asParagraphTextItem" | "asSectionHeaderItem";

/**
 * The generic Item of getItems() / getItemById(): only it has the as*Item() casts
 * (https://developers.google.com/apps-script/reference/forms/item; a ListItem has none:
 * https://developers.google.com/apps-script/reference/forms/list-item).
 */
export class StandinItem extends ItemBase<Item> implements Pick<Item, Common | AsKeys> {
  private as<T>(kind: ItemKind, method: string): T {
    this.hit(method);
    if (this.model.kind !== kind) throw this.w.fail("wrongItemType", kind);
    return google<T>(typed(this.w, this.form, this.model) as unknown as Partial<T>);
  }
  asListItem(): ListItem {
    return this.as<ListItem>("LIST", "asListItem");
  }
  asMultipleChoiceItem(): MultipleChoiceItem {
    return this.as<MultipleChoiceItem>("MULTIPLE_CHOICE", "asMultipleChoiceItem");
  }
  asCheckboxItem(): CheckboxItem {
    return this.as<CheckboxItem>("CHECKBOX", "asCheckboxItem");
  }
  asTextItem(): TextItem {
    return this.as<TextItem>("TEXT", "asTextItem");
  }
  asParagraphTextItem(): ParagraphTextItem {
    return this.as<ParagraphTextItem>("PARAGRAPH_TEXT", "asParagraphTextItem");
  }
  asSectionHeaderItem(): SectionHeaderItem {
    return this.as<SectionHeaderItem>("SECTION_HEADER", "asSectionHeaderItem");
  }
}
export type _ItemOnly = Only<Exclude<keyof StandinItem, keyof Item | ItemInternal>>;

export class StandinChoice implements Pick<Choice, "getValue"> {
  constructor(
    private w: World,
    private value: string,
  ) {}
  getValue(): string {
    this.w.meter.hit(F, "Choice.getValue");
    return this.value;
  }
}
export type _ChoiceOnly = Only<Exclude<keyof StandinChoice, keyof Choice>>;

export class StandinItemResponse implements Pick<ItemResponse, "getItem" | "getResponse"> {
  constructor(
    private w: World,
    readonly form: FormModel,
    readonly item: ItemModel,
    readonly value: string | string[],
  ) {}
  getItem(): Item {
    this.w.meter.hit(F, "ItemResponse.getItem");
    return google<Item>(new StandinItem(this.w, this.form, this.item));
  }
  getResponse(): string | string[] {
    this.w.meter.hit(F, "ItemResponse.getResponse");
    return Array.isArray(this.value) ? this.w.makeArrayFrom(this.value) : this.value;
  }
}
export type _ItemResponseOnly = Only<Exclude<keyof StandinItemResponse, keyof ItemResponse | "form" | "item" | "value">>;

/** a submitted response, or a draft made by Form.createResponse() (Google uses one class for both) */
export class StandinFormResponse
  implements
    Pick<
      FormResponse,
      "getId" | "getTimestamp" | "getRespondentEmail" | "getEditResponseUrl" | "getItemResponses" | "withItemResponse" | "toPrefilledUrl"
    >
{
  private draft = new Map<number, string | string[]>();
  constructor(
    private w: World,
    readonly form: FormModel,
    readonly model: ResponseModel | null,
  ) {}
  private hit(m: string) {
    this.w.meter.hit(F, `FormResponse.${m}`);
  }
  getId(): string {
    this.hit("getId");
    return this.model?.id ?? (null as unknown as string);
  }
  getTimestamp(): GoogleAppsScript.Base.Date {
    this.hit("getTimestamp");
    return this.w.makeDate(this.model?.timestamp ?? this.w.now);
  }
  getRespondentEmail(): string {
    this.hit("getRespondentEmail");
    return this.model?.email ?? "";
  }
  getEditResponseUrl(): string {
    this.hit("getEditResponseUrl");
    return `${publishedUrl(this.form)}?edit2=${encodeURIComponent(this.model?.id ?? "")}`;
  }
  getItemResponses(): ItemResponse[] {
    this.hit("getItemResponses");
    const out = this.w.makeArray<ItemResponse>();
    for (const item of this.form.items) {
      const v = this.model?.answers.get(item.id);
      if (v === undefined || (Array.isArray(v) ? v.length === 0 : v === "")) continue;
      out.push(google<ItemResponse>(new StandinItemResponse(this.w, this.form, item, v)));
    }
    return out;
  }
  withItemResponse(r: ItemResponse): FormResponse {
    this.hit("withItemResponse");
    if (!(r instanceof StandinItemResponse)) throw new TypeError("not an ItemResponse");
    this.draft.set(r.item.id, r.value);
    return google<FormResponse>(this);
  }
  /** entry.N carries the question's id, never the item's */
  toPrefilledUrl(): string {
    this.hit("toPrefilledUrl");
    const parts: string[] = ["usp=pp_url"];
    for (const [itemId, v] of this.draft) {
      const q = this.form.items.find((i) => i.id === itemId);
      if (!q) continue;
      for (const one of Array.isArray(v) ? v : [v]) parts.push(`entry.${q.questionId}=${encodeURIComponent(one).replace(/%20/g, "+")}`);
    }
    return `${publishedUrl(this.form)}?${parts.join("&")}`;
  }
}
export type _FormResponseOnly = Only<Exclude<keyof StandinFormResponse, keyof FormResponse | "form" | "model">>;

export function publishedUrl(f: FormModel): string {
  return `https://docs.google.com/forms/d/e/1FAIpQL${f.id}/viewform`;
}

type FormKeys =
  | "getId"
  | "getTitle"
  | "setTitle"
  | "getDescription"
  | "setDescription"
  | "setCollectEmail"
  | "collectsEmail"
  | "setEmailCollectionType"
  | "getEmailCollectionType"
  | "setPublished"
  | "isPublished"
  | "supportsAdvancedResponderPermissions"
  | "isAcceptingResponses"
  | "setAcceptingResponses"
  | "setAllowResponseEdits"
  | "setConfirmationMessage"
  | "setDestination"
  | "getDestinationId"
  | "removeDestination"
  | "getPublishedUrl"
  | "getEditUrl"
  | "getEditors"
  | "addEditors"
  | "getItems"
  | "getItemById"
  | "addListItem"
  | "addMultipleChoiceItem"
  | "addCheckboxItem"
  | "addTextItem"
  | "addParagraphTextItem"
  | "addSectionHeaderItem"
  | "createResponse"
  | "getResponses"
  | "getResponse";

export class StandinForm implements Pick<Form, FormKeys> {
  constructor(
    private w: World,
    readonly model: FormModel,
  ) {}
  private hit(m: string) {
    this.w.meter.hit(F, `Form.${m}`);
  }
  private me(): Form {
    return google<Form>(this);
  }
  private add(kind: ItemKind) {
    const item: ItemModel = {
      id: this.w.nextItemId(),
      questionId: this.w.nextQuestionId(),
      kind,
      title: "",
      helpText: "",
      required: false,
      choices: [],
      validation: null,
    };
    this.model.items.push(item);
    this.w.refreshResponseTab(this.model);
    return typed(this.w, this.model, item);
  }
  getId(): string {
    this.hit("getId");
    return this.model.id;
  }
  getTitle(): string {
    this.hit("getTitle");
    return this.model.title;
  }
  setTitle(t: string): Form {
    this.hit("setTitle");
    this.model.title = t;
    return this.me();
  }
  getDescription(): string {
    this.hit("getDescription");
    return this.model.description;
  }
  setDescription(d: string): Form {
    this.hit("setDescription");
    this.model.description = d;
    return this.me();
  }
  /** on: the respondent types an address (nothing says it is theirs); off: no address */
  setCollectEmail(on: boolean): Form {
    this.hit("setCollectEmail");
    if (!on) this.model.emailCollection = "DO_NOT_COLLECT";
    else if (this.model.emailCollection === "DO_NOT_COLLECT") this.model.emailCollection = "RESPONDER_INPUT";
    return this.me();
  }
  collectsEmail(): boolean {
    this.hit("collectsEmail");
    return this.model.emailCollection !== "DO_NOT_COLLECT";
  }
  setEmailCollectionType(t: EmailCollectionType): Form {
    this.hit("setEmailCollectionType");
    this.model.emailCollection = String(t) as EmailCollection;
    return this.me();
  }
  getEmailCollectionType(): EmailCollectionType {
    this.hit("getEmailCollectionType");
    return enumValue<EmailCollectionType>(this.model.emailCollection);
  }
  /** publishing also opens the form to responses; unpublishing closes it */
  setPublished(on: boolean): Form {
    this.hit("setPublished");
    if (this.model.legacy) throw this.w.fail("legacyForm");
    this.model.published = on;
    this.model.acceptingResponses = on;
    return this.me();
  }
  isPublished(): boolean {
    this.hit("isPublished");
    if (this.model.legacy) throw this.w.fail("legacyForm");
    return this.model.published;
  }
  /** false for a legacy form, which has no publish settings (https://developers.google.com/workspace/forms/api/guides/publish-form#check_if_a_form_is_a_legacy_form) */
  supportsAdvancedResponderPermissions(): boolean {
    this.hit("supportsAdvancedResponderPermissions");
    return !this.model.legacy;
  }
  isAcceptingResponses(): boolean {
    this.hit("isAcceptingResponses");
    return this.model.published && this.model.acceptingResponses;
  }
  setAcceptingResponses(on: boolean): Form {
    this.hit("setAcceptingResponses");
    this.model.acceptingResponses = on;
    return this.me();
  }
  setAllowResponseEdits(on: boolean): Form {
    this.hit("setAllowResponseEdits");
    this.model.allowEdits = on;
    return this.me();
  }
  setConfirmationMessage(m: string): Form {
    this.hit("setConfirmationMessage");
    this.model.confirmation = m;
    return this.me();
  }
  setDestination(_type: GoogleAppsScript.Forms.DestinationType, id: string): Form {
    this.hit("setDestination");
    this.w.linkFormToSheet(this.model, id);
    return this.me();
  }
  /**
   * Unlinks the form from its response destination: the tab keeps the responses it holds and gets no more; the form
   * keeps every response in its own store (https://developers.google.com/apps-script/reference/forms/form#removeDestination(),
   * https://developers.google.com/apps-script/reference/forms/destination-type)
   */
  removeDestination(): Form {
    this.hit("removeDestination");
    this.model.destination = null;
    this.model.destinationSheet = null;
    return this.me();
  }
  getDestinationId(): string {
    this.hit("getDestinationId");
    if (!this.model.destination) throw this.w.fail("noDestination");
    return this.model.destination;
  }
  getPublishedUrl(): string {
    this.hit("getPublishedUrl");
    return publishedUrl(this.model);
  }
  getEditUrl(): string {
    this.hit("getEditUrl");
    return `https://docs.google.com/forms/d/${this.model.id}/edit`;
  }
  getEditors(): GoogleAppsScript.Base.User[] {
    this.hit("getEditors");
    return this.w.makeArrayFrom(this.model.editors.map((e) => this.w.userObject(e)));
  }
  addEditors(emails: string[]): Form {
    this.hit("addEditors");
    for (const e of emails) if (!this.model.editors.includes(e) && e !== this.model.owner) this.model.editors.push(e);
    return this.me();
  }
  getItems(): Item[] {
    this.hit("getItems");
    return this.w.makeArrayFrom(this.model.items.map((i) => google<Item>(new StandinItem(this.w, this.model, i))));
  }
  /** null when the form has no such item (the reference says so; the types say Item) */
  getItemById(id: number): Item {
    this.hit("getItemById");
    const i = this.model.items.find((x) => x.id === Number(id));
    return i ? google<Item>(new StandinItem(this.w, this.model, i)) : (null as unknown as Item);
  }
  addListItem(): ListItem {
    this.hit("addListItem");
    return google<ListItem>(this.add("LIST") as StandinListItem);
  }
  addMultipleChoiceItem(): MultipleChoiceItem {
    this.hit("addMultipleChoiceItem");
    return google<MultipleChoiceItem>(this.add("MULTIPLE_CHOICE") as StandinMultipleChoiceItem);
  }
  addCheckboxItem(): CheckboxItem {
    this.hit("addCheckboxItem");
    return google<CheckboxItem>(this.add("CHECKBOX") as StandinCheckboxItem);
  }
  addTextItem(): TextItem {
    this.hit("addTextItem");
    return google<TextItem>(this.add("TEXT") as StandinTextItem);
  }
  addParagraphTextItem(): ParagraphTextItem {
    this.hit("addParagraphTextItem");
    return google<ParagraphTextItem>(this.add("PARAGRAPH_TEXT") as StandinParagraphTextItem);
  }
  addSectionHeaderItem(): SectionHeaderItem {
    this.hit("addSectionHeaderItem");
    return google<SectionHeaderItem>(this.add("SECTION_HEADER") as StandinSectionHeaderItem);
  }
  createResponse(): FormResponse {
    this.hit("createResponse");
    return google<FormResponse>(new StandinFormResponse(this.w, this.model, null));
  }
  getResponses(since?: GoogleAppsScript.Base.Date): FormResponse[] {
    this.hit("getResponses");
    const t = since ? since.getTime() : Number.NEGATIVE_INFINITY;
    const out = this.w.makeArray<FormResponse>();
    for (const r of this.model.responses)
      if (r.timestamp >= t) out.push(google<FormResponse>(new StandinFormResponse(this.w, this.model, r)));
    return out;
  }
  getResponse(id: string): FormResponse {
    this.hit("getResponse");
    const r = this.model.responses.find((x) => x.id === id);
    if (!r) throw this.w.fail("noResponse", id);
    return google<FormResponse>(new StandinFormResponse(this.w, this.model, r));
  }
}
export type _FormOnly = Only<Exclude<keyof StandinForm, keyof Form | "model">>;

export class StandinTextValidation {
  constructor(readonly rules: Record<string, unknown>) {}
}
export type _TextValidationOnly = Only<Exclude<keyof StandinTextValidation, keyof TextValidation | "rules">>;

export class StandinTextValidationBuilder implements Pick<TextValidationBuilder, "requireTextMatchesPattern" | "setHelpText" | "build"> {
  private v: Record<string, unknown> = {};
  constructor(private w: World) {}
  requireTextMatchesPattern(p: string): TextValidationBuilder {
    this.w.meter.hit(F, "TextValidationBuilder.requireTextMatchesPattern");
    this.v.pattern = p;
    return google<TextValidationBuilder>(this);
  }
  setHelpText(t: string): TextValidationBuilder {
    this.w.meter.hit(F, "TextValidationBuilder.setHelpText");
    this.v.helpText = t;
    return google<TextValidationBuilder>(this);
  }
  build(): TextValidation {
    this.w.meter.hit(F, "TextValidationBuilder.build");
    return google<TextValidation>(new StandinTextValidation({ ...this.v }));
  }
}
export type _TextValidationBuilderOnly = Only<Exclude<keyof StandinTextValidationBuilder, keyof TextValidationBuilder>>;

/** FormApp, as the bundle sees it */
export function makeFormApp(
  w: World,
): Pick<FormApp, "create" | "openById" | "createTextValidation" | "DestinationType" | "ItemType"> & Pick<FormApp, "EmailCollectionType"> {
  return {
    create(title: string): Form {
      w.meter.hit(F, "FormApp.create");
      return google<Form>(new StandinForm(w, w.createForm(title)));
    },
    openById(id: string): Form {
      w.meter.hit(F, "FormApp.openById");
      const f = w.forms.get(id);
      if (!f || (f.owner !== w.user() && !f.editors.includes(w.user()))) throw w.fail("noItem");
      return google<Form>(new StandinForm(w, f));
    },
    createTextValidation(): TextValidationBuilder {
      w.meter.hit(F, "FormApp.createTextValidation");
      return google<TextValidationBuilder>(new StandinTextValidationBuilder(w));
    },
    DestinationType: enumOf<typeof GoogleAppsScript.Forms.DestinationType>(["SPREADSHEET"]),
    ItemType: enumOf<typeof GoogleAppsScript.Forms.ItemType>([
      "LIST",
      "MULTIPLE_CHOICE",
      "CHECKBOX",
      "TEXT",
      "PARAGRAPH_TEXT",
      "SECTION_HEADER",
    ]),
    EmailCollectionType: enumOf<typeof GoogleAppsScript.Forms.EmailCollectionType>(["DO_NOT_COLLECT", "VERIFIED", "RESPONDER_INPUT"]),
  };
}
