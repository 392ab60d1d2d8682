// What the self-check reads from the live account: facts only (the app judges them). Nothing is left behind: the PDF
// is made in memory and never saved.

import { tabDefs } from "../domain/tabs";
import { utf8Length } from "../domain/text";
import type { FormFacts, FormRef, Probes, Store, TriggerFacts } from "../ports";
import { anyoneResponds, googlePrefill } from "./form-gateway";
import { ssOf } from "./sheet-store";

function form(ref: FormRef): FormFacts | { error: string } {
  let f: GoogleAppsScript.Forms.Form;
  try {
    f = FormApp.openById(ref.id);
  } catch (e) {
    return { error: String((e as Error)?.message ?? e) };
  }
  const types: Record<number, string> = {};
  for (const it of f.getItems()) types[it.getId()] = String(it.getType());
  return {
    types,
    published: f.isPublished ? f.isPublished() : null,
    accepting: f.isAcceptingResponses(),
    emailCollection: f.getEmailCollectionType ? String(f.getEmailCollectionType()) : null,
    anyone: f.supportsAdvancedResponderPermissions && !f.supportsAdvancedResponderPermissions() ? null : anyoneResponds(ref.id),
  };
}

function triggers(): TriggerFacts[] {
  return ScriptApp.getProjectTriggers().map((t) => {
    const clock = t.getEventType() === ScriptApp.EventType.CLOCK;
    return { handler: t.getHandlerFunction(), type: String(t.getEventType()), source: clock ? "" : t.getTriggerSourceId() };
  });
}

function sheet(store: Store) {
  const ss = ssOf(store);
  let cells = 0;
  for (const s of ss.getSheets()) cells += s.getMaxRows() * s.getMaxColumns();
  const protectedTabs: { tab: string; canEdit: boolean }[] = [];
  for (const d of tabDefs(0)) {
    if (!d.protect) continue;
    const p = ss.getSheetByName(d.name)?.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
    protectedTabs.push({ tab: d.name, canEdit: p ? p.canEdit() : false });
  }
  return { locale: ss.getSpreadsheetLocale(), timeZone: ss.getSpreadsheetTimeZone(), cells, protectedTabs };
}

function pdf(html: string) {
  const b = Utilities.newBlob(html, "text/html", "kiem-tra.html").getAs("application/pdf");
  return { contentType: String(b.getContentType()), bytes: b.getBytes().length };
}

function properties() {
  const all = PropertiesService.getScriptProperties().getProperties();
  let total = 0;
  let largest = 0;
  // Google's limits are in bytes of the stored text: a Vietnamese letter is two or three
  for (const k of Object.keys(all)) {
    const v = utf8Length(all[k]);
    total += utf8Length(k) + v;
    largest = Math.max(largest, v);
  }
  return { total, largest };
}

export const gasProbes: Probes = {
  form,
  prefill: googlePrefill,
  triggers,
  sheet,
  mailQuota: () => MailApp.getRemainingDailyQuota(),
  pdf,
  properties,
  formatDate: (ms, tz, pattern) => Utilities.formatDate(new Date(ms), tz, pattern),
};
