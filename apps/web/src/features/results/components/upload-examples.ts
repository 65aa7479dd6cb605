import type { OutputTypeInfoItem } from "../api/types";

const ENDPOINT = "/api/partner/engagements/<ENGAGEMENT_ID>/results";

/** A JSON upload as a partner's system would send it. */
export function jsonCurl(origin: string, type: OutputTypeInfoItem): string {
  const body = JSON.stringify({ outputType: type.key, payload: type.example, note: "" }, null, 2);
  return [
    `curl -X POST "${origin}${ENDPOINT}" \\`,
    '  -H "Authorization: Bearer $BGM_API_KEY" \\',
    '  -H "Content-Type: application/json" \\',
    `  --data-binary @- <<'JSON'`,
    body,
    "JSON",
  ].join("\n");
}

/** The same upload with a file: the payload travels as a JSON string in its own form field. */
export function multipartCurl(origin: string, type: OutputTypeInfoItem): string {
  const fileName = type.fileTypes.includes("application/pdf") ? "bericht.pdf" : "anhang";
  return [
    `curl -X POST "${origin}${ENDPOINT}" \\`,
    '  -H "Authorization: Bearer $BGM_API_KEY" \\',
    `  -F "outputType=${type.key}" \\`,
    `  -F "payload=<${type.key}.json" \\`,
    '  -F "note=Bitte beachten Sie Seite 3." \\',
    `  -F "files=@${fileName};type=${type.fileTypes[0] ?? "application/pdf"}"`,
  ].join("\n");
}

export const VALIDATION_ERROR_EXAMPLE = JSON.stringify(
  {
    error: {
      code: "validation_failed",
      message: "The result does not match the schema of copsoq_analysis",
      details: {
        outputType: "copsoq_analysis",
        issues: [
          { path: ["respondingCount"], message: "More responses than invited employees" },
          { path: ["scales", 1, "n"], message: 'Scale "work_privacy_conflict" has n = 3; the minimum group size is 5' },
        ],
      },
    },
  },
  null,
  2,
);
