import { type ErrorSchema, ErrorSchemaBuilder } from "@rjsf/utils";
import { payloadPath, type ResultIssue } from "../api/issues";

/** The server's findings in the shape the generated form shows next to each field. */
export function issuesToErrorSchema(issues: ResultIssue[]): ErrorSchema | undefined {
  const builder = new ErrorSchemaBuilder();
  let any = false;
  for (const issue of issues) {
    const path = payloadPath(issue);
    if (path === null) continue;
    builder.addErrors(issue.message, path.length > 0 ? path.map(String) : undefined);
    any = true;
  }
  return any ? builder.ErrorSchema : undefined;
}
