// The Apps Script side of every port, made once per run.
import type { Ports, Store } from "../app/ports";
import { FORM_IDS, type FormId, SPECS } from "../domain/forms";
import { reportDocs } from "./docs";
import { choicesHash, ensureForm, formIdOf, prefilledLink, readResponse, responsesSince, syncChoices } from "./form-gateway";
import { ScriptLock } from "./lock";
import { MailAppMailer } from "./mailer";
import { SheetStore } from "./sheet-store";
import { PropertiesStateStore } from "./state-store";
import { clearFollowUps, ensureTriggers, scheduleFollowUp } from "./triggers";
import { alert, prompt } from "./ui";
import { ensureChart, ensureTab } from "./workbook";

/** the spreadsheet behind a store this module made */
function ssOf(store: Store): GoogleAppsScript.Spreadsheet.Spreadsheet {
  if (store instanceof SheetStore) return store.ss;
  throw new Error("store is not a SheetStore");
}

export function gasPorts(): Ports {
  return {
    clock: { now: () => Date.now() },
    state: new PropertiesStateStore(),
    open: (id) => SheetStore.open(id),
    active: () => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      return ss ? { store: new SheetStore(ss), id: ss.getId() } : null;
    },
    mailer: new MailAppMailer(),
    lock: new ScriptLock(),
    forms: {
      ensure: (form, ref, ssId, c) => ensureForm(SPECS[form], ref, ssId, c),
      syncChoices: (form, ref, c, last) => syncChoices(SPECS[form], ref, c, last),
      choicesHash: (form, c) => choicesHash(SPECS[form], c),
      responsesSince,
      read: (event, refs) => {
        const e = event as { response?: GoogleAppsScript.Forms.FormResponse; source?: unknown } | undefined;
        if (!e?.response) return null;
        const id = formIdOf(e.source);
        const form = FORM_IDS.find((f) => refs[f]?.id === id) as FormId | undefined;
        if (!form) return null;
        return { form, response: readResponse(e.response, refs[form] as NonNullable<(typeof refs)[FormId]>) };
      },
      prefilledLink,
    },
    triggers: { ensure: ensureTriggers, scheduleFollowUp, clearFollowUps: clearFollowUps },
    ui: {
      alert,
      prompt,
      toast: (store: Store, message: string) => ssOf(store).toast(message, "Báo cáo CĐCS", 8),
    },
    user: () => {
      try {
        return Session.getActiveUser().getEmail();
      } catch {
        return "";
      }
    },
    workbook: {
      prepare: (store, defs) => {
        const ss = ssOf(store);
        const made: string[] = [];
        for (const d of defs) if (ensureTab(ss, d).created) made.push(d.name);
        return made;
      },
      zone: (store, tz) => ssOf(store).setSpreadsheetTimeZone(tz),
      chart: (store, tab, labels, series, title) => {
        const sheet = ssOf(store).getSheetByName(tab);
        if (sheet) ensureChart(sheet, labels, series, title);
      },
    },
    newId: () => Utilities.getUuid(),
    // what the submit handler stored lately (6 hours, CacheService's longest): a redelivered event finds it here
    recent: {
      has: (key) => CacheService.getScriptCache().get(`v:${key}`) !== null,
      add: (keys) => {
        const cache = CacheService.getScriptCache();
        for (const k of keys) cache.put(`v:${k}`, "1", 21600);
      },
    },
    documents: reportDocs,
  };
}
