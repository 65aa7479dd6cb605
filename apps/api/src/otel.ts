// OpenTelemetry tracing, optional: loaded before the app with `node --import ./apps/api/dist/otel.js` (npm run
// serve does so). Without OTEL_EXPORTER_OTLP_ENDPOINT / OTEL_EXPORTER_OTLP_TRACES_ENDPOINT / OTEL_TRACES_EXPORTER
// it returns at once: no SDK is loaded, no module hook is registered, nothing costs anything.
//
// Instrumented: incoming HTTP (node:http), Fastify (route names: http.route, one span per hook and handler) and
// pg (one span per query; db.statement is the parameterized SQL text, parameter values are never recorded).
// Personal data stays out of spans: query strings (search terms, e-mail addresses) and client IP addresses are
// removed before a span is exported, and no request or response headers are captured.
import { isMainThread } from "node:worker_threads";

/** Whether the environment asks for traces (the SDK's own variables, so any collector setup works as documented). */
export function tracingRequested(env: NodeJS.ProcessEnv): boolean {
  const exporter = env.OTEL_TRACES_EXPORTER?.trim();
  if (exporter === "none" || env.OTEL_SDK_DISABLED === "true") return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || exporter);
}

/** Span attributes that can carry personal data: they never leave the process. */
export const SCRUBBED_ATTRIBUTES = [
  "url.query",
  "url.full",
  "http.url",
  "client.address",
  "network.peer.address",
  "net.peer.ip",
  "http.client_ip",
  "user_agent.original",
  "http.user_agent",
  "db.query.parameter",
];

/** Attributes that should be a path but may carry the query string: it is cut off. */
export const PATH_ATTRIBUTES = ["url.path", "http.target"];

if (isMainThread && tracingRequested(process.env)) {
  // ESM modules are only instrumentable through the loader hook, registered before the app's imports run.
  const { register } = await import("node:module");
  register("@opentelemetry/instrumentation/hook.mjs", import.meta.url);

  const [{ NodeSDK }, { HttpInstrumentation }, { PgInstrumentation }, { FastifyOtelInstrumentation }, traceBase, { OTLPTraceExporter }] =
    await Promise.all([
      import("@opentelemetry/sdk-node"),
      import("@opentelemetry/instrumentation-http"),
      import("@opentelemetry/instrumentation-pg"),
      import("@fastify/otel"),
      import("@opentelemetry/sdk-trace-base"),
      import("@opentelemetry/exporter-trace-otlp-http"),
    ]);

  /** Runs first: deletes attributes that can carry personal data, at the start and again at the end of a span. */
  const scrub = (span: unknown) => {
    const attributes = (span as { attributes: Record<string, unknown> }).attributes;
    for (const key of SCRUBBED_ATTRIBUTES) delete attributes[key];
    // @fastify/otel puts the raw URL, query string included, into url.path.
    for (const key of PATH_ATTRIBUTES) {
      const v = attributes[key];
      if (typeof v === "string" && v.includes("?")) attributes[key] = v.slice(0, v.indexOf("?"));
    }
    for (const key of Object.keys(attributes)) if (key.startsWith("db.query.parameter.")) delete attributes[key];
  };
  const scrubber: import("@opentelemetry/sdk-trace-base").SpanProcessor = {
    onStart: scrub,
    onEnd: scrub,
    forceFlush: async () => {},
    shutdown: async () => {},
  };

  const exporter =
    process.env.OTEL_TRACES_EXPORTER?.trim() === "console"
      ? new traceBase.ConsoleSpanExporter()
      : // OTLP over HTTP with JSON bodies; endpoint, headers and timeout come from the OTEL_EXPORTER_OTLP_* variables.
        new OTLPTraceExporter();

  const sdk = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME ?? "bgm-hub-api",
    spanProcessors: [scrubber, new traceBase.BatchSpanProcessor(exporter)],
    instrumentations: [
      new HttpInstrumentation({
        // Probes of the load balancer would drown the traces.
        ignoreIncomingRequestHook: (req) => (req.url ?? "").startsWith("/api/health"),
        // Only incoming requests: outgoing ones (webhooks, SMTP is not HTTP) are the exporter's own too.
        disableOutgoingRequestInstrumentation: true,
      }),
      new FastifyOtelInstrumentation({ registerOnInitialization: true }),
      // enhancedDatabaseReporting stays off: parameter values (e-mail addresses, names) are never recorded.
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
    ],
  });
  sdk.start();
  // Spans still buffered are sent when the process ends normally (graceful shutdown exits after closing the app).
  const flush = () => sdk.shutdown().catch(() => undefined);
  process.once("beforeExit", flush);
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void flush());
}
