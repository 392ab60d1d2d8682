// Registration form: the account and the anonymous group the directive asks every CĐCS to register.
import { quote } from "../text";
import { facebookLink, unionNamed } from "../validate";
import { choices, type FormSpec, q } from "./spec";

const NOT_UNION = "không đặt tên công đoàn (không có chữ “Công đoàn”, “CĐ”, “CĐCS”…)";
const UNION_NAMED = "không được đặt theo tên công đoàn (không được có chữ “Công đoàn”, “CĐ”, “CĐCS”, “LĐLĐ”…)";

const link = (want: "account" | "group") => (v: unknown) => {
  const r = facebookLink(v, want);
  return r.ok ? { value: r.value } : r.error;
};

export const registrationSpec: FormSpec = {
  id: "registration",
  title: "Đăng ký tài khoản Facebook của Công đoàn cơ sở",
  description:
    "Mỗi CĐCS đăng ký 01 tài khoản Facebook mang tên CĐCS hoặc Chủ tịch CĐCS và 01 nhóm ẩn danh (không đặt tên công đoàn), hạn trước ngày 15/10/2018. Chỉ hỏi thông tin của đơn vị, không hỏi thông tin cá nhân người lao động.",
  confirmation: "LĐLĐ Quận 1 đã nhận thông tin đăng ký; thư xác nhận được gửi về email của đồng chí.",
  tab: "Đăng ký",
  fields: [
    q("unit", "unit", "Công đoàn cơ sở", "Đơn vị"),
    q("accountType", "choice", "Tài khoản Facebook mang tên", "Loại tài khoản", {
      choices: choices("cdcs=Tên Công đoàn cơ sở;chair=Tên Chủ tịch CĐCS"),
    }),
    q("accountName", "shortText", "Tên tài khoản Facebook", "Tên tài khoản"),
    q("accountUrl", "shortText", "Đường dẫn tài khoản Facebook", "Đường dẫn tài khoản", {
      help: "Ví dụ: https://www.facebook.com/congdoananhduong",
      rule: link("account"),
    }),
    q("groupName", "shortText", "Tên nhóm ẩn danh", "Tên nhóm ẩn danh", {
      help: `Nhóm ẩn danh là nhóm ${NOT_UNION}.`,
      // shown after the question's title: "Tên nhóm ẩn danh: không được đặt theo tên công đoàn …; đã nhập: “…”"
      rule: (v) => (unionNamed(String(v)) ? `${UNION_NAMED}; đã nhập: ${quote(String(v))}` : null),
    }),
    q("groupUrl", "shortText", "Đường dẫn nhóm ẩn danh", "Đường dẫn nhóm", {
      help: "Ví dụ: https://www.facebook.com/groups/123456789",
      rule: link("group"),
    }),
    q("followed", "checkboxes", "Tài khoản đã theo dõi trang của", "Đã theo dõi", {
      choices: choices("vgcl=Công đoàn Việt Nam;hcm=LĐLĐ TP. Hồ Chí Minh;q1=LĐLĐ Quận 1"),
    }),
  ],
};
