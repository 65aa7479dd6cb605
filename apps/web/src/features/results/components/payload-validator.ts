import { outputType } from "@bgm/domain";
import { ErrorSchemaBuilder, type RJSFSchema, type RJSFValidationError, type ValidationData, type ValidatorType } from "@rjsf/utils";
import { z } from "zod";
import { de, en } from "zod/locales";
import i18n, { currentLanguage } from "../../../lib/i18n";
import type { OutputTypeKey } from "../api/types";
import { issueText } from "./issue-text";
import { matchesSchema } from "./schema-match";

/*
 * The API is served under a CSP without 'unsafe-eval': Ajv (and Zod's JIT) compile validators with
 * `new Function`, so the form validates with the domain's own Zod schemas in jitless mode instead. It
 * is the very check the server runs (including the rules beyond JSON Schema, like the minimum group
 * size), so the partner sees the server's verdict before uploading.
 */
z.config({ jitless: true });

const locales = { de: de(), en: en() };

export interface PayloadCheck {
  errors: RJSFValidationError[];
  errorSchema: ValidationData<unknown>["errorSchema"];
}

export function checkPayload(key: OutputTypeKey, data: unknown): PayloadCheck {
  const def = outputType(key);
  const builder = new ErrorSchemaBuilder();
  if (!def) return { errors: [], errorSchema: {} };
  const language = currentLanguage();
  const result = def.schema.safeParse(data, { error: locales[language].localeError });
  const errors: RJSFValidationError[] = [];
  for (const issue of result.success ? [] : result.error.issues) {
    const path = issue.path.map(String);
    const property = path.length > 0 ? `.${path.join(".")}` : "";
    // Next to the field the text alone; in lists the field by its labels too. Never Zod's own wording.
    const { field, text: message } = issueText(issue, data, i18n.t, language);
    errors.push({ property, message, stack: field ? `${field}: ${message}` : message });
    builder.addErrors(message, path.length > 0 ? path : undefined);
  }
  return { errors, errorSchema: builder.ErrorSchema };
}

/** An rjsf validator for one output type, backed by its Zod schema. */
export function payloadValidator(key: OutputTypeKey): ValidatorType {
  return {
    validateFormData: (formData) => checkPayload(key, formData),
    isValid: (schema: RJSFSchema, formData, rootSchema: RJSFSchema) =>
      matchesSchema(schema as Record<string, unknown>, formData, rootSchema as Record<string, unknown>),
    rawValidation: (_schema, formData) => {
      const { errors } = checkPayload(key, formData);
      return { errors: errors as never[] };
    },
  };
}
