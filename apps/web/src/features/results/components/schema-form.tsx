import Form from "@rjsf/mantine";
import type { ErrorSchema, RJSFSchema, ValidatorType } from "@rjsf/utils";
import type { RefObject } from "react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { labelledUiSchema, withoutDescriptions } from "./field-labels";
import { itemHeading } from "./item-titles";
import { NativeDateWidget } from "./native-date-widget";
import { rjsfTranslator } from "./rjsf-strings";
import { ArrayTitle, FieldTitle } from "./rjsf-titles";

const WIDGETS = { DateWidget: NativeDateWidget };
const TEMPLATES = { TitleFieldTemplate: FieldTitle, ArrayFieldTitleTemplate: ArrayTitle };
/** The dialog shows its own summary; without a handler rjsf logs every failed check to the console. */
const ignoreErrors = () => {};

export type SchemaFormRef = RefObject<{ validateForm: () => boolean } | null>;

interface SchemaFormProps {
  schema: RJSFSchema;
  validator: ValidatorType;
  value: Record<string, unknown>;
  onChange: (value: Record<string, unknown>) => void;
  /** The server's findings, shown at their fields. */
  extraErrors?: ErrorSchema;
  formRef: SchemaFormRef;
  liveValidate: boolean;
}

/**
 * rjsf's built-in focusing needs a <form> element; ours is a <div> inside the dialog's form, so
 * focus the first invalid field by its id (idPrefix "payload", path segments joined by "_").
 */
function focusField(error: { property?: string }) {
  const id = `payload${(error.property ?? "").replace(/\./g, "_")}`;
  document.getElementById(id)?.focus();
}

/**
 * The upload form drawn from the output type's JSON Schema. Rendered as a <div> inside the upload
 * dialog's own form (forms cannot nest); the dialog validates it through `formRef` before sending.
 */
export function SchemaForm({ schema, validator, value, onChange, extraErrors, formRef, liveValidate }: SchemaFormProps) {
  const { t } = useTranslation();
  const uiSchema = useMemo(() => {
    // An empty default: a field without a translated help text gets none (never the English description).
    const text = (key: string) => t(key as "results.fieldHelp.mean", { defaultValue: "" }) || undefined;
    return labelledUiSchema(schema, {
      label: (name) => t(`results.fieldLabels.${name}` as "results.fieldLabels.title", { defaultValue: name }),
      help: (parent, name) => (parent ? text(`results.fieldHelpIn.${parent}.${name}`) : undefined) ?? text(`results.fieldHelp.${name}`),
      itemTitle: (list, item, index) => {
        const number = index + 1;
        const numbered = t(`results.itemTitles.${list}` as "results.itemTitles.scales", {
          number,
          defaultValue: t("results.rjsf.itemNumbered", { number }),
        });
        return itemHeading(item, numbered);
      },
    });
  }, [schema, t]);
  // The registry's descriptions are English; the form shows the translated help texts instead.
  const formSchema = useMemo(() => withoutDescriptions(schema), [schema]);
  return (
    <Form
      uiSchema={uiSchema}
      ref={formRef as RefObject<never>}
      tagName="div"
      schema={formSchema}
      formData={value}
      validator={validator}
      widgets={WIDGETS}
      templates={TEMPLATES}
      translateString={rjsfTranslator(t)}
      onChange={(e) => onChange((e.formData ?? {}) as Record<string, unknown>)}
      extraErrors={extraErrors}
      liveValidate={liveValidate ? "onChange" : undefined}
      showErrorList={false}
      focusOnFirstError={focusField}
      onError={ignoreErrors}
      noHtml5Validate
      idPrefix="payload"
    >
      {true}
    </Form>
  );
}
