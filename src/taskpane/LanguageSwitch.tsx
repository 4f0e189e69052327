// Vietnamese / English switch: a labelled radio group (Tab to reach, arrow keys to change).
import { Field, Radio, RadioGroup } from "@fluentui/react-components";
import { useLanguage, useStrings } from "../i18n/LanguageProvider";
import { isLanguage } from "../i18n/strings";

export function LanguageSwitch() {
  const s = useStrings();
  const { language, setLanguage } = useLanguage();
  return (
    <Field label={s.languageLabel}>
      <RadioGroup
        layout="horizontal"
        value={language}
        onChange={(_event, data) => {
          if (isLanguage(data.value)) setLanguage(data.value);
        }}
      >
        <Radio value="vi" label={{ children: s.languageVietnamese, lang: "vi" }} />
        <Radio value="en" label={{ children: s.languageEnglish, lang: "en" }} />
      </RadioGroup>
    </Field>
  );
}
