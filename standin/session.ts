// Session, User and Logger. A menu action runs as the staff member who clicks it; a trigger as its owner
// (https://developers.google.com/apps-script/reference/base/session#getEffectiveUser()).
import { google, type Only } from "./google.js";
import type { World } from "./world.js";

type User = GoogleAppsScript.Base.User;

export class StandinUser implements Pick<User, "getEmail"> {
  constructor(
    private w: World,
    private email: string,
  ) {}
  getEmail(): string {
    this.w.meter.hit("Session", "User.getEmail");
    return this.email;
  }
}
export type _UserOnly = Only<Exclude<keyof StandinUser, keyof User>>;

export function makeSession(
  w: World,
): Pick<GoogleAppsScript.Base.Session, "getScriptTimeZone" | "getActiveUser" | "getEffectiveUser" | "getActiveUserLocale"> {
  return {
    getScriptTimeZone(): string {
      w.meter.hit("Session", "Session.getScriptTimeZone");
      return w.scriptTimeZone;
    },
    /** the person at the keyboard: known in a menu action, blank in a trigger */
    getActiveUser(): User {
      w.meter.hit("Session", "Session.getActiveUser");
      return google<User>(new StandinUser(w, w.inUi() ? w.user() : ""));
    },
    getEffectiveUser(): User {
      w.meter.hit("Session", "Session.getEffectiveUser");
      return google<User>(new StandinUser(w, w.user()));
    },
    getActiveUserLocale(): string {
      w.meter.hit("Session", "Session.getActiveUserLocale");
      return w.language() === "vi" ? "vi" : "en";
    },
  };
}

export function makeLogger(w: World): Pick<GoogleAppsScript.Base.Logger, "log"> {
  const logger = {
    log(...a: unknown[]) {
      w.meter.hit("Logger", "Logger.log");
      w.logs.push(a.map(String).join(" "));
      return google<GoogleAppsScript.Base.Logger>(logger);
    },
  };
  return logger;
}
