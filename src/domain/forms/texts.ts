// What a form says that depends on the settings: its description, the page after submitting, the help texts. The
// specs write {{…}}; setup and a settings edit fill them, so a changed deadline or desk name reaches the forms.
import { REGISTRATION } from "../periods";
import type { Settings } from "../settings";
import { deadlinePhrase, monthlyDeadlinePhrase } from "../wording";
import type { FormSpec } from "./spec";

/** the values a form's texts may use */
function formValues(s: Settings): Record<string, string> {
  return {
    to_chuc: s.orgShort,
    bo_phan: s.deskName,
    han_dang_ky: deadlinePhrase(REGISTRATION, s),
    han_thang: monthlyDeadlinePhrase(s),
    // the form collects the verified address of whoever signs in: a chair must know before opening it, and what to
    // do without a Google account (the desk records a report received any other way; it counts the same)
    dang_nhap: s.verifySender
      ? `Biểu mẫu yêu cầu đăng nhập bằng tài khoản Google (Gmail) để ghi nhận người gửi: dùng tài khoản có địa chỉ email mà đơn vị đã báo với ${s.orgShort}; gửi từ tài khoản khác thì báo cáo chờ cán bộ xác nhận. Không có tài khoản Google: gửi nội dung bằng email hoặc văn bản cho ${s.deskName}, cán bộ nhập thay và đơn vị vẫn được tính là đã nộp.`
      : `Biểu mẫu yêu cầu đăng nhập bằng tài khoản Google (Gmail). Không có tài khoản Google: gửi nội dung bằng email hoặc văn bản cho ${s.deskName}, cán bộ nhập thay và đơn vị vẫn được tính là đã nộp.`,
    // the page promises a receipt only when receipts are on; a request to fix goes out whatever the setting says
    thu_xac_nhan: s.receipts
      ? "Thư xác nhận kèm nội dung đã nhận sẽ được gửi về email của đồng chí và email của đơn vị; nếu còn nội dung cần sửa, thư sẽ nói rõ và kèm đường dẫn sửa."
      : "Nếu còn nội dung cần sửa, thư hướng dẫn sửa sẽ được gửi về email của đồng chí. Cần bổ sung, điều chỉnh, đồng chí dùng đường dẫn sửa câu trả lời trên trang này.",
  };
}

const fillText = (text: string, v: Record<string, string>) => text.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (m, n: string) => v[n] ?? m);

export interface FormTexts {
  description: string;
  confirmation: string;
  /** by question key */
  help: Record<string, string>;
}

/** the texts of a form under these settings */
function formTexts(spec: FormSpec, s: Settings): FormTexts {
  const v = formValues(s);
  return {
    description: fillText(spec.description, v),
    confirmation: fillText(spec.confirmation, v),
    help: Object.fromEntries(spec.fields.map((f) => [f.key, fillText(f.help ?? "", v)])),
  };
}

/** the spec as the form shows it under these settings (what setup makes the form from) */
export function formSpecFor(spec: FormSpec, s: Settings): FormSpec {
  const t = formTexts(spec, s);
  return {
    ...spec,
    description: t.description,
    confirmation: t.confirmation,
    fields: spec.fields.map((f) => (f.help ? { ...f, help: t.help[f.key] } : f)),
  };
}

/** what changed between two settings' texts: only those are written to the form */
export function changedTexts(spec: FormSpec, before: Settings | null, after: Settings): Partial<FormTexts> {
  const a = formTexts(spec, after);
  if (!before) return a;
  const b = formTexts(spec, before);
  const out: Partial<FormTexts> = {};
  if (a.description !== b.description) out.description = a.description;
  if (a.confirmation !== b.confirmation) out.confirmation = a.confirmation;
  const help = Object.fromEntries(Object.entries(a.help).filter(([k, h]) => h !== b.help[k]));
  if (Object.keys(help).length) out.help = help;
  return out;
}
