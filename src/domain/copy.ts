// A Sheet made with File → Make a copy carries the original's script and stored state: until setup runs in it, no
// menu action may use that state (it names the original's Sheet and forms).
export const IS_COPY =
  "Bảng tính này là bản sao của một bảng tính khác. Chạy Thiết lập trước: bản sao sẽ có biểu mẫu và trình kích hoạt riêng, không ghi vào bảng tính gốc.";
