// The forms' texts that depend on the settings (deadline phrases, the desk's name, whether a receipt is promised),
// brought in line when staff edit the settings: only what changed is written, a few Forms calls at most.
import type { FormId } from "../../domain/forms";
import { FORM_IDS, SPECS } from "../../domain/forms";
import { changedTexts } from "../../domain/forms/texts";
import type { Settings } from "../../domain/settings";
import type { Ports, State } from "../../ports";
import { messageOf } from "../run/context";

/** returns what could not be written (the forms stay as they were; setup writes them again) */
export function followSettings(p: Ports, forms: State["forms"], before: Settings | null, after: Settings): string[] {
  const problems: string[] = [];
  for (const form of FORM_IDS as FormId[]) {
    const ref = forms[form];
    if (!ref) continue;
    const texts = changedTexts(SPECS[form], before, after);
    if (!Object.keys(texts).length) continue;
    try {
      p.forms.writeTexts(ref, texts);
    } catch (e) {
      problems.push(`Chưa cập nhật được lời dẫn của biểu mẫu “${SPECS[form].title}” (${messageOf(e)}): chạy lại Thiết lập.`);
    }
  }
  return problems;
}
