// Whether a unit's "Theo dõi" keeps a column group per quarter or per month: asked when the pane
// creates the sheet (Theo dõi) and when it builds the units' files (Giao chỉ tiêu).
import { Field, Radio, RadioGroup } from "@fluentui/react-components";
import type { FollowUpCadence } from "../../layout/unit";
import { useStrings } from "../../i18n/LanguageProvider";

export function CadenceField(props: { label: string; value: FollowUpCadence; onChange: (cadence: FollowUpCadence) => void }) {
  const s = useStrings();
  return (
    <Field label={props.label}>
      <RadioGroup value={props.value} onChange={(_, data) => props.onChange(data.value === "month" ? "month" : "quarter")}>
        <Radio value="quarter" label={s.followUpCadenceQuarter} />
        <Radio value="month" label={s.followUpCadenceMonth} />
      </RadioGroup>
    </Field>
  );
}
