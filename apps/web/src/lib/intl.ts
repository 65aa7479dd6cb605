/**
 * Intl formatters, made once per locale and options and then reused. Making one is the expensive part (the
 * locale's data is looked up every time; formatting itself is cheap): the dashboard formatted its numbers
 * with a new NumberFormat per call and spent about 200 ms of its first render on that alone (issue 14).
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

const keyOf = (locale: string | undefined, options: object | undefined) => `${locale ?? ""}|${options ? JSON.stringify(options) : ""}`;

/** The formatter `made` holds for this locale and options; `make` runs only the first time. */
function memo<F>(made: Map<string, F>, locale: string | undefined, options: object | undefined, make: () => F): F {
  const key = keyOf(locale, options);
  let format = made.get(key);
  if (!format) {
    format = make();
    made.set(key, format);
  }
  return format;
}

export function numberFormat(locale: string | undefined, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  return memo(numberFormats, locale, options, () => new Intl.NumberFormat(locale, options));
}

export function dateTimeFormat(locale: string | undefined, options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return memo(dateTimeFormats, locale, options, () => new Intl.DateTimeFormat(locale, options));
}
