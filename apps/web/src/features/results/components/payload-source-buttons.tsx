import { Button, FileButton, Group, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

interface PayloadSourceButtonsProps {
  example: Record<string, unknown>;
  onLoad: (value: Record<string, unknown>, message: string) => void;
}

/** Fill the payload from a JSON file the partner already has, or from the output type's example. */
export function PayloadSourceButtons({ example, onLoad }: PayloadSourceButtonsProps) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);

  async function load(file: File | null) {
    if (!file) return;
    try {
      const parsed: unknown = JSON.parse(await file.text());
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        setProblem(t("results.upload.jsonNotObject"));
        return;
      }
      setProblem(null);
      onLoad(parsed as Record<string, unknown>, t("results.upload.loadedJson", { name: file.name }));
    } catch (err) {
      setProblem(t("results.upload.jsonInvalid", { message: err instanceof Error ? err.message : "" }));
    }
  }

  return (
    <div>
      <Group gap="sm">
        <FileButton onChange={(file) => void load(file)} accept="application/json,.json">
          {(props) => (
            <Button variant="default" size="xs" {...props}>
              {t("results.upload.loadJson")}
            </Button>
          )}
        </FileButton>
        <Button variant="default" size="xs" onClick={() => onLoad(structuredClone(example), t("results.upload.exampleUsed"))}>
          {t("results.upload.useExample")}
        </Button>
      </Group>
      {problem ? (
        <Text size="sm" c="red.8" role="alert" mt={4}>
          {problem}
        </Text>
      ) : null}
    </div>
  );
}
