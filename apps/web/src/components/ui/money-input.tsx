import { NumberInput, type NumberInputProps } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { moneySeparators, toEuroAmount } from "../../lib/money";

type MoneyInputProps = Omit<
  NumberInputProps,
  "value" | "defaultValue" | "onChange" | "thousandSeparator" | "decimalSeparator" | "allowedDecimalSeparators"
> & {
  /** Euros (with cents as decimals); null when empty. */
  value: number | null;
  onChange: (euros: number | null) => void;
};

/**
 * A euro amount in the current language's notation. Only the language's own decimal separator counts
 * as one: NumberInput also accepts "." by default, which turned a German "1.450,50" into 1,45 €.
 */
export function MoneyInput({ value, onChange, decimalScale = 2, ...props }: MoneyInputProps) {
  const { i18n } = useTranslation();
  const separators = moneySeparators(i18n.language);
  // The text as typed, so unfinished input ("1.450,") survives a re-render with the parsed amount.
  const [raw, setRaw] = useState<string | number>(value ?? "");
  // A new value from outside (a reset, a prefill) replaces the typed text.
  const shown = toEuroAmount(raw) === value ? raw : (value ?? "");

  return (
    <NumberInput
      {...props}
      {...separators}
      allowedDecimalSeparators={[separators.decimalSeparator]}
      decimalScale={decimalScale}
      allowNegative={false}
      hideControls
      rightSection="€"
      rightSectionPointerEvents="none"
      value={shown}
      onChange={(v) => {
        setRaw(v);
        onChange(toEuroAmount(v));
      }}
    />
  );
}
