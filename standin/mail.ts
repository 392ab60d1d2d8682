// MailApp: sends as the account running the script, within that account's daily quota and Google's size limits.
import { google } from "./google.js";
import { StandinBlob } from "./utilities.js";
import type { World } from "./world.js";

type MailApp = GoogleAppsScript.Mail.MailApp;
type Params = GoogleAppsScript.Mail.MailAdvancedParameters;

export interface SentMail {
  at: number;
  /** MailApp sends from the account the script runs as */
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody: string | null;
  name: string | null;
  replyTo: string | null;
  attachments: { name: string; contentType: string; data: Uint8Array; convertedFrom?: string }[];
}

/** subjects stop at 250 characters (https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(String,String,String)) */
export const SUBJECT_LIMIT = 250;
/** "Email body size: 200 KB / message", in bytes (https://developers.google.com/apps-script/guides/services/quotas) */
export const BODY_LIMIT = 200 * 1024;
/** "Email recipients per message: 50 / msg" (https://developers.google.com/apps-script/guides/services/quotas) */
export const RECIPIENTS_LIMIT = 50;

const splitAddr = (s: unknown): string[] =>
  typeof s === "string" && s.trim()
    ? s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean)
    : [];

const bytes = (s: string) => new TextEncoder().encode(s).length;

export function makeMailApp(w: World): Pick<MailApp, "sendEmail" | "getRemainingDailyQuota"> {
  const send = (a: string | Params, subject?: string, body?: string, more?: string | Params, fourth?: string): void => {
    w.meter.hit("MailApp", "MailApp.sendEmail");
    let m: Params;
    if (typeof a === "object" && a !== null) m = a;
    else if (typeof more === "string") m = { to: a, replyTo: subject, subject: body, body: more, htmlBody: fourth } as Params;
    else m = { to: a, subject: subject ?? "", body: body ?? "", ...(more ?? {}) };
    const to = splitAddr(m.to);
    const cc = splitAddr(m.cc);
    const bcc = splitAddr(m.bcc);
    if (!to.length && !cc.length && !bcc.length) throw w.fail("noRecipient");
    const n = to.length + cc.length + bcc.length;
    if (n > RECIPIENTS_LIMIT) throw w.fail("tooManyRecipients");
    if (w.mailRemaining() < n) throw w.fail("mailQuota");
    const subj = String(m.subject ?? "");
    if (subj.length > SUBJECT_LIMIT) throw w.fail("subjectTooLong");
    if (bytes(String(m.body ?? "")) + bytes(String(m.htmlBody ?? "")) > BODY_LIMIT) throw w.fail("bodyTooLarge");
    const atts = ((m.attachments as unknown[] | undefined) ?? []).map((b) => {
      if (!(b instanceof StandinBlob)) throw new TypeError("not a Blob");
      // a document's PDF keeps the document it was made from (the simulator writes it as .docx)
      if (b.convertedFrom && !/^text\//.test(b.convertedFrom))
        return { name: b.name ?? "", contentType: b.contentType, data: b.data, convertedFrom: b.convertedFrom };
      // the stand-in cannot render a PDF: the outbox keeps the HTML Google would have converted
      return b.convertedFrom
        ? {
            name: `${(b.name ?? "").replace(/\.pdf$/i, "")}.pdf-source.html`,
            contentType: b.convertedFrom,
            data: b.data,
            convertedFrom: "application/pdf",
          }
        : { name: b.name ?? "", contentType: b.contentType, data: b.data };
    });
    w.useMail(n);
    w.mails.push({
      at: w.now,
      from: w.user(),
      to,
      cc,
      bcc,
      subject: subj,
      body: String(m.body ?? ""),
      htmlBody: m.htmlBody === undefined ? null : String(m.htmlBody),
      name: m.name === undefined ? null : String(m.name),
      replyTo: m.replyTo === undefined ? null : String(m.replyTo),
      attachments: atts,
    });
  };
  return google<Pick<MailApp, "sendEmail" | "getRemainingDailyQuota">>({
    sendEmail: send as MailApp["sendEmail"],
    getRemainingDailyQuota(): number {
      w.meter.hit("MailApp", "MailApp.getRemainingDailyQuota");
      return w.mailRemaining();
    },
  });
}
