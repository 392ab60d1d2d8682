// MailApp only (scope script.send_mail). The quota is read once per run and then counted here.
import type { Mailer, OutgoingMail } from "../app/ports";
import type { Settings } from "../domain/settings";
import { fitSubject } from "../domain/text";
import { documentPdf } from "./docs";

export class MailAppMailer implements Mailer {
  private left: number | null = null;

  remaining(): number {
    if (this.left === null) this.left = MailApp.getRemainingDailyQuota();
    return this.left;
  }

  send(m: OutgoingMail, s: Settings): void {
    const options: GoogleAppsScript.Mail.MailAdvancedParameters = {
      to: m.to.join(","),
      subject: fitSubject(m.subject),
      body: m.text,
      htmlBody: m.html,
      name: s.senderName,
    };
    if (m.cc.length) options.cc = m.cc.join(",");
    if (s.replyTo) options.replyTo = s.replyTo;
    // the report's Google Doc, as PDF
    if (m.attachment) options.attachments = [documentPdf(m.attachment.documentId)];
    MailApp.sendEmail(options);
    if (this.left !== null) this.left -= m.to.length + m.cc.length;
  }
}
