// The Apps Script side of every port, made once per run.

import { IS_COPY } from "../domain/copy";
import { FORM_IDS, type FormId, SPECS } from "../domain/forms";
import { TAB_ORDER } from "../domain/tabs";
import type { FormGateway, Ports, State, Store } from "../ports";
import { reportDocs } from "./docs";
import {
  choicesHash,
  ensureForm,
  formIdOf,
  prefilledLink,
  readResponse,
  responsesSince,
  syncChoices,
  unlinkForm,
  writeTexts,
} from "./form-gateway";
import { showSidebar } from "./html";
import { ScriptLock } from "./lock";
import { MailAppMailer } from "./mailer";
import { gasProbes } from "./probes";
import { SheetStore, ssOf } from "./sheet-store";
import { PropertiesStateStore } from "./state-store";
import { clearFollowUps, dropTriggers, ensureTriggers, ensureWatch, scheduleFollowUp } from "./triggers";
import { alert } from "./ui";
import { arrangeTabs, dropTab, ensureChart, ensureTab, placeChart, protectTabs, responseTabs, shapeTab, TabOrder } from "./workbook";

/**
 * The Sheets the product opens: the bound one (from a menu, refused when it is a copy), an archive, a new one.
 * `columns`: the report tabs' answer columns as the run's state has them (where the plain-text columns are).
 */
function sheetPorts(fromMenu: boolean, columns: () => State["columns"] | undefined) {
  return {
    // from a menu, the bound Sheet is opened as the active one: a copy (File → Make a copy) finds it is not the Sheet
    // its stored state names, and refuses before anything is read or written
    open: (id: string) => {
      if (!fromMenu) return SheetStore.open(id, columns);
      const active = SpreadsheetApp.getActiveSpreadsheet();
      if (!active) return SheetStore.open(id, columns);
      if (active.getId() !== id) throw new Error(IS_COPY);
      return new SheetStore(active, columns);
    },
    // an archive: no plain-text columns
    openOther: (id: string) => SheetStore.open(id, null),
    createSpreadsheet: (name: string, editors: string[]) => {
      const ss = SpreadsheetApp.create(name);
      if (editors.length) ss.addEditors(editors);
      return { store: new SheetStore(ss, null), id: ss.getId(), url: ss.getUrl() };
    },
    active: () => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      return ss ? { store: new SheetStore(ss, columns), id: ss.getId() } : null;
    },
  } satisfies Partial<Ports>;
}

function formsPort(): FormGateway {
  return {
    ensure: ensureForm,
    syncChoices: (form, ref, c, last) => syncChoices(SPECS[form], ref, c, last),
    choicesHash: (form, c) => choicesHash(SPECS[form], c),
    responsesSince,
    unlink: unlinkForm,
    read: (event, refs) => {
      // Google's form-submit event; a stray or blank one lacks the response
      const e = event as Partial<GoogleAppsScript.Events.FormsOnFormSubmit> | undefined;
      if (!e?.response) return null;
      const id = formIdOf(e.source);
      const form = FORM_IDS.find((f) => refs[f]?.id === id) as FormId | undefined;
      if (!form) return null;
      return { form, response: readResponse(e.response, refs[form] as NonNullable<(typeof refs)[FormId]>) };
    },
    prefilledLink,
    writeTexts,
  };
}

function workbookPort(): Ports["workbook"] {
  return {
    prepare: (store, defs, restyle = true) => {
      const ss = ssOf(store);
      const made: string[] = [];
      const order = new TabOrder(ss, TAB_ORDER);
      for (const d of defs) if (ensureTab(ss, d, restyle, order).created) made.push(d.name);
      return made;
    },
    zone: (store, tz) => {
      const ss = ssOf(store);
      if (ss.getSpreadsheetTimeZone() !== tz) ss.setSpreadsheetTimeZone(tz);
    },
    locale: (store, locale) => {
      const ss = ssOf(store);
      if (ss.getSpreadsheetLocale() !== locale) ss.setSpreadsheetLocale(locale);
    },
    protectFor: (store, defs, editors) => protectTabs(ssOf(store), defs, editors),
    chart: (store, tab, labels, series, title) => {
      const sheet = ssOf(store).getSheetByName(tab);
      if (sheet) ensureChart(sheet, labels, series, title);
    },
    placeChart: (store, tab, chart) => {
      const sheet = ssOf(store).getSheetByName(tab);
      if (sheet) placeChart(sheet, chart);
    },
    notes: (store, tab, row, col, notes) => {
      const sheet = ssOf(store).getSheetByName(tab);
      if (sheet && notes.length) sheet.getRange(row, col, notes.length, notes[0].length).setNotes(notes);
    },
    arrange: (store, first, focus) => arrangeTabs(ssOf(store), first, focus),
    shape: (store, tab, look) => shapeTab(ssOf(store), tab, look),
    responseTabs: (store) => responseTabs(ssOf(store)),
    drop: (store, tab) => dropTab(ssOf(store), tab),
  };
}

/** `fromMenu`: a staff member clicked; only then can the script be a copy's that was never set up (a copy has no triggers) */
export function gasPorts(fromMenu = false): Ports {
  const lock = new ScriptLock();
  const state = new PropertiesStateStore(lock);
  // the report tabs' answer columns as the run's state has them: where the plain-text columns are
  const columns = () => state.columns();
  return {
    clock: { now: () => Date.now() },
    state,
    ...sheetPorts(fromMenu, columns),
    mailer: new MailAppMailer(),
    lock,
    forms: formsPort(),
    triggers: { ensure: ensureTriggers, scheduleFollowUp, clearFollowUps, ensureWatch, drop: dropTriggers },
    ui: {
      alert,
      sidebar: showSidebar,
      toast: (store: Store, message: string) => ssOf(store).toast(message, "Báo cáo CĐCS", 8),
    },
    user: () => {
      try {
        return Session.getActiveUser().getEmail();
      } catch {
        return "";
      }
    },
    effectiveUser: () => Session.getEffectiveUser().getEmail().toLowerCase(),
    probes: gasProbes,
    workbook: workbookPort(),
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
