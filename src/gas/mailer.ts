// MailApp only (scope script.send_mail). The quota is read once per run and then counted here. Every mail is held to
// Google's limits before MailApp sees it: the subject cut to fit, the recipients sent in groups of 50 (each group its
// own mail, the same text), a body past 200 KB refused here (its maker reshapes it; Google is never asked to refuse it).

import { MAIL_LIMITS, overLimits } from "../domain/mail-limits";
import type { Settings } from "../domain/settings";
import { fitSubject } from "../domain/text";
import type { Mailer, OutgoingMail } from "../ports";
import { documentPdf } from "./docs";

export class MailAppMailer implements Mailer {
  private left: number | null = null;

  remaining(): number {
    if (this.left === null) this.left = MailApp.getRemainingDailyQuota();
    return this.left;
  }

  send(m: OutgoingMail, s: Settings): void {
    const subject = fitSubject(m.subject);
    const over = overLimits({ ...m, subject, to: [], cc: [] });
    if (over.length) throw new Error(`Không gửi: ${over.join("; ")}`);
    // the cc goes with the first group only: a copy is read once
    const all = [...m.to.map((a) => ({ a, cc: false })), ...m.cc.map((a) => ({ a, cc: true }))];
    const pdf = m.attachment ? documentPdf(m.attachment.documentId) : null;
    for (let i = 0; i < all.length; i += MAIL_LIMITS.recipients) {
      const group = all.slice(i, i + MAIL_LIMITS.recipients);
      const to = group.filter((x) => !x.cc).map((x) => x.a);
      const cc = group.filter((x) => x.cc).map((x) => x.a);
      const options: GoogleAppsScript.Mail.MailAdvancedParameters = {
        to: (to.length ? to : cc).join(","),
        subject,
        body: m.text,
        htmlBody: m.html,
        name: s.senderName,
      };
      if (to.length && cc.length) options.cc = cc.join(",");
      if (s.replyTo) options.replyTo = s.replyTo;
      // the report's Google Doc, as PDF
      if (pdf) options.attachments = [pdf];
      MailApp.sendEmail(options);
      if (this.left !== null) this.left -= group.length;
    }
  }
}
