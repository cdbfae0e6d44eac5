/** For DOM-free tests of the web's formatters: one real i18next per language, loaded with the real catalogue. */
import i18next, { type TFunction } from 'i18next';
import { LANGS, loadCatalogue, type Lang } from '../../../src/kernel/i18n.js';

export async function translators(): Promise<Record<Lang, TFunction>> {
  const out = {} as Record<Lang, TFunction>;
  for (const lang of LANGS) {
    const inst = i18next.createInstance();
    await inst.init({ resources: { [lang]: loadCatalogue()[lang] }, lng: lang, interpolation: { escapeValue: false } });
    out[lang] = inst.t;
  }
  return out;
}
