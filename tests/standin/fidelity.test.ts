// The stand-in behaves as Google documents: each test names its source. Small scripts run in the stand-in as a
// bundle would; nothing here switches a mode on (this is how every other test runs too).
import { describe, expect, it } from "vitest";
import { StandinListItem } from "../../standin/forms/forms";
import { anyLanguage, message } from "../../standin/messages";
import { World } from "../../standin/world";

const OWNER = "tuyengiao@ldldq1.example.vn";
const STAFF = "canbo1@ldldq1.example.vn";

function world(script: string) {
  const w = new World({ now: Date.UTC(2018, 9, 1, 1) });
  const ss = w.createSpreadsheet("Báo cáo", "ss-1");
  w.boundSpreadsheetId = ss.id;
  w.load(script);
  return { w, ss };
}

/** never called: it is here for tsc, which type-checks this file (npm run typecheck) */
function typedItemsOnly(form: GoogleAppsScript.Forms.Form): void {
  // @ts-expect-error a ListItem has no asListItem(): only the generic Item has the as*() casts
  form.addListItem().asListItem();
  form.getItems()[0].asListItem().setChoiceValues(["a"]);
  // @ts-expect-error the stand-in cannot offer what Google's ListItem lacks either
  StandinListItem.prototype.asListItem;
}

describe("Forms (https://developers.google.com/apps-script/reference/forms)", () => {
  it("add*Item() returns a typed item without as*(); the generic Item has them (forms/list-item, forms/item)", () => {
    expect(typeof typedItemsOnly).toBe("function");
    const { w } = world(`function t(kind) { var f = FormApp.create("x"); var li = f.addListItem().setTitle("Q").setChoiceValues(["a","b"]);
      if (kind === "typed") return [typeof li.asListItem, li.getType() === FormApp.ItemType.LIST];
      if (kind === "cast") return f.getItems()[0].asListItem().getChoices().map(function (c) { return c.getValue(); });
      if (kind === "call") li.asListItem();
      if (kind === "wrong") f.getItems()[0].asTextItem(); }`);
    expect(w.run("t", { event: "typed" }).value).toEqual(["undefined", true]);
    expect(w.run("t", { event: "cast" }).value).toEqual(["a", "b"]);
    expect(w.run("t", { event: "call" }).error).toMatch(/asListItem is not a function/);
    expect(w.run("t", { event: "wrong" }).ok).toBe(false);
  });

  it("a prefilled link's entry.N is the question's id, not Item.getId() (https://github.com/oshliaer/google-apps-script-snippets/issues/17)", () => {
    const { w } = world(`function t() { var f = FormApp.create("x"); var li = f.addListItem().setChoiceValues(["CD001 – A", "CD002 – B"]);
      var url = f.createResponse().withItemResponse(li.createResponse("CD002 – B")).toPrefilledUrl();
      return [li.getId(), url]; }`);
    const [itemId, url] = w.run("t").value as [number, string];
    const m = /entry\.(\d+)=CD002\+%E2%80%93\+B/.exec(url);
    expect(m).toBeTruthy();
    expect(Number(m?.[1])).not.toBe(itemId);
    const form = [...w.forms.values()][0];
    expect(Number(m?.[1])).toBe(form.items[0].questionId);
  });

  it("a list item's response must be one of its choices (forms/list-item#createResponse(String))", () => {
    const { w } = world(`function t() { var f = FormApp.create("x"); f.addListItem().setChoiceValues(["a"]).createResponse("z"); }`);
    expect(w.run("t").error).toMatch(anyLanguage("invalidChoice"));
  });

  it("forms created by script start unpublished and take no response until setPublished(true) (https://developers.google.com/workspace/forms/api/guides/api-changes-to-google-forms)", () => {
    const { w } =
      world(`function make() { var f = FormApp.create("x"); f.addTextItem(); return [f.getId(), f.isPublished(), f.isAcceptingResponses()]; }
      function publish(id) { var f = FormApp.openById(id); f.setPublished(true); return [f.isPublished(), f.isAcceptingResponses()]; }`);
    const [id, published, accepting] = w.run("make").value as [string, boolean, boolean];
    expect([published, accepting]).toEqual([false, false]);
    const answer = { id: "r1", at: w.now, answers: new Map<number, string>() };
    expect(() => w.submitResponse(id, answer)).toThrow(/not accepting/);
    expect(w.run("publish", { event: id }).value).toEqual([true, true]);
    // published, yet only for the people it is shared with: a chair's own Google account is not one of them
    expect(() => w.submitResponse(id, { ...answer, email: "chair@gmail.example.com" })).toThrow(/anyone with the link/);
    expect(w.submitResponse(id, { ...answer, email: OWNER }).id).toBe("r1");
  });

  it("responders outside the form's sharing need the published view shared with anyone; a legacy form has no publish settings (https://developers.google.com/workspace/forms/api/guides/publish-form)", () => {
    const { w } = world(`function make() { var f = FormApp.create("x"); f.setPublished(true); return f.getId(); }
      function open(id) { Drive.Permissions.create({ type: "anyone", role: "reader", view: "published" }, id); }
      function list(id) { return (Drive.Permissions.list(id).permissions || []).map(function (p) { return p.type; }); }
      function responders(id) { return (Drive.Permissions.list(id, { includePermissionsForView: "published" }).permissions || []).map(function (p) { return p.type + ":" + p.view; }); }
      function legacy(id) { var f = FormApp.openById(id); var out = [f.supportsAdvancedResponderPermissions()]; try { f.isPublished(); out.push("no error"); } catch (e) { out.push("error"); } return out; }`);
    const id = w.run("make").value as string;
    const answer = { id: "r1", at: w.now, email: "chair@gmail.example.com", answers: new Map<number, string>() };
    expect(() => w.submitResponse(id, answer)).toThrow(/anyone with the link/);
    w.run("open", { event: id });
    // the responders' permission is listed only when its view is asked for
    expect(w.run("list", { event: id }).value).toEqual([]);
    expect(w.run("responders", { event: id }).value).toEqual(["anyone:published"]);
    expect(w.submitResponse(id, answer).id).toBe("r1");
    const form = w.forms.get(id);
    if (form) form.legacy = true;
    expect(w.run("legacy", { event: id }).value).toEqual([false, "error"]);
  });

  it("setCollectEmail(true) collects a typed address, not a verified one; VERIFIED says so (forms/form#setEmailCollectionType(EmailCollectionType))", () => {
    const { w } = world(`function t() { var f = FormApp.create("x"); f.setCollectEmail(true); var a = String(f.getEmailCollectionType());
      f.setEmailCollectionType(FormApp.EmailCollectionType.VERIFIED); return [a, String(f.getEmailCollectionType()), f.collectsEmail()]; }`);
    expect(w.run("t").value).toEqual(["RESPONDER_INPUT", "VERIFIED", true]);
  });

  it("a form is opened by id only by its owner and editors (forms/form-app#openById(String))", () => {
    const { w } =
      world(`function make() { return FormApp.create("x").getId(); } function open(id) { return FormApp.openById(id).getTitle(); }
      function share(id) { FormApp.openById(id).addEditors(["${STAFF}"]); }`);
    const id = w.run("make").value as string;
    expect(w.run("open", { event: id, ui: true, as: STAFF }).error).toMatch(anyLanguage("noItem"));
    w.run("share", { event: id });
    expect(w.run("open", { event: id, ui: true, as: STAFF }).value).toBe("x");
  });
});

describe("accounts (https://developers.google.com/workspace/drive/api/guides/api-specific-auth)", () => {
  const script = `function folder() { return Drive.Files.create({ name: "Báo cáo", mimeType: "application/vnd.google-apps.folder" }).id; }
    function get(id) { return Drive.Files.get(id, { fields: "id,trashed" }).id; }
    function share(id) { Drive.Permissions.create({ type: "user", role: "writer", emailAddress: "${STAFF}" }, id); }
    function doc(parent) { return Drive.Files.create({ name: "Mẫu", mimeType: "application/vnd.google-apps.document", parents: [parent] }).id; }`;

  it("under drive.file an account's code reaches only what the app made for it, or what was shared with it through the app; a folder's sharing reaches what is inside", () => {
    const { w } = world(script);
    const id = w.run("folder").value as string;
    expect(w.run("get", { event: id }).value).toBe(id);
    expect(w.run("get", { event: id, ui: true, as: STAFF }).error).toMatch(/File not found/);
    expect(w.run("doc", { event: id, ui: true, as: STAFF }).error).toMatch(/File not found/);
    w.run("share", { event: id });
    expect(w.run("get", { event: id, ui: true, as: STAFF }).value).toBe(id);
    const inside = w.run("doc", { event: id, ui: true, as: STAFF }).value as string;
    // made by the staff member inside the owner's folder: the owner opens it as a person, but the owner's code does not reach it
    expect(w.run("get", { event: inside }).error).toMatch(/File not found/);
  });

  it("an account that leaves runs nothing again: its triggers never fire, its clicks are refused", () => {
    const { w } = world(`function tick() { PropertiesService.getScriptProperties().setProperty("t", String(Date.now())); }
      function arm() { ScriptApp.newTrigger("tick").timeBased().everyDays(1).atHour(8).inTimezone("Asia/Ho_Chi_Minh").create(); }`);
    w.run("arm");
    w.advanceTo(w.now + 86400000);
    expect(w.properties.get("t")).toBeDefined();
    w.properties.delete("t");
    w.leave(OWNER);
    w.advanceTo(w.now + 3 * 86400000);
    expect(w.properties.get("t")).toBeUndefined();
    expect(w.run("tick", { ui: true, as: OWNER }).ok).toBe(false);
  });

  it("a run cut off at its k-th call: that call and every later one fail, whatever the script's own handlers do", () => {
    const { w } = world(`function job() { var p = PropertiesService.getScriptProperties();
      for (var i = 0; i < 5; i++) { try { p.setProperty("k" + i, "x"); } catch (e) { try { p.setProperty("caught", "yes"); } catch (f) {} } } }`);
    w.crashNext(["job"], 3);
    const r = w.run("job");
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/maximum execution time/);
    // getScriptProperties() is call 1, then setProperty k0 (2); k1 is the third call: stopped there, nothing after
    expect([...w.properties.keys()]).toEqual(["k0"]);
    expect(w.run("job").ok).toBe(true);
  });
});

describe("who runs, and in which language Google answers", () => {
  it("a menu action runs as the staff member who clicks; a trigger as its owner (base/session#getEffectiveUser(), guides/triggers/installable)", () => {
    const { w } = world(`function who() { return [Session.getEffectiveUser().getEmail(), Session.getActiveUser().getEmail()]; }
      function install() { ScriptApp.newTrigger("who").timeBased().everyDays(1).atHour(8).create(); }`);
    expect(w.run("who", { ui: true, as: STAFF }).value).toEqual([STAFF, STAFF]);
    w.run("install", { ui: true, as: OWNER });
    const fired: unknown[] = [];
    w.advanceTo(w.now + 86_400_000, (_t, _at, r) => fired.push(r.value));
    expect(fired).toEqual([[OWNER, ""]]);
  });

  it("getProjectTriggers() lists only the caller's triggers, and only they delete them (script/script-app#getProjectTriggers())", () => {
    const { w } = world(`function install() { ScriptApp.newTrigger("x").timeBased().everyDays(1).atHour(8).create(); }
      function mine() { return ScriptApp.getProjectTriggers().length; }`);
    w.run("install", { ui: true, as: OWNER });
    expect(w.run("mine", { ui: true, as: OWNER }).value).toBe(1);
    expect(w.run("mine", { ui: true, as: STAFF }).value).toBe(0);
    expect(w.triggers.map((t) => t.owner)).toEqual([OWNER]);
  });

  it("protected ranges refuse anyone not listed; the current user stays listed (spreadsheet/protection#removeEditors(String))", () => {
    const { w, ss } = world(`function protect() { var s = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]; var p = s.protect();
        p.removeEditors(p.getEditors().map(function (u) { return u.getEmail(); })); return p.getEditors().map(function (u) { return u.getEmail(); }); }
      function write() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange("A1").setValue("x"); }`);
    expect(w.run("protect", { ui: true, as: STAFF }).value).toEqual([STAFF]);
    expect(w.run("write", { ui: true, as: "canbo2@ldldq1.example.vn" }).error).toMatch(anyLanguage("protectedCell"));
    expect(w.run("write", { ui: true, as: STAFF }).ok).toBe(true);
    // the owner can always edit, and Google never lists them (https://issuetracker.google.com/issues/442636162)
    expect(w.run("write", { ui: true, as: OWNER }).ok).toBe(true);
    expect(ss.sheets[0].protections[0].editors).not.toContain(OWNER);
  });

  it("error texts come in the account's language (https://developers.google.com/apps-script/api/reference/rest/v1/LocalizedMessage)", () => {
    const { w } = world(`function t() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(5000, 1); }`);
    w.setLanguage(STAFF, "en");
    expect(w.run("t", { ui: true, as: STAFF }).error).toBe(message("en", "outsideDimensions"));
    expect(w.run("t", { ui: true, as: OWNER }).error).toBe(message("vi", "outsideDimensions"));
    expect(message("vi", "outsideDimensions")).not.toBe(message("en", "outsideDimensions"));
  });
});

describe("cells (https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption: written as if typed)", () => {
  const script = `function put(v) { var s = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      s.getRange("A2:A").setNumberFormat("@"); s.getRange("A2").setValue(v); s.getRange("B2").setValue(v);
      return [s.getRange("A2:B2").getValues()[0], s.getRange("A2:B2").getFormulas()[0]]; }
    function locale(l) { SpreadsheetApp.getActiveSpreadsheet().setSpreadsheetLocale(l); }`;

  it("a plain-text (@) cell keeps a leading apostrophe as a character; elsewhere it marks text and goes (https://github.com/vlucas/sheetquery/issues/20)", () => {
    const { w } = world(script);
    expect(w.run("put", { event: "'007" }).value).toEqual([
      ["'007", "007"],
      ["", ""],
    ]);
  });

  it("“=…” written into a plain-text cell stays text, never a formula; elsewhere it is a formula (https://github.com/brucemcpherson/gas-fakes/issues/40)", () => {
    const { w } = world(script);
    expect(w.run("put", { event: '=HYPERLINK("http://x")' }).value).toEqual([
      ['=HYPERLINK("http://x")', ""],
      ["", '=HYPERLINK("http://x")'],
    ]);
  });

  it("a typed date is read by the spreadsheet's locale: 05/11/2018 is 11 May on en_US, 5 November on vi_VN (spreadsheet/spreadsheet#setSpreadsheetLocale(String))", () => {
    const { w, ss } = world(script);
    ss.timeZone = "Asia/Ho_Chi_Minh";
    const day = (r: { value?: unknown }) => ((r.value as unknown[][])[0][1] as Date).toISOString();
    expect(ss.locale).toBe("en_US");
    expect(day(w.run("put", { event: "05/11/2018 10:00" }))).toBe("2018-05-11T03:00:00.000Z");
    w.run("locale", { event: "vi_VN" });
    expect(day(w.run("put", { event: "05/11/2018 10:00" }))).toBe("2018-11-05T03:00:00.000Z");
    // in the plain-text cell it stays what was typed
    expect((w.run("put", { event: "05/11/2018 10:00" }).value as unknown[][])[0][0]).toBe("05/11/2018 10:00");
  });
});

describe("limits (https://developers.google.com/apps-script/guides/services/quotas)", () => {
  it("the mail body's 200 KB is counted in bytes; a subject stops at 250 characters (mail/mail-app#sendEmail(String,String,String))", () => {
    const { w } = world(`function send(n) { MailApp.sendEmail("a@x.vn", "s", new Array(n + 1).join("ệ")); }
      function subject(n) { MailApp.sendEmail("a@x.vn", new Array(n + 1).join("s"), "b"); }`);
    // 70,000 characters, 210,000 bytes
    expect(w.run("send", { event: 70000 }).error).toMatch(anyLanguage("bodyTooLarge"));
    expect(w.run("send", { event: 60000 }).ok).toBe(true);
    expect(w.run("subject", { event: 251 }).error).toMatch(anyLanguage("subjectTooLong"));
    expect(w.run("subject", { event: 250 }).ok).toBe(true);
  });

  it("the daily mail quota comes back 24 hours after the first send, not at midnight", () => {
    const w = new World({ now: Date.parse("2018-10-20T10:00:00+07:00"), mailQuota: 2 });
    w.load(`function send() { MailApp.sendEmail("a@x.vn", "s", "b"); } function left() { return MailApp.getRemainingDailyQuota(); }`);
    w.run("send");
    w.now = Date.parse("2018-10-21T08:00:00+07:00");
    w.run("send");
    expect(w.run("left").value).toBe(0);
    expect(w.run("send").error).toMatch(anyLanguage("mailQuota"));
    w.now = Date.parse("2018-10-21T10:00:00+07:00");
    expect(w.run("left").value).toBe(2);
  });

  it("10 million cells count every grid cell of every tab, new tabs 1000 × 26, form response tabs too; growth past it is refused (https://support.google.com/drive/answer/37603)", () => {
    const { w, ss } = world(`function tab(n) { SpreadsheetApp.getActiveSpreadsheet().insertSheet(n); }
      function grow(n) { SpreadsheetApp.getActiveSpreadsheet().getSheetByName("T").insertRowsAfter(1000, n); }
      function link() { FormApp.create("f").setDestination(FormApp.DestinationType.SPREADSHEET, "ss-1"); }`);
    w.run("tab", { event: "T" });
    expect(ss.cellCount()).toBe(2 * 26_000);
    w.run("link");
    expect(ss.sheets.map((s) => s.name)).toContain("Câu trả lời biểu mẫu 1");
    expect(ss.cellCount()).toBe(3 * 26_000);
    const room = (10_000_000 - ss.cellCount()) / 26;
    expect(w.run("grow", { event: Math.floor(room) }).ok).toBe(true);
    expect(w.run("grow", { event: 1 }).error).toMatch(anyLanguage("tooManyCells"));
    expect(w.run("tab", { event: "U" }).error).toMatch(anyLanguage("tooManyCells"));
  });
});

describe("overlapping runs (https://developers.google.com/apps-script/reference/lock/lock-service)", () => {
  it("another function can run in the middle of a run; the script lock one holds, the other cannot take", () => {
    const { w } = world(`function outer() { var l = LockService.getScriptLock(); l.tryLock(1000);
        PropertiesService.getScriptProperties().setProperty("a", "1"); l.releaseLock(); return "outer"; }
      function inner() { return LockService.getScriptLock().tryLock(1000); }`);
    const seen: unknown[] = [];
    w.during("Properties.setProperty", () => seen.push(w.run("inner").value));
    expect(w.run("outer").value).toBe("outer");
    expect(seen).toEqual([false]);
    expect(w.run("inner").value).toBe(true);
  });

  it("a lock is released when the execution holding it ends", () => {
    const { w } = world(`function take() { return LockService.getScriptLock().tryLock(1000); }`);
    expect(w.run("take").value).toBe(true);
    expect(w.run("take").value).toBe(true);
    expect(w.lockHolder).toBeNull();
  });
});

describe("File → Make a copy", () => {
  it("copies the bound script with its properties and the linked forms, never the triggers (guides/bound, guides/triggers/installable)", () => {
    const { w, ss } = world(`function setup() { PropertiesService.getScriptProperties().setProperty("k", "v");
        var f = FormApp.create("f"); f.setDestination(FormApp.DestinationType.SPREADSHEET, "ss-1");
        ScriptApp.newTrigger("setup").timeBased().everyDays(1).atHour(8).create(); return f.getId(); }
      function here() { return [SpreadsheetApp.getActiveSpreadsheet().getId(), PropertiesService.getScriptProperties().getProperty("k"), ScriptApp.getProjectTriggers().length]; }`);
    const formId = w.run("setup").value as string;
    const copy = w.copySpreadsheet(STAFF);
    const [id, prop, triggers] = copy.run("here", { ui: true, as: STAFF }).value as [string, string, number];
    expect(id).not.toBe(ss.id);
    expect(prop).toBe("v");
    expect(triggers).toBe(0);
    expect(copy.triggers).toEqual([]);
    const copied = [...w.forms.values()].filter((f) => f.destination === id);
    expect(copied).toHaveLength(1);
    expect(copied[0].id).not.toBe(formId);
    expect(w.forms.get(formId)?.destination).toBe(ss.id);
  });
});
