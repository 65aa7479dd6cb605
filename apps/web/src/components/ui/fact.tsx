import { Text, type TextProps } from "@mantine/core";
import type { ReactNode } from "react";

/** One term of a description list (<dl>): the label small and dimmed, the value below it. */
export function Fact({ label, children, valueProps }: { label: string; children: ReactNode; valueProps?: TextProps }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} {...valueProps}>
        {children}
      </Text>
    </div>
  );
}
