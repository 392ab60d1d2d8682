// Monthly report form: public opinion, concerns and aspirations, as unit-level summaries.
import { type FormSpec, q } from "./spec";

const SUMMARY_ONLY = "Tóm tắt chung của đơn vị; không ghi họ tên, số điện thoại, giấy tờ của người lao động.";

export const monthlySpec: FormSpec = {
  id: "monthly",
  title: "Báo cáo tháng: tình hình dư luận xã hội, tâm tư, nguyện vọng của đoàn viên, CNVCLĐ",
  description:
    "CĐCS báo cáo trước ngày 24 hàng tháng về LĐLĐ Quận 1 (bộ phận Tuyên giáo). Báo cáo là tổng hợp của đơn vị: không nêu tên người lao động.",
  confirmation: "LĐLĐ Quận 1 đã nhận báo cáo tháng; thư xác nhận được gửi về email của đồng chí.",
  tab: "Báo cáo tháng",
  fields: [
    q("unit", "unit", "Công đoàn cơ sở", "Đơn vị"),
    q("month", "month", "Báo cáo của tháng", "Tháng"),
    q("situation", "paragraph", "Tình hình đoàn viên, CNVCLĐ trong tháng", "Tình hình CNVCLĐ", { help: SUMMARY_ONLY }),
    q("opinion", "paragraph", "Dư luận xã hội nổi bật", "Dư luận xã hội", { help: SUMMARY_ONLY }),
    q("concerns", "paragraph", "Tâm tư, nguyện vọng của đoàn viên, CNVCLĐ", "Tâm tư, nguyện vọng", { help: SUMMARY_ONLY }),
    q("proposals", "paragraph", "Đề xuất, kiến nghị với công đoàn cấp trên", "Đề xuất, kiến nghị", { help: SUMMARY_ONLY, required: false }),
    q("sharedPosts", "number", "Số bài viết của Công đoàn các cấp đã chia sẻ", "Bài đã chia sẻ"),
    q("newAccounts", "number", "Số đoàn viên, CNVCLĐ mới kết nối, theo dõi trang", "Người mới kết nối"),
    q("coreMembers", "number", "Số CNVCLĐ nòng cốt", "Nòng cốt"),
    q("groupsJoined", "number", "Số nhóm ẩn danh đã lập hoặc tham gia", "Nhóm ẩn danh"),
  ],
};
