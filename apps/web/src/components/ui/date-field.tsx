import { TextInput, type TextInputProps } from "@mantine/core";

interface DateFieldProps extends Omit<TextInputProps, "value" | "onChange" | "type"> {
  value: string | null;
  onChange: (value: string | null) => void;
}

/**
 * The browser's own date input: keyboard- and screen-reader-friendly everywhere and it already speaks
 * ISO dates (YYYY-MM-DD), exactly what the API stores.
 */
export function DateField({ value, onChange, ...rest }: DateFieldProps) {
  return <TextInput {...rest} type="date" value={value ?? ""} onChange={(event) => onChange(event.currentTarget.value || null)} />;
}
