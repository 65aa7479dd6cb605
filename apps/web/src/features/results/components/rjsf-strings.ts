import { englishStringTranslator, TranslatableString } from "@rjsf/utils";
import type { TFunction } from "i18next";
import type { resultsDe } from "../../../lib/i18n/results.de";

type RjsfKey = keyof typeof resultsDe.results.rjsf;

const KEYS: Partial<Record<TranslatableString, RjsfKey>> = {
  [TranslatableString.ArrayItemTitle]: "item",
  [TranslatableString.EmptyArray]: "emptyArray",
  [TranslatableString.YesLabel]: "yes",
  [TranslatableString.NoLabel]: "no",
  [TranslatableString.CloseLabel]: "close",
  [TranslatableString.ErrorsLabel]: "errors",
  [TranslatableString.AddButton]: "add",
  [TranslatableString.AddItemButton]: "addItem",
  [TranslatableString.CopyButton]: "copy",
  [TranslatableString.MoveDownButton]: "moveDown",
  [TranslatableString.MoveUpButton]: "moveUp",
  [TranslatableString.RemoveButton]: "remove",
  [TranslatableString.ClearButton]: "clear",
  [TranslatableString.OptionalObjectAdd]: "optionalAdd",
  [TranslatableString.OptionalObjectRemove]: "optionalRemove",
  [TranslatableString.OptionalObjectEmptyMsg]: "optionalEmpty",
};

/** The generated form's own words (buttons, empty lists) in the user's language; the rest stays English. */
export function rjsfTranslator(t: TFunction) {
  return (key: TranslatableString, params?: string[]): string => {
    const own: RjsfKey | undefined = KEYS[key];
    return own ? t(`results.rjsf.${own}`) : englishStringTranslator(key, params);
  };
}
