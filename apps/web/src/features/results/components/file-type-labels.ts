const SHORT: Record<string, string> = {
  "application/pdf": "PDF",
  "image/png": "PNG",
  "image/jpeg": "JPEG",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word (DOCX)",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel (XLSX)",
};

/** People know "PDF", not "application/pdf". */
export function fileTypeLabel(mime: string): string {
  return SHORT[mime] ?? mime;
}

export function fileTypesLabel(mimes: readonly string[]): string {
  return mimes.map(fileTypeLabel).join(", ");
}
