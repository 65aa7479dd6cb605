import { List, Stack, Text, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";

interface JsonPayloadEditorProps {
  text: string;
  onChange: (text: string) => void;
  /** Why the text cannot be sent as it is: unparsable JSON, or schema violations. */
  problems: string[];
}

/** The payload as JSON text: for partners who already have the file, and the fallback when the form cannot render. */
export function JsonPayloadEditor({ text, onChange, problems }: JsonPayloadEditorProps) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Textarea
        label={t("results.upload.jsonLabel")}
        value={text}
        onChange={(e) => onChange(e.currentTarget.value)}
        autosize
        minRows={10}
        maxRows={24}
        spellCheck={false}
        styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: "var(--mantine-font-size-xs)" } }}
        error={problems.length > 0}
        aria-describedby={problems.length > 0 ? "payload-json-problems" : undefined}
      />
      {problems.length > 0 ? (
        <List size="sm" c="red.8" id="payload-json-problems">
          {problems.map((p) => (
            <List.Item key={p}>
              <Text size="sm" c="red.8" component="span">
                {p}
              </Text>
            </List.Item>
          ))}
        </List>
      ) : null}
    </Stack>
  );
}
