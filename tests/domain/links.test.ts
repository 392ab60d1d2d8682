// Pure domain: the Facebook links chairs really copy into the registration form (the address bar on a phone or a
// computer, Share → Copy link in the app, a short link, a link with tracking parameters), each taken for what it is:
// the unit's account, its anonymous group, or refused with a message that says what to do. No stand-in.
import { describe, expect, it } from "vitest";
import { SPECS } from "../../src/domain/forms";
import { parseAnswers } from "../../src/domain/forms/spec";
import type { Unit } from "../../src/domain/units";
import { facebookLink, type ParseContext } from "../../src/domain/validate";

type Field = "account" | "group";
/** input, question, then the canonical link when taken, or the key words of the message when refused */
type Row = [string, Field, string | RegExp];

/** what to do, in every refusal: where to copy the right link from */
const HOW_ACCOUNT = /mở trang của tài khoản .*Sao chép liên kết/;
const HOW_GROUP = /mở nhóm .*facebook\.com\/groups\/….*Sao chép liên kết \(facebook\.com\/share\/g\/…\)/;

const ROWS: Row[] = [
  // the address bar, with and without scheme, www, trailing slash
  ["https://www.facebook.com/congdoananhduong", "account", "https://www.facebook.com/congdoananhduong"],
  ["facebook.com/congdoan.ad/", "account", "https://www.facebook.com/congdoan.ad"],
  ["http://facebook.com/CongDoanAnhDuong", "account", "https://www.facebook.com/CongDoanAnhDuong"],
  ["  www.facebook.com/congdoananhduong  ", "account", "https://www.facebook.com/congdoananhduong"],
  ["HTTPS://WWW.FACEBOOK.COM/congdoananhduong/", "account", "https://www.facebook.com/congdoananhduong"],
  // phones and the lite sites
  ["https://m.facebook.com/congdoan.ad/?ref=bookmarks", "account", "https://www.facebook.com/congdoan.ad"],
  ["https://web.facebook.com/congdoananhduong?_rdc=1&_rdr", "account", "https://www.facebook.com/congdoananhduong"],
  ["mbasic.facebook.com/profile.php?id=100012345678901&refid=17", "account", "https://www.facebook.com/profile.php?id=100012345678901"],
  ["https://vi-vn.facebook.com/congdoananhduong", "account", "https://www.facebook.com/congdoananhduong"],
  // profiles without a username, pages in the new layout
  ["https://www.facebook.com/profile.php?id=100089123456789", "account", "https://www.facebook.com/profile.php?id=100089123456789"],
  [
    "https://www.facebook.com/profile.php?id=100089123456789&mibextid=ZbWKwL",
    "account",
    "https://www.facebook.com/profile.php?id=100089123456789",
  ],
  ["https://www.facebook.com/profile.php?mibextid=ZbWKwL", "account", /thiếu mã tài khoản/],
  [
    "https://www.facebook.com/people/Cong-Doan-Anh-Duong/100089123456789/",
    "account",
    "https://www.facebook.com/people/Cong-Doan-Anh-Duong/100089123456789",
  ],
  [
    "https://www.facebook.com/p/Cong-Doan-Anh-Duong-100089123456789/",
    "account",
    "https://www.facebook.com/p/Cong-Doan-Anh-Duong-100089123456789",
  ],
  ["facebook.com/congdoananhduong/about", "account", "https://www.facebook.com/congdoananhduong"],
  // tracking parameters dropped
  ["https://www.facebook.com/congdoananhduong?mibextid=LQQJ4d", "account", "https://www.facebook.com/congdoananhduong"],
  [
    "https://www.facebook.com/congdoananhduong?rdid=AbCdEf123&share_url=https%3A%2F%2Fwww.facebook.com%2Fshare%2F1AbCdEfGh%2F",
    "account",
    "https://www.facebook.com/congdoananhduong",
  ],
  // Share → Copy link in the app: a profile or page, a group
  ["https://www.facebook.com/share/1AbCdEfGh2/", "account", "https://www.facebook.com/share/1AbCdEfGh2/"],
  ["https://www.facebook.com/share/1AbCdEfGh2/?mibextid=wwXIfr", "account", "https://www.facebook.com/share/1AbCdEfGh2/"],
  ["facebook.com/share/1AbCdEfGh2", "account", "https://www.facebook.com/share/1AbCdEfGh2/"],
  ["https://www.facebook.com/share/g/19XyZ8wVu7/", "group", "https://www.facebook.com/share/g/19XyZ8wVu7/"],
  ["https://m.facebook.com/share/g/19XyZ8wVu7/?mibextid=K35XfP", "group", "https://www.facebook.com/share/g/19XyZ8wVu7/"],
  ["https://www.facebook.com/share/g/19XyZ8wVu7/", "account", /đường dẫn tới một nhóm.*không phải nhóm.*Đường dẫn nhóm ẩn danh/],
  ["https://www.facebook.com/share/1AbCdEfGh2/", "group", /phải là đường dẫn nhóm Facebook, đây là đường dẫn tài khoản hoặc trang/],
  // the short link to a page or profile
  ["fb.me/congdoananhduong", "account", "https://fb.me/congdoananhduong"],
  ["https://fb.me/congdoananhduong/", "account", "https://fb.me/congdoananhduong"],
  ["fb.me/congdoananhduong", "group", /phải là đường dẫn nhóm Facebook/],
  // groups: the address bar, a phone, a post inside it, tracking
  ["https://www.facebook.com/groups/123456789", "group", "https://www.facebook.com/groups/123456789"],
  ["facebook.com/groups/gocchiaseanhduong/", "group", "https://www.facebook.com/groups/gocchiaseanhduong"],
  ["https://m.facebook.com/groups/987654?ref=share&mibextid=NSMWBT", "group", "https://www.facebook.com/groups/987654"],
  ["fb.com/groups/987654/permalink/1234567/", "group", "https://www.facebook.com/groups/987654"],
  ["https://www.facebook.com/groups/987654/posts/1234567/?rdid=x&share_url=y", "group", "https://www.facebook.com/groups/987654"],
  ["https://www.facebook.com/groups/feed/", "group", /chưa chỉ tới nhóm nào/],
  // a group given for the account, an account for the group
  ["https://www.facebook.com/groups/123456789", "account", /không phải nhóm/],
  ["https://www.facebook.com/congdoananhduong", "group", /phải là đường dẫn nhóm Facebook/],
  ["https://www.facebook.com/profile.php?id=100089123456789", "group", /phải là đường dẫn nhóm Facebook/],
  // redirects: what a link clicked inside Facebook or Messenger leaves in the address bar
  [
    "https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.facebook.com%2Fcongdoananhduong&h=AT0x",
    "account",
    /chuyển tiếp.*l\.php.*không phải đường dẫn của tài khoản/,
  ],
  ["https://www.facebook.com/l.php?u=https%3A%2F%2Fwww.facebook.com%2Fcongdoananhduong", "account", /chuyển tiếp/],
  ["lm.facebook.com/l.php?u=https%3A%2F%2Fwww.facebook.com%2Fgroups%2F123", "group", /chuyển tiếp.*không phải đường dẫn của nhóm/],
  // a post, photo, video, story or reel rather than the account or group
  ["https://www.facebook.com/share/p/1BcDeFgHi3/", "account", /một bài viết, không phải tới tài khoản hay trang/],
  ["https://www.facebook.com/share/v/1BcDeFgHi3/", "account", /một video/],
  ["https://www.facebook.com/share/r/1BcDeFgHi3/", "group", /một thước phim \(reel\), không phải tới nhóm/],
  ["https://www.facebook.com/congdoananhduong/posts/pfbid02AbCdEf", "account", /một bài viết/],
  ["https://www.facebook.com/permalink.php?story_fbid=pfbid02AbC&id=100089123456789", "account", /một bài viết/],
  ["https://m.facebook.com/story.php?story_fbid=123&id=456", "account", /một bài viết/],
  ["https://www.facebook.com/photo/?fbid=123456&set=a.789", "account", /một ảnh/],
  ["https://www.facebook.com/congdoananhduong/photos/a.123/456/", "account", /một ảnh/],
  ["https://www.facebook.com/watch/?v=123456789", "account", /một video/],
  ["https://fb.watch/abCdEf12/", "account", /một video/],
  ["https://www.facebook.com/reel/123456789", "account", /một thước phim/],
  ["https://www.facebook.com/stories/100089123456789/", "account", /một tin \(story\)/],
  // Facebook's own pages, other sites, look-alikes
  ["https://www.facebook.com/", "account", /trang chủ.*chưa chỉ tới tài khoản nào/],
  ["https://www.facebook.com/login/?next=%2Fcongdoan", "account", /chưa chỉ tới tài khoản nào/],
  ["https://zalo.me/0901234567", "account", /phải là đường dẫn Facebook/],
  ["https://facebook.com.evil.example/groups/1", "group", /phải là đường dẫn Facebook/],
  ["https://notfacebook.com/congdoan", "account", /phải là đường dẫn Facebook/],
  ["Công đoàn Công ty Ánh Dương", "account", /phải là đường dẫn Facebook/],
];

describe("Facebook links as chairs copy them", () => {
  it(`${ROWS.length} real link shapes: taken for what they are, or refused saying what to do`, () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(30);
    for (const [input, field, want] of ROWS) {
      const r = facebookLink(input, field);
      if (typeof want === "string") expect(r, `${field}: ${input}`).toEqual({ ok: true, value: want, note: undefined });
      else {
        expect(r.ok, `${field}: ${input}`).toBe(false);
        if (!r.ok) expect(r.problem, `${field}: ${input}`).toMatch(want);
      }
    }
  });

  it("every refusal of a Facebook link says where to copy the right one from, for the question it answers", () => {
    const refused = ROWS.filter(([, , want]) => want instanceof RegExp && !want.source.includes("phải là đường dẫn Facebook"));
    expect(refused.length).toBeGreaterThan(20);
    for (const [input, field] of refused) {
      const r = facebookLink(input, field);
      if (r.ok) throw new Error(input);
      // a missing id names what is missing; a group given for the account names the other question
      if (/thiếu mã|Đường dẫn nhóm ẩn danh/.test(r.problem)) continue;
      expect(r.problem, `${field}: ${input}`).toMatch(field === "group" ? HOW_GROUP : HOW_ACCOUNT);
    }
  });

  it("a canonical link is taken again as it is: normalising twice changes nothing", () => {
    for (const [input, field, want] of ROWS) {
      if (typeof want !== "string") continue;
      expect(facebookLink(want, field), input).toEqual({ ok: true, value: want, note: undefined });
    }
  });

  it("the registration form names the question, the reason and what was typed", () => {
    const unit: Unit = {
      code: "CD001",
      name: "CĐCS Công ty CD001",
      chair: "Nguyễn Văn A",
      emails: ["cd001@example.vn"],
      phone: "",
      group: "",
      activeFrom: "",
      activeTo: "",
    };
    const ctx: ParseContext = { units: new Map([["CD001", unit]]), firstPeriod: "2018-09", receivedMonth: "2018-10" };
    const answers = (accountUrl: string, groupUrl: string) =>
      parseAnswers(
        SPECS.registration,
        {
          unit: "CD001",
          accountType: "Tên Công đoàn cơ sở",
          accountName: "Công đoàn Công ty Ánh Dương",
          accountUrl,
          groupName: "Góc chia sẻ Ánh Dương",
          groupUrl,
          followed: ["Công đoàn Việt Nam"],
        },
        ctx,
      );
    const good = answers("https://www.facebook.com/share/1AbCdEfGh2/?mibextid=wwXIfr", "https://m.facebook.com/share/g/19XyZ8wVu7/");
    expect(good.ok).toBe(true);
    if (good.ok) {
      expect(good.value.accountUrl).toBe("https://www.facebook.com/share/1AbCdEfGh2/");
      expect(good.value.groupUrl).toBe("https://www.facebook.com/share/g/19XyZ8wVu7/");
    }
    const swapped = answers("https://www.facebook.com/share/g/19XyZ8wVu7/", "https://l.facebook.com/l.php?u=x");
    expect(swapped.ok).toBe(false);
    if (!swapped.ok) {
      expect(swapped.problem.errors.map((e) => e.key)).toEqual(["accountUrl", "groupUrl"]);
      expect(swapped.problem.errors[0].message).toMatch(
        /^Đường dẫn tài khoản Facebook: đây là đường dẫn tới một nhóm.*; đã nhập: “https:\/\/www\.facebook\.com\/share\/g\/19XyZ8wVu7\/”$/,
      );
      expect(swapped.problem.errors[1].message).toMatch(/^Đường dẫn nhóm ẩn danh: đây là đường dẫn chuyển tiếp của Facebook \(l\.php\)/);
    }
  });
});
