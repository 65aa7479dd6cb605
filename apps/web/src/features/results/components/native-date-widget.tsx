import type { WidgetProps } from "@rjsf/utils";

/**
 * The browser's own date input instead of the theme's date picker: keyboard- and screen-reader-friendly,
 * it speaks ISO dates (YYYY-MM-DD) as the schema does, and needs no extra date-picker styles.
 */
export function NativeDateWidget(props: WidgetProps) {
  const { BaseInputTemplate } = props.registry.templates;
  return <BaseInputTemplate {...props} type="date" />;
}
