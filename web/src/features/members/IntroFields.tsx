/** A template field's label: catalogue keys are translated, an operator's own words shown as written. */
import { useTranslation } from 'react-i18next';
import { labelKey } from '../gate/api.js';

export function useFieldLabel() {
  const { t } = useTranslation();
  return (label: string) => {
    const key = labelKey(label);
    return key ? t(key) : label;
  };
}
