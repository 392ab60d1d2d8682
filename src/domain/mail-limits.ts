// MailApp's limits on one mail, checked before it is sent: a mail Google would refuse is reshaped by whoever made it,
// and never handed to Google to be refused again and again.
import { utf8Length } from "./text";

/**
 * "Email body size: 200 KB / message" (counted in bytes: a Vietnamese letter takes 2 or 3) and "Email recipients per
 * message: 50" (https://developers.google.com/apps-script/guides/services/quotas); a subject of at most 250 characters
 * (https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(String,String,String))
 */
export const MAIL_LIMITS = { bodyBytes: 200 * 1024, recipients: 50, subjectChars: 250 } as const;

interface MailShape {
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string;
}

/** the body as Google counts it: the plain part and the HTML part together, in bytes */
export function bodyBytes(m: Pick<MailShape, "text" | "html">): number {
  return utf8Length(m.text) + utf8Length(m.html);
}

/** what in a mail passes Google's limits, in Vietnamese (for the mail log and the run log); empty when it fits */
export function overLimits(m: MailShape): string[] {
  const out: string[] = [];
  const body = bodyBytes(m);
  if (body > MAIL_LIMITS.bodyBytes)
    out.push(`nội dung thư ${Math.ceil(body / 1024)} KB, quá giới hạn ${MAIL_LIMITS.bodyBytes / 1024} KB một thư của Google`);
  const n = m.to.length + m.cc.length;
  if (n > MAIL_LIMITS.recipients) out.push(`${n} người nhận, quá giới hạn ${MAIL_LIMITS.recipients} người nhận một thư của Google`);
  if (m.subject.length > MAIL_LIMITS.subjectChars)
    out.push(`tiêu đề ${m.subject.length} ký tự, quá giới hạn ${MAIL_LIMITS.subjectChars} ký tự của Google`);
  return out;
}
