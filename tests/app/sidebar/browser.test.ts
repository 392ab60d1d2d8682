// The sidebar where staff make the choices, in a real browser against the stand-in: confirm one sender, reject another,
// remind two chosen units, record a paper report; after each, the Sheet and the outbox show it. Pictures of the sidebar
// are saved for the guide.
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SPECS } from "../../../src/domain/forms";
import { codeOfLabel, DECIDED_LABEL, TAB } from "../../../src/domain/layout";
import { ROOT, type Simulation } from "../../../standin/simulation/simulation";
import { BROWSER_INSTALL, BROWSER_MISSING } from "../../support/browser";
import { COPIER, installed, pausedCopy, registrationAnswers, submitMonthly, unit } from "../../support/helpers";
import { doneMessage, launch, openSidebar } from "../../support/sidebar-browser";

const PERSONAL = "chutich.canhan@gmail.example.com";
const units = ["CD001", "CD002", "CD003", "CD004", "CD005", "CD006"].map((c) => unit(c));
// CD001 reports from a personal address, with markup in its text; CD002 too: one to confirm, one to reject
const first = submitMonthly(
  "CD001",
  "2018-10",
  "2018-10-14T09:00:00+07:00",
  { situation: "<b>Khẩn</b><script>window.__pwned=1</script>" },
  PERSONAL,
);
const second = submitMonthly("CD002", "2018-10", "2018-10-14T09:30:00+07:00", {}, PERSONAL);

let sim: Simulation;
let ctx: BrowserContext;
let page: Page;

const reportRows = () => sim.sheet(SPECS.monthly.tab).values.slice(1);
const rowOf = (id: string) => reportRows().find((r) => r[1] === id) as unknown[];
/** the unit's cell for October in the status tab */
function status(code: string): string {
  const st = sim.sheet(TAB.status);
  const col = (st.values[1] as unknown[]).indexOf("10/2018");
  return String(st.values.find((r) => r[0] === code)?.[col] ?? "");
}
const mailsTo = (addr: string) => sim.world.mails.filter((m) => m.to.includes(addr));
const shot = (name: string) => page.screenshot({ path: join(ROOT, "docs", "images", `sidebar-${name}.png`), fullPage: true });

/** a section chosen in the sidebar's own navigation, drawn from what its server function answered */
async function section(label: string, heading: string): Promise<void> {
  await page.locator("nav button", { hasText: label }).click();
  await page.locator("h2", { hasText: heading }).waitFor();
}

describe.skipIf(BROWSER_MISSING)(`the sidebar in a browser (${BROWSER_INSTALL})`, { tags: ["slow"] }, () => {
  beforeAll(async () => {
    // every unit registered on the first day: the registration (owed from setup, its deadline having passed) is not
    // what this sidebar is about
    const registered = units.map((u) => ({
      type: "submit",
      id: `dk-${u.code}`,
      form: "registration",
      at: "2018-10-01T07:00:00+07:00",
      email: (u.emails as string[])[0],
      answers: registrationAnswers(String(u.code)),
    }));
    sim = installed({
      units,
      settings: { firstPeriod: "2018-10", registrationDeadline: "2018-09-01", registrationGraceDays: 1 },
      events: [...registered, first, second],
      run: { from: "2018-10-01", to: "2018-10-31" },
    });
    for (const e of sim.scenario.events) {
      sim.world.now = e.at;
      sim.apply(e);
    }
    sim.world.now = Date.parse("2018-10-15T10:00:00+07:00");
    ctx = await launch();
  }, 60000);

  afterAll(async () => {
    await ctx?.close();
  });

  it("lists the responses waiting, each with who, which unit, when and what was sent, as text", async () => {
    expect(sim.run("showConfirm", "menu", { ui: true }).ok).toBe(true);
    expect(sim.world.sidebar?.title).toBe("Báo cáo CĐCS");
    page = await openSidebar(ctx, sim.world);
    const cards = page.locator(".card");
    await cards.first().waitFor();
    expect(await cards.count()).toBe(2);
    const one = page.locator(`.card[data-response="${first.id}"]`);
    const text = (await one.textContent()) ?? "";
    expect(text).toContain("CD001 – CĐCS Công ty CD001");
    expect(text).toContain("Tháng 10/2018");
    expect(text).toContain("14/10/2018 09:00");
    expect(text).toContain(PERSONAL);
    // what was sent, shown as the text it is: the markup is not run
    expect(text).toContain("<b>Khẩn</b><script>");
    expect(await page.evaluate("window.__pwned")).toBeUndefined();
    await shot("xac-nhan");
  }, 60000);

  it("confirms one sender: the row says so, the unit is on time at once, the unit and the sender get a receipt", async () => {
    const before = sim.world.mails.length;
    const card = page.locator(`.card[data-response="${first.id}"]`);
    await card.getByRole("button", { name: "Xác nhận", exact: true }).click();
    // asked first, with the chair and phone to call
    const question = (await card.locator(".confirm").first().textContent()) ?? "";
    expect(question).toContain("Chắc chắn xác nhận?");
    expect(question).toContain(PERSONAL);
    expect(sim.world.mails.length).toBe(before);
    await card.screenshot({ path: join(ROOT, "docs", "images", "sidebar-xac-nhan-hoi.png") });
    await card.getByRole("button", { name: "Đúng, xác nhận" }).click();
    const m = await doneMessage(page);
    expect(m.kind, m.text).toBe("ok");
    expect(m.text).toContain(`Đã xác nhận: ${first.id}`);
    const row = rowOf(first.id);
    expect(row[5]).toBe(DECIDED_LABEL.confirmed);
    expect(String(row[6])).toMatch(/^Đã xác nhận: .+, 15\/10\/2018 10:00$/);
    expect(status("CD001")).toBe("Đúng hạn");
    const sent = sim.world.mails.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0].to.sort()).toEqual(["cd001@dv.example.vn", PERSONAL].sort());
    expect(sent[0].subject).toContain("Đã nhận");
    // the list now holds the other one only
    await page.locator(`.card[data-response="${first.id}"]`).waitFor({ state: "detached" });
    expect(await page.locator(".card[data-response]").count()).toBe(1);
    // and the decision can be taken back today
    expect(await page.locator(".card.undo").textContent()).toContain(`Vừa xác nhận: ${first.id}`);
  }, 60000);

  it("undoes the confirmation the same day; a colleague's decision meanwhile is said as such, not as a success", async () => {
    await page.getByRole("button", { name: "Hoàn tác" }).click();
    const m = await doneMessage(page);
    expect(m.kind, m.text).toBe("ok");
    expect(m.text).toContain("trở lại chờ xác nhận");
    expect(rowOf(first.id)[5]).toBe("Chờ xác nhận");
    const card = page.locator(`.card[data-response="${first.id}"]`);
    await card.waitFor();
    // a colleague confirms it from another sidebar; this one still shows it and is pressed
    expect(sim.sidebar("sidebarConfirm", { ids: [first.id] }).ok).toBe(true);
    await card.getByRole("button", { name: "Xác nhận", exact: true }).click();
    await card.getByRole("button", { name: "Đúng, xác nhận" }).click();
    const again = await doneMessage(page);
    expect(again.kind, again.text).toBe("info");
    expect(again.text).toContain("đã được xử lý trước đó");
    expect(rowOf(first.id)[5]).toBe(DECIDED_LABEL.confirmed);
  }, 60000);

  it("rejects the other: the row stays, marked; the unit owes again; the sender is told why", async () => {
    const rows = reportRows().length;
    const card = page.locator(`.card[data-response="${second.id}"]`);
    await card.getByRole("button", { name: "Từ chối", exact: true }).click();
    await card.locator("textarea").fill("Không liên lạc được với Chủ tịch công đoàn");
    await card.getByRole("button", { name: "Gửi từ chối" }).click();
    const m = await doneMessage(page);
    expect(m.kind, m.text).toBe("ok");
    expect(m.text).toContain(`Đã từ chối: ${second.id}`);
    expect(reportRows()).toHaveLength(rows);
    const row = rowOf(second.id);
    expect(row[5]).toBe(DECIDED_LABEL.rejected);
    expect(String(row[6])).toMatch(/^Đã từ chối: .+\. Lý do: Không liên lạc được với Chủ tịch công đoàn$/);
    expect(status("CD002")).toBe("Chưa nộp");
    const told = mailsTo(PERSONAL).at(-1);
    expect(told?.subject).toContain("Chưa ghi nhận");
    expect(told?.body).toContain("Không liên lạc được với Chủ tịch công đoàn");
    // the sender, and the unit's own address: the unit learns a report in its name was not taken, and that it still owes
    expect(told?.to).toEqual([PERSONAL, "cd002@dv.example.vn"]);
    await page.getByText("Không có phản hồi nào chờ xác nhận.").waitFor();
  }, 60000);

  it("reminds the two units chosen among those owing, after saying how many", async () => {
    await section("Nhắc", "Gửi thư nhắc ngay");
    const boxes = page.locator("input[type=checkbox]");
    // every unit still owing October is listed and chosen: CD002 (rejected), CD003 … CD006
    const listed = await boxes.evaluateAll((els) =>
      els.map((e) => [(e as unknown as { value: string }).value, (e as unknown as { checked: boolean }).checked]),
    );
    expect(listed).toEqual(["CD002", "CD003", "CD004", "CD005", "CD006"].map((c) => [c, true]));
    await page.getByRole("button", { name: "Bỏ chọn" }).click();
    await page.locator('input[value="CD003"]').check();
    await page.locator('input[value="CD004"]').check();
    await expect.poll(() => page.locator(".count").textContent()).toBe("Đã chọn 2 đơn vị (2 địa chỉ email).");
    const before = sim.world.mails.length;
    await page.getByRole("button", { name: "Gửi thư nhắc (2)" }).click();
    await page.getByText("Gửi thư nhắc tới 2 đơn vị: CD003, CD004?").waitFor();
    await shot("nhac");
    // nothing is sent before staff say so
    expect(sim.world.mails.length).toBe(before);
    await page.getByRole("button", { name: "Gửi ngay" }).click();
    const m = await doneMessage(page);
    expect(m.kind, m.text).toBe("ok");
    expect(m.text).toContain("Đã gửi 2 thư");
    const sent = sim.world.mails.slice(before);
    expect(sent.map((x) => x.to[0]).sort()).toEqual(["cd003@dv.example.vn", "cd004@dv.example.vn"]);
    expect(sent.every((x) => x.subject.includes("Nhắc nộp báo cáo tháng 10/2018"))).toBe(true);
    // in the mail log (written by the follow-up run a minute later), each with its unit's name
    sim.world.advanceTo(sim.world.now + 5 * 60000);
    const log = sim.sheet(TAB.mailLog).values.map((r) => String(r[3]));
    expect(log).toContain("CD003 – CĐCS Công ty CD003");
    // reminded today: shown so, and no longer chosen; the units left unchecked stay unchecked
    await expect.poll(() => page.locator('input[value="CD003"]').isDisabled()).toBe(true);
    const after = await boxes.evaluateAll((els) =>
      els.map((e) => [(e as unknown as { value: string }).value, (e as unknown as { checked: boolean }).checked]),
    );
    expect(after).toEqual([
      ["CD002", false],
      ["CD003", false],
      ["CD004", false],
      ["CD005", false],
      ["CD006", false],
    ]);
    expect(m.text).toBe("Đã gửi 2 thư nhắc.");
  }, 60000);

  it("records a paper report chosen by “mã – tên”: the manual tab, the report tab, the status and the receipt", async () => {
    await section("Ghi nhận", "Ghi nhận báo cáo giấy, email, tin nhắn");
    const options = await page.locator("#rec-unit option").allTextContents();
    expect(options).toContain("CD005 – CĐCS Công ty CD005");
    // in an English browser the date is still dd/mm/yyyy
    expect(await page.locator("#rec-at").inputValue()).toMatch(/^15\/10\/2018 10:0\d$/);
    // the registration has no month: neither its field nor its label shows
    await page.locator("#rec-form").selectOption("registration");
    expect(await page.locator("label[for=rec-month]").isVisible()).toBe(false);
    await page.locator("#rec-form").selectOption("monthly");
    expect(await page.locator("label[for=rec-month]").isVisible()).toBe(true);
    expect(await page.locator("form#record").textContent()).not.toContain("{{");
    await page.locator("#rec-unit").selectOption("CD005");
    await page.locator("#rec-month").selectOption("2018-10");
    await page.locator("#rec-channel").selectOption("paper");
    await page.locator("#rec-at").fill("15/10/2018 09:30");
    await page.locator("#rec-situation").fill("Ổn định, việc làm đầy đủ.");
    await page.locator("#rec-opinion").fill("Quan tâm giá xăng tăng.");
    await page.locator("#rec-concerns").fill("Mong được tăng lương.");
    for (const k of ["sharedPosts", "newAccounts", "coreMembers", "groupsJoined"]) await page.locator(`#rec-${k}`).fill("2");
    const before = sim.world.mails.length;
    await page.locator("form#record button[type=submit]").click();
    const m = await doneMessage(page);
    // (the picture after the click: a full-page picture moves the layout under a pending click)
    await shot("ghi-nhan");
    expect(m.kind, m.text).toBe("ok");
    expect(m.text).toMatch(/^Đã ghi nhận \(GIAY-[0-9A-F]{8}\): CD005 – CĐCS Công ty CD005/);
    const manual = sim.sheet(TAB.manualMonthly).values.slice(1);
    const typed = manual.at(-1) as unknown[];
    expect(typed.slice(1, 5)).toEqual(["15/10/2018 09:30", "Văn bản giấy", "CD005 – CĐCS Công ty CD005", "10/2018"]);
    expect(String(typed.at(-1))).toMatch(/^Đã ghi nhận/);
    const stored = reportRows().find((r) => codeOfLabel(r[3]) === "CD005") as unknown[];
    expect(stored[3]).toBe("CD005 – CĐCS Công ty CD005");
    expect(stored[7]).toBe("Văn bản giấy");
    expect(status("CD005")).toBe("Đúng hạn");
    const receipt = sim.world.mails.slice(before);
    expect(receipt.map((x) => x.to[0])).toEqual(["cd005@dv.example.vn"]);
    expect(receipt[0].subject).toContain("Đã nhận");
    // the same unit and month again: asked first, nothing written until staff say so
    const rows = sim.sheet(TAB.manualMonthly).values.length;
    await page.locator("#rec-unit").selectOption("CD005");
    await page.locator("#rec-situation").fill("Bản gửi lại.");
    await page.locator("#rec-opinion").fill("Không.");
    await page.locator("#rec-concerns").fill("Không.");
    for (const k of ["sharedPosts", "newAccounts", "coreMembers", "groupsJoined"]) await page.locator(`#rec-${k}`).fill("1");
    await page.locator("form#record button[type=submit]").click();
    const asked = await doneMessage(page);
    expect(asked.kind).toBe("info");
    expect(asked.text).toContain("đã có tháng 10/2018");
    await page.getByRole("button", { name: "Vẫn ghi nhận" }).waitFor();
    expect(sim.sheet(TAB.manualMonthly).values.length).toBe(rows);
    await page.getByRole("button", { name: "Thôi" }).click();
  }, 60000);

  it("names the period of the rollup before it is sent", async () => {
    await section("Tổng hợp", "Gửi tổng hợp");
    const first = await page.locator("#rollup-period option").first().textContent();
    expect(first).toBe("Đăng ký (hạn trước ngày 01/09/2018)");
    expect(await page.locator("button.primary").textContent()).toBe("Gửi tổng hợp đăng ký");
  }, 60000);

  it("shows one unit's history: every period, every version with who confirmed it, every mail", async () => {
    await section("Lịch sử", "Lịch sử một đơn vị");
    await page.locator("#hist-unit").selectOption("CD001");
    await page.locator("#hist .card").waitFor();
    const text = (await page.locator("#hist").textContent()) ?? "";
    expect(text).toContain("CD001 – CĐCS Công ty CD001");
    expect(text).toContain("Chủ tịch: Chủ tịch CD001");
    expect(text).toContain("Tháng 10/2018Đúng hạn");
    expect(text).toContain("14/10/2018 09:00 · Báo cáo tháng 10/2018");
    expect(text).toContain("Đã xác nhận: ");
    expect(text).toContain(PERSONAL);
    expect(text).toMatch(/Thư đã gửi \([1-9]\d*\)/);
    await shot("lich-su");
  }, 60000);

  it("shows the Zalo message of the units still owing, with the form's link once, and copies it", async () => {
    await ctx.grantPermissions(["clipboard-read", "clipboard-write"]);
    await section("Zalo", "Danh sách nhắc qua Zalo");
    const group = page.locator("textarea.group").first();
    const text = await group.inputValue();
    for (const code of ["CD002", "CD003", "CD004", "CD006"]) expect(text).toContain(`${code} – CĐCS Công ty ${code}`);
    for (const code of ["CD001", "CD005"]) expect(text).not.toContain(`${code} –`);
    // the group's message ends with the form's own link, once (chairs pick their unit in it): no unit's prefilled link
    const links = text.match(/https:\/\/\S+/g) ?? [];
    expect(links).toHaveLength(1);
    expect(links[0]).toMatch(/^https:\/\/docs\.google\.com\/forms\//);
    expect(links[0]).not.toContain("entry.");
    // the tab holds the same message
    expect(sim.sheet(TAB.zalo).values.some((r) => r[1] === text)).toBe(true);
    await page.getByRole("button", { name: "Chép" }).first().click();
    const m = await doneMessage(page);
    expect(m.text).toContain("Đã chép");
    expect(await page.evaluate("navigator.clipboard.readText()")).toBe(text);
    await shot("zalo");
  }, 60000);
});

describe.skipIf(BROWSER_MISSING)(`a paused copy's sidebar in a browser (${BROWSER_INSTALL})`, { tags: ["slow"] }, () => {
  it("shows the first day's preview above each section, planned once, and again only after an action", async () => {
    const STAFF = COPIER;
    // a copy of the Sheet that ran October, set up on 25/11: it starts paused
    const { copy } = pausedCopy();
    expect(copy.run("showReminders", { ui: true, as: STAFF }).ok).toBe(true);
    const stamp = () => String(copy.sheetOf(copy.boundSpreadsheetId as string, TAB.preview)?.model.values[0]?.[0] ?? "");
    const browser = await launch();
    try {
      const p = await openSidebar(browser, copy, STAFF);
      const box = p.locator(".card.paused");
      await box.waitFor();
      const said = (await box.textContent()) ?? "";
      expect(said).toContain("Nếu bắt đầu gửi thư hôm nay, ngày đầu tiên hệ thống sẽ gửi");
      expect(stamp()).toContain("lúc 25/11/2018 06:00");
      // an hour later staff open two other sections: the same preview above each, the day not planned again
      copy.now += 3600_000;
      for (const [label, heading] of [
        ["Zalo", "Nhắc qua Zalo"],
        ["Ghi nhận", "Ghi nhận báo cáo giấy, email, tin nhắn"],
      ]) {
        await p.locator("nav button", { hasText: label }).click();
        await p.locator("h2", { hasText: heading }).waitFor();
        await box.waitFor();
        expect(await box.textContent()).toBe(said);
      }
      expect(stamp()).toContain("lúc 25/11/2018 06:00");
      // an action may change the first day: after a paper report recorded for CD002, the next section opened asks afresh
      await p.locator("#rec-unit").selectOption("CD002");
      await p.locator("#rec-month").selectOption("2018-10");
      await p.locator("#rec-channel").selectOption("paper");
      await p.locator("#rec-at").fill("25/11/2018 06:30");
      for (const k of ["situation", "opinion", "concerns"]) await p.locator(`#rec-${k}`).fill("Ổn định.");
      for (const k of ["sharedPosts", "newAccounts", "coreMembers", "groupsJoined"]) await p.locator(`#rec-${k}`).fill("1");
      await p.locator("form#record button[type=submit]").click();
      expect((await doneMessage(p)).kind).toBe("ok");
      await p.locator("nav button", { hasText: "Zalo" }).click();
      await p.locator("h2", { hasText: "Nhắc qua Zalo" }).waitFor();
      await box.waitFor();
      expect(stamp()).toContain("lúc 25/11/2018 07:00");
      expect(await box.textContent()).toContain("Nếu bắt đầu gửi thư hôm nay");
    } finally {
      await browser.close();
    }
  }, 120000);
});
