// Utilities and Blob. Google turns an HTML blob into a PDF with getAs("application/pdf"); the stand-in cannot render
// one, so the PDF blob keeps the HTML it would have converted and says so (convertedFrom).

import { enumOf, google, type Only } from "./google.js";
import { formatDate } from "./spreadsheet/format-date.js";
import type { World } from "./world.js";

type Blob = GoogleAppsScript.Base.Blob;

export class StandinBlob implements Pick<Blob, "getBytes" | "getDataAsString" | "getContentType" | "getName" | "setName" | "getAs"> {
  constructor(
    private w: World,
    readonly data: Uint8Array,
    readonly contentType: string,
    public name: string | null,
    readonly convertedFrom?: string,
  ) {}
  private hit(m: string) {
    this.w.meter.hit("Utilities", `Blob.${m}`);
  }
  getBytes(): number[] {
    this.hit("getBytes");
    return this.w.makeArrayFrom(Array.from(this.data, (b) => (b > 127 ? b - 256 : b)));
  }
  getDataAsString(): string {
    this.hit("getDataAsString");
    return new TextDecoder().decode(this.data);
  }
  getContentType(): string | null {
    this.hit("getContentType");
    return this.contentType;
  }
  getName(): string | null {
    this.hit("getName");
    return this.name;
  }
  setName(n: string): Blob {
    this.hit("setName");
    this.name = n;
    return google<Blob>(this);
  }
  /** "For most blobs, 'application/pdf' is the only valid option" (https://developers.google.com/apps-script/reference/base/blob#getAs(String)) */
  getAs(contentType: string): Blob {
    this.hit("getAs");
    if (contentType !== "application/pdf") throw this.w.fail("badConversion", this.contentType);
    if (!/^text\/(html|plain)/.test(this.contentType) && this.contentType !== "application/pdf")
      throw this.w.fail("badConversion", this.contentType);
    const base = (this.name ?? "").replace(/\.(html?|txt|pdf)$/i, "");
    return google<Blob>(new StandinBlob(this.w, this.data, "application/pdf", `${base}.pdf`, this.convertedFrom ?? this.contentType));
  }
}
export type _BlobOnly = Only<Exclude<keyof StandinBlob, keyof Blob | "data" | "contentType" | "name" | "convertedFrom">>;

export function makeUtilities(
  w: World,
): Pick<GoogleAppsScript.Utilities.Utilities, "formatDate" | "getUuid" | "sleep" | "newBlob" | "Charset"> {
  return {
    formatDate(d: GoogleAppsScript.Base.Date, tz: string, pattern: string): string {
      w.meter.hit("Utilities", "Utilities.formatDate");
      return formatDate(new Date(d.getTime()), tz, pattern);
    },
    getUuid(): string {
      w.meter.hit("Utilities", "Utilities.getUuid");
      return w.uuid();
    },
    sleep(ms: number): void {
      w.meter.hit("Utilities", "Utilities.sleep");
      w.now += ms;
      w.syncClock();
    },
    newBlob(data: string | number[], contentType?: string, name?: string): Blob {
      w.meter.hit("Utilities", "Utilities.newBlob");
      const bytes = typeof data === "string" ? new TextEncoder().encode(data) : Uint8Array.from(data, (b) => b & 255);
      return google<Blob>(new StandinBlob(w, bytes, contentType ?? "text/plain", name ?? null));
    },
    Charset: enumOf<typeof GoogleAppsScript.Utilities.Charset>(["US_ASCII", "UTF_8"]),
  };
}
