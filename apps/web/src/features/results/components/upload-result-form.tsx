import { Alert, Button, Group, Select, Stack, Text, Textarea } from "@mantine/core";
import type { RJSFSchema } from "@rjsf/utils";
import type { TFunction } from "i18next";
import { type FormEvent, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../components/ui/error-message";
import { ApiError } from "../../../lib/api-client";
import { notify } from "../../../lib/notify";
import { useLocalized } from "../../../lib/use-localized";
import { resultIssues } from "../api/issues";
import { useSubmitResult } from "../api/submit-result";
import type { OutputTypeInfoItem } from "../api/types";
import { fileProblems } from "./file-problems";
import { fileTypesLabel } from "./file-type-labels";
import { issuesToErrorSchema } from "./issues-to-error-schema";
import { PayloadEditor } from "./payload-editor";
import { PayloadSourceButtons } from "./payload-source-buttons";
import { ResultFilesInput } from "./result-files-input";
import { ServerIssues } from "./server-issues";

interface UploadResultFormProps {
  engagementId: string;
  /** The output types the offering declares, as the registry describes them. */
  types: OutputTypeInfoItem[];
  maxFileBytes: number;
  onDone: () => void;
}

/** Ajv (draft-07) refuses a schema that names the 2020-12 meta-schema; the keywords used are the same. */
function formSchema(jsonSchema: Record<string, unknown>): RJSFSchema {
  const { $schema: _ignored, ...rest } = jsonSchema;
  return rest as RJSFSchema;
}

/** The server names the file whose bytes are not what its name claims; say it in the user's language. */
function uploadErrorMessage(error: unknown, fileTypes: string[], t: TFunction): string {
  if (error instanceof ApiError && error.code === "file_type_mismatch") {
    const name = (error.details as { fileName?: string } | undefined)?.fileName ?? "";
    return t("results.upload.fileTypeMismatch", { name, types: fileTypesLabel(fileTypes) });
  }
  return errorMessage(error, t);
}

export function UploadResultForm({ engagementId, types, maxFileBytes, onDone }: UploadResultFormProps) {
  const { t } = useTranslation();
  const l = useLocalized();
  const submit = useSubmitResult(engagementId);
  const [typeKey, setTypeKey] = useState<string | null>(types.length === 1 ? (types[0]?.key ?? null) : null);
  const [payload, setPayload] = useState<Record<string, unknown>>({});
  const [revision, setRevision] = useState(0);
  const [files, setFiles] = useState<File[]>([]);
  const [note, setNote] = useState("");
  const [attempted, setAttempted] = useState(false);
  const [formInvalid, setFormInvalid] = useState(false);
  const validateRef = useRef<(() => boolean) | null>(null);
  const type = types.find((x) => x.key === typeKey);
  const schema = useMemo(() => (type ? formSchema(type.jsonSchema) : null), [type]);
  const issues = useMemo(() => resultIssues(submit.error, submit.variables?.payload), [submit.error, submit.variables]);
  const extraErrors = useMemo(() => issuesToErrorSchema(issues), [issues]);
  const fileIssues = issues.filter((i) => i.path[0] === "files").map((i) => i.message);
  const localFileProblems = type && attempted ? fileProblems(files, type.fileTypes, type.fileRequired, maxFileBytes, t) : [];

  function chooseType(key: string | null) {
    setTypeKey(key);
    replacePayload({});
    setFiles([]);
    setAttempted(false);
    submit.reset();
  }

  function replacePayload(value: Record<string, unknown>, message?: string) {
    setPayload(value);
    setRevision((r) => r + 1);
    // A new payload (file, example, type change) starts without the findings of the last attempt.
    setFormInvalid(false);
    submit.reset();
    if (message) notify({ message });
  }

  function send(event: FormEvent) {
    event.preventDefault();
    if (!type) return;
    setAttempted(true);
    const payloadValid = validateRef.current?.() ?? true;
    setFormInvalid(!payloadValid);
    if (!payloadValid || fileProblems(files, type.fileTypes, type.fileRequired, maxFileBytes, t).length > 0) return;
    submit.mutate(
      { outputType: type.key, payload, note: note.trim(), files },
      {
        onSuccess: () => {
          notify({ color: "green", message: t("results.upload.submittedToast") });
          onDone();
        },
      },
    );
  }

  return (
    <form onSubmit={send} noValidate>
      <Stack>
        <Select
          label={t("results.upload.outputType")}
          description={t("results.upload.outputTypeHint")}
          required
          data={types.map((x) => ({ value: x.key, label: l(x.label) }))}
          value={typeKey}
          onChange={chooseType}
          allowDeselect={false}
          data-autofocus
        />
        {type && schema ? (
          <>
            <Text size="sm" c="dimmed">
              {l(type.description)} {t("results.upload.versionHint")}
            </Text>
            <PayloadSourceButtons example={type.example} onLoad={replacePayload} />
            <PayloadEditor
              outputType={type.key}
              schema={schema}
              value={payload}
              onChange={setPayload}
              revision={revision}
              extraErrors={extraErrors}
              attempted={attempted}
              validateRef={validateRef}
            />
            {formInvalid ? (
              <Alert color="red" role="alert">
                {t("results.upload.formErrors")}
              </Alert>
            ) : null}
            <ResultFilesInput
              fileTypes={type.fileTypes}
              required={type.fileRequired}
              maxFileBytes={maxFileBytes}
              value={files}
              onChange={setFiles}
              error={[...localFileProblems, ...fileIssues].join(" ") || null}
            />
            <Textarea
              label={t("results.upload.note")}
              autosize
              minRows={2}
              maxLength={5000}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
          </>
        ) : null}
        <ServerIssues issues={issues} />
        {submit.error && issues.length === 0 ? (
          <Alert color="red" role="alert">
            {uploadErrorMessage(submit.error, type?.fileTypes ?? [], t)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={submit.isPending} disabled={!type}>
            {t("results.upload.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
