// The built bundle, as clasp would push it, in the stand-in: globals, no top-level work, no Node, faults, counting.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { anyLanguage } from "../../standin/messages";
import { InjectedFault } from "../../standin/meter";
import { bundleSource, ROOT } from "../../standin/simulation/simulation";
import { World } from "../../standin/world";
import { entryExports } from "../../tools/build";

const code = bundleSource();

function fresh(opts: ConstructorParameters<typeof World>[0] = {}) {
  const w = new World(opts);
  const ss = w.createSpreadsheet("Báo cáo", "ss-1");
  w.boundSpreadsheetId = ss.id;
  w.load(code);
  return { w, ss };
}

describe("the build", () => {
  it("writes exactly Code.js and appsscript.json, the push set clasp sees", () => {
    expect(readdirSync(join(ROOT, "dist")).sort()).toEqual(["Code.js", "appsscript.json"]);
    const clasp = JSON.parse(readFileSync(join(ROOT, ".clasp.json"), "utf8"));
    expect(clasp.rootDir).toBe("dist");
  });

  it("declares each export of src/main.ts as a top-level function, generated from the exports", async () => {
    const names = await entryExports();
    expect(names).toEqual(
      [
        "archiveOldData",
        "onFormSubmit",
        "onOpen",
        "onSheetEdit",
        "prepareTemplate",
        "previewMails",
        "recordManualReports",
        "refreshStatus",
        "runArchive",
        "runDaily",
        "runFollowUp",
        "runRollup",
        "runWatchdog",
        "selfCheck",
        "setup",
        "showConfirm",
        "showRecord",
        "showReminders",
        "showRollup",
        "showZalo",
        "sidebarConfirm",
        "sidebarHistory",
        "sidebarLoad",
        "sidebarRecord",
        "sidebarReject",
        "sidebarRemind",
        "sidebarResume",
        "sidebarRollup",
        "sidebarUndo",
        "sidebarUnits",
        "sidebarZalo",
        "takeOver",
      ].sort(),
    );
    for (const n of names)
      expect(code).toMatch(new RegExp(`^function ${n}\\(\\) \\{\n  return __app\\(\\)\\.${n}\\.apply\\(this, arguments\\);$`, "m"));
    const { w } = fresh();
    for (const n of names) expect(typeof (w.context as Record<string, unknown>)[n]).toBe("function");
  });

  it("runs nothing when Google evaluates the file: no service call at load", () => {
    const { w } = fresh();
    expect(w.meter.total).toBe(0);
  });

  it("asks for least-privilege scopes: MailApp's send_mail, never full Gmail", () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, "dist/appsscript.json"), "utf8"));
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.timeZone).toBe("Asia/Ho_Chi_Minh");
    expect(manifest.exceptionLogging).toBe("STACKDRIVER");
    expect(manifest.oauthScopes).toContain("https://www.googleapis.com/auth/script.send_mail");
    expect(manifest.oauthScopes).not.toContain("https://mail.google.com/");
    expect(code).not.toMatch(/GmailApp/);
  });
});

describe("the stand-in holds only Apps Script's globals", () => {
  for (const name of ["require", "process", "setTimeout", "URL", "TextEncoder", "Buffer"]) {
    it(`a bundle reaching for ${name} fails as on Google`, () => {
      const { w } = fresh();
      w.load(`function useIt() { return typeof ${name} === "undefined" ? "missing" : "present"; }\nfunction callIt() { return ${name}; }`);
      expect(w.run("useIt").value).toBe("missing");
      const r = w.run("callIt");
      expect(r.ok).toBe(false);
      expect(r.error).toMatch(/not defined/);
    });
  }
});

describe("each execution starts from a fresh global scope, as on Google", () => {
  // the stand-in reuses a scope an execution ended with (V8 keeps its compiled code), reset first to what it held
  // right after the file ran: these hold the reset to a fresh scope's behaviour
  it("a top-level variable, a lazily built module and a global a run adds are as the file left them, every run", () => {
    const w = new World();
    w.load(`var n = 0; var cache;
      function bump() { n++; cache = cache || { made: n }; globalThis.leaked = (globalThis.leaked || 0) + 1;
        return [n, cache.made, globalThis.leaked, typeof SpreadsheetApp]; }`);
    for (let i = 0; i < 3; i++) expect(w.run("bump").value).toEqual([1, 1, 1, "object"]);
  });

  it("a run nested in another gets a scope of its own; a global a run replaced is back for the next", () => {
    const w = new World();
    w.load(`var depth = 0;
      function inner() { depth++; return depth; }
      function outer() { depth++; Logger.log("x"); Date = null; return depth; }
      function date() { return typeof Date; }`);
    const seen: unknown[] = [];
    w.during("Logger.log", () => seen.push(w.run("inner").value));
    expect(w.run("outer").value).toBe(1);
    expect(seen).toEqual([1]);
    expect(w.run("date").value).toBe("function");
    expect(w.run("inner").value).toBe(1);
  });

  it("a file holding an object at its top level is evaluated again for every run", () => {
    const w = new World();
    w.load(`var box = { n: 0 }; function count() { box.n++; return box.n; }`);
    expect([w.run("count").value, w.run("count").value]).toEqual([1, 1]);
  });
});

describe("every global can be called harmlessly before setup", () => {
  it("menu actions answer in Vietnamese; triggers record and return", () => {
    const { w } = fresh();
    expect(w.run("onOpen", { ui: true }).ok).toBe(true);
    expect([...w.menus.keys()]).toEqual(["Báo cáo CĐCS"]);
    for (const fn of [
      "refreshStatus",
      "previewMails",
      "recordManualReports",
      "showConfirm",
      "showReminders",
      "showRollup",
      "showRecord",
      "showZalo",
    ]) {
      const r = w.run(fn, { ui: true });
      expect(r.ok, `${fn}: ${r.error}`).toBe(true);
    }
    expect(w.alerts.join("\n")).toMatch(/Chưa chạy Thiết lập/);
    // the sidebar's calls answer the page in Vietnamese
    for (const fn of [
      "sidebarLoad",
      "sidebarConfirm",
      "sidebarReject",
      "sidebarRemind",
      "sidebarRollup",
      "sidebarRecord",
      "sidebarZalo",
      "sidebarUndo",
      "sidebarUnits",
      "sidebarHistory",
    ]) {
      const r = w.run(fn, {
        ui: true,
        event: { section: "confirm", ids: ["x"], units: ["CD001"], period: "2018-10", form: "monthly", unit: "CD001" },
      });
      expect(r.ok, `${fn}: ${r.error}`).toBe(true);
      expect((r.value as { ok: boolean; message: string }).message, fn).toMatch(/Chưa chạy Thiết lập/);
    }
    expect(w.run("runDaily").ok).toBe(true);
    expect(w.run("runFollowUp").ok).toBe(true);
    expect(w.run("onFormSubmit", { event: {} }).ok).toBe(true);
    expect(w.run("onSheetEdit", { event: {} }).ok).toBe(true);
    expect(w.mails).toEqual([]);
  });
});

describe("fault injection and counting", () => {
  it("counts every call by service and method, and the cells read and written", () => {
    const { w } = fresh();
    w.load(`function t() { var ss = SpreadsheetApp.getActiveSpreadsheet(); var s = ss.getSheets()[0];
      s.getRange(1, 1, 2, 3).setValues([[1,2,3],[4,5,6]]); return s.getRange("A1:C2").getValues(); }`);
    w.run("t");
    expect(w.meter.byService.SpreadsheetApp).toBe(6);
    expect(w.meter.byMethod["Range.setValues"]).toBe(1);
    expect(w.meter.cellsWritten).toBe(6);
    expect(w.meter.cellsRead).toBe(6);
  });

  it("throws at the k-th call, or at a named method's n-th call", () => {
    const { w } = fresh();
    w.load(
      `function t() { PropertiesService.getScriptProperties().setProperty("a", "1"); PropertiesService.getScriptProperties().setProperty("b", "2"); }`,
    );
    w.meter.faults = [{ atCall: 3 }];
    const r = w.run("t");
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/Injected fault at call 3/);
    expect(w.properties.get("a")).toBe("1");
    expect(w.properties.get("b")).toBeUndefined();
    w.meter.reset();
    w.meter.faults = [{ method: "Properties.setProperty", methodOccurrence: 2 }];
    expect(w.run("t").error).toMatch(/Properties.setProperty/);
    expect(() => {
      throw new InjectedFault("x");
    }).toThrow(InjectedFault);
  });

  it("sets the mail quota, makes the lock busy, and moves the clock", () => {
    const { w } = fresh({ mailQuota: 1, now: Date.UTC(2018, 9, 23, 16, 59, 59) });
    w.load(`function mail() { MailApp.sendEmail("a@x.vn", "s", "b"); return MailApp.getRemainingDailyQuota(); }
      function lock() { return LockService.getScriptLock().tryLock(1000); }
      function now() { return new Date().getTime(); }`);
    expect(w.run("mail").value).toBe(0);
    expect(w.run("mail").error).toMatch(anyLanguage("mailQuota"));
    w.lockBusy = 1;
    expect(w.run("lock").value).toBe(false);
    expect(w.run("lock").value).toBe(true);
    expect(w.run("now").value).toBe(Date.UTC(2018, 9, 23, 16, 59, 59));
    w.now += 1000;
    expect(w.run("now").value).toBe(Date.UTC(2018, 9, 23, 17, 0, 0));
  });
});

describe("Google's documented behaviour the product relies on", () => {
  it("formulas, shapes, ranges, dates, blanks and the UI context", () => {
    const { w } = fresh();
    w.load(`function t(kind) { var s = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      if (kind === "formula") { s.getRange("A1").setValue("=1+1"); s.getRange("A2").setValue("'=1+1"); return [s.getRange("A1:A2").getFormulas(), s.getRange("A2").getValue()]; }
      if (kind === "shape") { s.getRange(1, 1, 2, 2).setValues([[1, 2]]); }
      if (kind === "range") { s.getRange(5000, 1); }
      if (kind === "date") { s.getRange("B1").setValue(new Date(0)); var v = s.getRange("B1:C1").getValues()[0]; return [v[0] instanceof Date, v[1]]; }
      if (kind === "ui") { SpreadsheetApp.getUi(); } }`);
    expect(w.run("t", { event: "formula" }).value).toEqual([[["=1+1"], [""]], "=1+1"]);
    expect(w.run("t", { event: "shape" }).error).toMatch(anyLanguage("rowsMismatch"));
    expect(w.run("t", { event: "range" }).error).toMatch(anyLanguage("outsideDimensions"));
    expect(w.run("t", { event: "date" }).value).toEqual([true, ""]);
    expect(w.run("t", { event: "ui" }).error).toMatch(anyLanguage("noUi"));
    expect(w.run("t", { event: "ui", ui: true }).ok).toBe(true);
  });
});

describe("clasp", () => {
  it("`npx clasp status` lists exactly the two built files as the push set", () => {
    const out = execFileSync("npx", ["clasp", "status"], { cwd: ROOT, encoding: "utf8", timeout: 60000 });
    const tracked = out.split("Untracked files:")[0];
    expect(tracked.match(/dist\/\S+/g)?.sort()).toEqual(["dist/Code.js", "dist/appsscript.json"]);
  });
});
