import { Alert, SegmentedControl, Stack } from "@mantine/core";
import type { ErrorSchema, RJSFSchema } from "@rjsf/utils";
import { type RefObject, useImperativeHandle, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OutputTypeKey } from "../api/types";
import { FormErrorBoundary } from "./form-error-boundary";
import { JsonPayloadEditor } from "./json-payload-editor";
import { checkPayload, payloadValidator } from "./payload-validator";
import { SchemaForm } from "./schema-form";

type Mode = "form" | "json";

interface PayloadEditorProps {
  outputType: OutputTypeKey;
  schema: RJSFSchema;
  value: Record<string, unknown>;
  onChange: (value: Record<string, unknown>) => void;
  /** Bumped when the value is replaced from outside (example, loaded file): the editors start over from it. */
  revision: number;
  extraErrors?: ErrorSchema;
  /** Set once the partner tried to send: from then on the form re-checks while typing. */
  attempted: boolean;
  validateRef: RefObject<(() => boolean) | null>;
}

const pretty = (value: unknown) => JSON.stringify(value, null, 2);
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The payload, either as the form drawn from the JSON Schema or as JSON text; both edit the same value. */
export function PayloadEditor({ outputType, schema, value, onChange, revision, extraErrors, attempted, validateRef }: PayloadEditorProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>("form");
  const [formBroken, setFormBroken] = useState(false);
  const [text, setText] = useState(() => pretty(value));
  const [parseError, setParseError] = useState<string | null>(null);
  const [schemaProblems, setSchemaProblems] = useState<string[]>([]);
  const [seenRevision, setSeenRevision] = useState(revision);
  const formRef = useRef<{ validateForm: () => boolean } | null>(null);
  const validator = useMemo(() => payloadValidator(outputType), [outputType]);

  if (seenRevision !== revision) {
    setSeenRevision(revision);
    setText(pretty(value));
    setParseError(null);
    setSchemaProblems([]);
  }

  function changeText(next: string) {
    setText(next);
    try {
      const parsed: unknown = JSON.parse(next);
      if (!isPlainObject(parsed)) return setParseError(t("results.upload.jsonNotObject"));
      setParseError(null);
      onChange(parsed);
    } catch (err) {
      setParseError(t("results.upload.jsonInvalid", { message: err instanceof Error ? err.message : "" }));
    }
  }

  function changeMode(next: Mode) {
    if (next === "json") {
      setText(pretty(value));
      setParseError(null);
      setSchemaProblems([]);
    }
    setMode(next);
  }

  useImperativeHandle(validateRef, () => () => {
    if (mode === "form" && !formBroken) return formRef.current?.validateForm() ?? true;
    if (parseError) return false;
    const { errors } = checkPayload(outputType, value);
    setSchemaProblems(errors.map((e) => e.stack));
    return errors.length === 0;
  });

  function fallBackToJson() {
    setText(pretty(value));
    setFormBroken(true);
  }

  const current: Mode = formBroken ? "json" : mode;
  return (
    <Stack gap="sm">
      {formBroken ? (
        <Alert color="orange">{t("results.upload.formFallback")}</Alert>
      ) : (
        <SegmentedControl
          aria-label={t("results.upload.modeLabel")}
          value={mode}
          onChange={(v) => changeMode(v as Mode)}
          data={[
            { value: "form", label: t("results.upload.modeForm") },
            { value: "json", label: t("results.upload.modeJson") },
          ]}
          w="fit-content"
        />
      )}
      {current === "form" ? (
        <FormErrorBoundary fallback={null} onError={fallBackToJson}>
          <SchemaForm
            key={revision}
            schema={schema}
            validator={validator}
            value={value}
            onChange={onChange}
            extraErrors={extraErrors}
            formRef={formRef}
            liveValidate={attempted}
          />
        </FormErrorBoundary>
      ) : (
        <JsonPayloadEditor text={text} onChange={changeText} problems={parseError ? [parseError] : schemaProblems} />
      )}
    </Stack>
  );
}
