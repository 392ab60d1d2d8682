// Registration form: the account and the anonymous group the directive asks every CĐCS to register. Texts in {{…}}
// come from the settings (see ./texts.ts).
import { quote } from "../text";
import { facebookLink, unionNamed } from "../validate";
import { choices, form, q } from "./spec";

const UNION_NAMED = "không được đặt theo tên công đoàn (không được có chữ “Công đoàn”, “CĐ”, “CĐCS”, “LĐLĐ”…)";

const link = (want: "account" | "group") => (v: unknown) => {
  const r = facebookLink(v, want);
  return r.ok ? { value: r.value } : `${r.problem}; đã nhập: ${quote(String(v))}`;
};

export const registrationSpec = form({
  id: "registration",
  title: "Đăng ký tài khoản Facebook của Công đoàn cơ sở",
  description:
    "Mỗi Công đoàn cơ sở đăng ký 01 tài khoản Facebook mang tên CĐCS hoặc tên đồng chí Chủ tịch CĐCS và 01 nhóm ẩn danh (tên nhóm không mang tên công đoàn), gửi {{bo_phan}} {{han_dang_ky}}; đơn vị mới vào danh sách sau hạn này theo hạn ghi trong thư mời. Biểu mẫu chỉ hỏi thông tin của đơn vị, không hỏi thông tin cá nhân của người lao động. {{dang_nhap}}",
  confirmation: "{{to_chuc}} đã nhận thông tin đăng ký của đơn vị. {{thu_xac_nhan}}",
  tab: "Đăng ký",
  fields: [
    q("unit", "unit", "Công đoàn cơ sở", "Đơn vị", { help: "Đường dẫn riêng của đơn vị đã chọn sẵn; nếu chưa, chọn mã và tên đơn vị." }),
    q("accountType", "choice", "Tài khoản Facebook mang tên", "Loại tài khoản", {
      choices: choices("cdcs=Tên Công đoàn cơ sở;chair=Tên Chủ tịch CĐCS"),
    }),
    q("accountName", "shortText", "Tên tài khoản Facebook", "Tên tài khoản", { help: "Ví dụ: Công đoàn Công ty Ánh Dương" }),
    q("accountUrl", "shortText", "Đường dẫn tài khoản Facebook", "Đường dẫn tài khoản", {
      help: "Trên ứng dụng Facebook: mở trang của tài khoản, bấm … → Sao chép liên kết; trên máy tính: chép đường dẫn trên thanh địa chỉ. Ví dụ: https://www.facebook.com/congdoananhduong",
      rule: link("account"),
    }),
    q("groupName", "shortText", "Tên nhóm ẩn danh", "Tên nhóm ẩn danh", {
      help: "Tên nhóm không được có chữ “Công đoàn”, “CĐ”, “CĐCS”, “LĐLĐ”. Ví dụ: Góc chia sẻ Ánh Dương",
      // shown after the question's title: "Tên nhóm ẩn danh: không được đặt theo tên công đoàn …; đã nhập: “…”"
      rule: (v) => (unionNamed(String(v)) ? `${UNION_NAMED}; đã nhập: ${quote(String(v))}` : null),
    }),
    q("groupUrl", "shortText", "Đường dẫn nhóm ẩn danh", "Đường dẫn nhóm", {
      help: "Trên ứng dụng Facebook: mở nhóm, bấm Chia sẻ → Sao chép liên kết; trên máy tính: chép đường dẫn trên thanh địa chỉ. Ví dụ: https://www.facebook.com/groups/123456789",
      rule: link("group"),
    }),
    q("followed", "checkboxes", "Tài khoản đã theo dõi trang của", "Đã theo dõi", {
      choices: choices("vgcl=Công đoàn Việt Nam;hcm=LĐLĐ TP. Hồ Chí Minh;q1=LĐLĐ Quận 1"),
    }),
  ],
});
