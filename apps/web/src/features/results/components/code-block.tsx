import { ActionIcon, Box, Code, CopyButton, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";

interface CodeBlockProps {
  code: string;
  /** Accessible name of the copy button, e.g. "Beispiel kopieren". */
  copyLabel?: string;
  maxHeight?: number;
}

/** Pre-formatted code with a copy button; a height-capped block is focusable so keyboards can scroll it. */
export function CodeBlock({ code, copyLabel, maxHeight }: CodeBlockProps) {
  const { t } = useTranslation();
  const label = copyLabel ?? t("apiRef.copyCode");
  return (
    <Box pos="relative">
      <Code
        block
        tabIndex={maxHeight ? 0 : undefined}
        style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", maxHeight, overflowY: maxHeight ? "auto" : undefined }}
        pr={48}
      >
        {code}
      </Code>
      <CopyButton value={code}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t("apiRef.copied") : label} withArrow>
            <ActionIcon variant="default" onClick={copy} aria-label={copied ? t("apiRef.copied") : label} pos="absolute" top={8} right={8}>
              <span aria-hidden>{copied ? "✓" : "⧉"}</span>
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Box>
  );
}
