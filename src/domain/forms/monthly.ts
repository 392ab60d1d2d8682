// Monthly report form: public opinion, concerns and aspirations, as unit-level summaries. Texts in {{…}} come from the
// settings (see ./texts.ts); each question is one line (a form already made adds a new one at its end; its tab,
// a column at its end).
import { form, q } from "./spec";

const COUNT = "Chỉ ghi chữ số, ví dụ 12; không có thì ghi 0.";
/** a count summed in the report's table of social-media activity (and followed in its trend), under its column */
const ACTIVITY = { figures: "activity" } as const;
const HARMFUL = "Thông tin xấu, độc, sai sự thật phát hiện trong tháng và cách đơn vị xử lý";
const HARMFUL_HELP =
  "Không có thì để trống. Nêu nội dung, nơi phát hiện và việc đơn vị đã làm. Ví dụ: Bài viết sai sự thật về bảo hiểm xã hội một lần trong nhóm công nhân; nhóm nòng cốt đã chia sẻ thông tin chính thống, phản bác.";
/** the monthly report gives these answers a section of their own, under this heading */
const HARMFUL_SECTION = "Thông tin xấu, độc, sai sự thật đơn vị phát hiện và việc phản bác";
/** what cannot wait for the 24th (scenario Revision 3): an answer here is mailed to the leaders the moment it is stored */
const URGENT = "Vụ việc cần báo cáo ngay";
const URGENT_HELP =
  "Không có thì để trống. Chỉ ghi việc lãnh đạo cần biết ngay, không chờ hạn báo cáo: tranh chấp có thể dẫn đến ngừng việc, nợ lương, bài viết gây hại đang lan rộng. Không ghi họ tên, số điện thoại của cá nhân. Ví dụ: Công ty chậm trả lương tháng 9 cho khoảng 300 công nhân, người lao động bàn ngừng việc từ tuần sau. Có nội dung ở câu này, thư báo được gửi ngay tới lãnh đạo {{to_chuc}}.";
const URGENT_SECTION = "Vụ việc đơn vị báo cáo ngay trong tháng";

export const monthlySpec = form({
  id: "monthly",
  title: "Báo cáo tháng: tình hình dư luận xã hội, tâm tư, nguyện vọng của đoàn viên, CNVCLĐ",
  description:
    "Công đoàn cơ sở báo cáo hằng tháng cho {{bo_phan}}, hạn nộp {{han_thang}}. Các số liệu tính trong tháng báo cáo. Báo cáo là tổng hợp chung của đơn vị: không ghi họ tên, số điện thoại, giấy tờ của người lao động. {{dang_nhap}}",
  confirmation: "{{to_chuc}} đã nhận báo cáo tháng của đơn vị. {{thu_xac_nhan}}",
  tab: "Báo cáo tháng",
  fields: [
    q("unit", "unit", "Công đoàn cơ sở", "Đơn vị", { help: "Đường dẫn riêng của đơn vị đã chọn sẵn; nếu chưa, chọn mã và tên đơn vị." }),
    q("month", "month", "Kỳ báo cáo (tháng)", "Tháng", { help: "Tháng được báo cáo; hạn nộp {{han_thang}}." }),
    q("situation", "paragraph", "Tình hình đoàn viên, CNVCLĐ trong tháng", "Tình hình CNVCLĐ", {
      help: "Việc làm, thu nhập, đời sống, tư tưởng. Ví dụ: Đơn hàng tăng, người lao động làm thêm giờ trong giới hạn cho phép; đời sống ổn định.",
    }),
    q("opinion", "paragraph", "Dư luận xã hội nổi bật trong tháng", "Dư luận xã hội", {
      help: "Điều đoàn viên, người lao động bàn tán nhiều. Ví dụ: Người lao động quan tâm việc điều chỉnh lương tối thiểu vùng từ 01/01/2019.",
    }),
    q("concerns", "paragraph", "Tâm tư, nguyện vọng của đoàn viên, CNVCLĐ trong tháng", "Tâm tư, nguyện vọng", {
      help: "Điều người lao động mong muốn, lo lắng. Ví dụ: Mong doanh nghiệp sớm công bố mức thưởng Tết.",
    }),
    q("proposals", "paragraph", "Đề xuất, kiến nghị với công đoàn cấp trên", "Đề xuất, kiến nghị", {
      help: "Không có thì để trống. Ví dụ: Đề nghị {{to_chuc}} tổ chức tư vấn pháp luật về hợp đồng lao động.",
      required: false,
    }),
    q("harmful", "paragraph", HARMFUL, "Thông tin xấu độc, cách xử lý", {
      help: HARMFUL_HELP,
      required: false,
      report: { section: HARMFUL_SECTION },
    }),
    q("urgent", "paragraph", URGENT, "Vụ việc khẩn", { help: URGENT_HELP, required: false, report: { section: URGENT_SECTION } }),
    q("sharedPosts", "number", "Số bài viết của Công đoàn các cấp đơn vị đã chia sẻ trong tháng", "Bài đã chia sẻ", {
      help: COUNT,
      report: ACTIVITY,
    }),
    q("newAccounts", "number", "Số đoàn viên, CNVCLĐ mới kết nối, theo dõi trang Công đoàn trong tháng", "Người mới kết nối", {
      help: COUNT,
      report: ACTIVITY,
    }),
    q("coreMembers", "number", "Số CNVCLĐ nòng cốt được chọn, bồi dưỡng trong tháng", "Nòng cốt", { help: COUNT, report: ACTIVITY }),
    q("groupsJoined", "number", "Số nhóm ẩn danh đơn vị lập mới hoặc tham gia trong tháng", "Nhóm ẩn danh", {
      help: COUNT,
      report: ACTIVITY,
    }),
    q("interactions", "number", "Số lượt tương tác với bài viết trên trang, nhóm của đơn vị trong tháng", "Lượt tương tác", {
      help: "Cộng số lượt thích, bình luận, chia sẻ các bài viết trong tháng (mục thống kê của trang, nhóm). Chỉ ghi chữ số, ví dụ 120; không theo dõi được thì để trống.",
      required: false,
      report: ACTIVITY,
    }),
  ],
});
