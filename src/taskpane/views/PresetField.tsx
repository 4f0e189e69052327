// The preset picker shared by Thiết lập and Cài đặt.
import { Field, Select } from "@fluentui/react-components";
import { isPresetId, type PresetId } from "../../domain";
import { useStrings } from "../../i18n/LanguageProvider";
import { PRESET_IDS, PRESET_LABEL } from "./levelLabels";

export function PresetField(props: { value: PresetId; hint: string; onChange: (preset: PresetId) => void }) {
  const s = useStrings();
  return (
    <Field label={s.presetLabel} hint={props.hint}>
      <Select value={props.value} onChange={(_e, d) => isPresetId(d.value) && props.onChange(d.value)}>
        {PRESET_IDS.map((id) => (
          <option key={id} value={id}>
            {s[PRESET_LABEL[id]]}
          </option>
        ))}
      </Select>
    </Field>
  );
}
