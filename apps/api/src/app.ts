import { randomUUID } from "node:crypto";
import type { Database, DatabaseHandle } from "@bgm/db";
import { DOCUMENT_FILE_TYPES } from "@bgm/domain";
import Fastify, { type FastifyInstance } from "fastify";
import { validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppConfig } from "./config.js";
import { wireDomainEvents } from "./events.js";
import { type Auth, createAuth } from "./lib/auth.js";
import { createJobQueue, enqueue, JOB_SWEEP_QUEUE, type JobQueue, sweepFinishedJobs } from "./lib/jobs.js";
import { type Lifecycle, newLifecycle, RETRY_AFTER_S } from "./lib/lifecycle.js";
import { logUrl } from "./lib/log-url.js";
import { createMailer, type Mailer } from "./lib/mailer.js";
import { createRateLimitCounter, type RateLimitCounter } from "./lib/rate-limit-store.js";
import { adminRoutes } from "./modules/admin/index.js";
import { auditRoutes } from "./modules/audit/index.js";
import { bgmProcessRoutes } from "./modules/bgm-process/index.js";
import { dataGrantRoutes } from "./modules/data-grants/index.js";
import { devRoutes } from "./modules/dev/index.js";
import { createSignInLinkSender, employeeAccessRoutes } from "./modules/employee-access/index.js";
import { employeeRoutes } from "./modules/employees/index.js";
import { engagementsRoutes } from "./modules/engagements/index.js";
import { fileRoutes, MAX_FILE_BYTES } from "./modules/files/index.js";
import { healthRoutes } from "./modules/health/index.js";
import { healthDayRoutes } from "./modules/health-days/index.js";
import { legalRoutes } from "./modules/legal/index.js";
import { marketplaceRoutes } from "./modules/marketplace/index.js";
import { buddyRetentionJob, buddyRoutes, matchingRoutes } from "./modules/matching/index.js";
import { messagingRoutes } from "./modules/messaging/index.js";
import { notificationRoutes } from "./modules/notifications/index.js";
import { organizationRoutes } from "./modules/organizations/index.js";
import { participationAggregatesPlugin, participationExportRoutes, participationRoutes } from "./modules/participation/index.js";
import { partnerAccessRoutes } from "./modules/partner-access/index.js";
import { proactiveSuggestionsPlugin } from "./modules/proactive-suggestions/index.js";
import { resultRoutes } from "./modules/results/index.js";
import { passwordSignInGuard, ssoRoutes } from "./modules/sso/index.js";
import { suggestionFoldJob, suggestionStatsRoutes } from "./modules/suggestion-stats/index.js";
import { todoRoutes } from "./modules/todos/index.js";
import { webhookRoutes } from "./modules/webhooks/index.js";
import { authBridge } from "./plugins/auth-bridge.js";
import { clientErrorHandler } from "./plugins/client-errors.js";
import { frameworkErrors, registerErrorHandler } from "./plugins/error-handler.js";
import { idempotencyPlugin } from "./plugins/idempotency.js";
import { registerInputHygiene } from "./plugins/input-hygiene.js";
import { metricsPlugin } from "./plugins/metrics.js";
import { openApiPlugin } from "./plugins/openapi.js";
import { requestContextPlugin } from "./plugins/request-context.js";
import { createResponseSerializerCompiler, defaultResponseSerialization } from "./plugins/response-serializer.js";
import { securityPlugin } from "./plugins/security.js";
import { webAppPlugin } from "./plugins/web-app.js";

declare module "fastify" {
  interface FastifyInstance {
    db: Database;
    auth: Auth;
    mailer: Mailer;
    config: AppConfig;
    lifecycle: Lifecycle;
    /** The job queue (lib/jobs.ts): modules register their queues; tests call runDue. */
    jobs: JobQueue;
    /** Request limits counted in the database, shared by every API node (lib/rate-limit-store.ts). */
    rateLimitCounter: RateLimitCounter;
  }
}

export interface BuildOptions {
  database: DatabaseHandle;
  /** Tests only: seconds added to the server's clock when company SSO checks ID tokens (expiry tests). */
  ssoClockSkewS?: number;
  config: AppConfig;
  mailer?: Mailer;
  /** Tests pass false to keep output quiet. */
  logger?: boolean;
  serveWeb?: boolean;
  /** Shared with the graceful shutdown (src/startup/graceful-shutdown.ts); a fresh one when absent. */
  lifecycle?: Lifecycle;
}

/** Builds the whole server: external plugins, then app plugins, then feature routes (fastify/demo order). */
export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const { config } = opts;
  const db = opts.database.db;
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: config.logLevel,
            // No personal data in logs: no query strings (search terms may be names), no headers, no join tokens.
            serializers: {
              req: (req) => ({ id: req.id, method: req.method, url: logUrl(req.url), ip: req.ip }),
              res: (res) => ({ statusCode: res.statusCode }),
            },
            redact: ["req.headers.cookie", "req.headers.authorization"],
          },
    genReqId: (req) =>
      typeof req.headers["x-request-id"] === "string" && req.headers["x-request-id"].length <= 64
        ? req.headers["x-request-id"]
        : randomUUID(),
    bodyLimit: 1024 * 1024,
    frameworkErrors,
    clientErrorHandler,
    // TRUST_PROXY: behind nginx the client's address comes from X-Forwarded-For (rate limits, logs).
    trustProxy: config.trustProxy ?? false,
    // Requests arriving on a keep-alive connection after close() get our own 503 body (hook below).
    return503OnClosing: false,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(createResponseSerializerCompiler(config.responseSerialization ?? defaultResponseSerialization(config.env)));
  registerErrorHandler(app);
  registerInputHygiene(app);
  const lifecycle = opts.lifecycle ?? newLifecycle();
  app.decorate("lifecycle", lifecycle);
  // Synchronous hooks: they run on every request, and an async hook costs a promise and a microtask turn
  // each time (issue 14, "API overhead"). The request id goes out with every answer, set on arrival.
  app.addHook("onRequest", (req, reply, done) => {
    reply.raw.setHeader("x-request-id", req.id);
    if (!lifecycle.closing) return done();
    reply
      .status(503)
      .header("retry-after", String(RETRY_AFTER_S))
      .send({ error: { code: "unavailable", message: "This node is shutting down" } });
  });
  // Requests that were in flight when the shutdown began: their answers close the connection too.
  app.addHook("onSend", (_req, reply, payload, done) => {
    if (lifecycle.closing) reply.header("connection", "close");
    done(null, payload);
  });

  // The modules' in-process events (src/events.ts): wired once per process, before any route runs.
  wireDomainEvents();

  const mailer = opts.mailer ?? createMailer({ db, smtpUrl: config.smtpUrl, from: config.mailFrom });
  const sendSignInLink = createSignInLinkSender(mailer, { appUrl: config.appUrl, secret: config.authSecret });
  const rateLimitCounter = createRateLimitCounter(db);
  const auth = createAuth({ db, config, mailer, sendSignInLink, rateLimitCounter, passwordSignInDisabled: passwordSignInGuard(db) });
  app.decorate("db", db);
  app.decorate("rateLimitCounter", rateLimitCounter);
  app.decorate("auth", auth);
  app.decorate("mailer", mailer);
  app.decorate("config", config);
  // The job queue: modules register their handlers while they load; the loop starts when the server is
  // ready (not in tests, which run due jobs themselves) and stops before the database closes.
  const jobs = createJobQueue({
    db,
    onError: (queue, err) => app.log.error({ queue, err: { message: err.message } }, "job failed"),
  });
  app.decorate("jobs", jobs);
  const jobWorker = config.jobs?.worker ?? config.env !== "test";
  // Finished jobs are deleted after their retention (JOB_RETENTION), once a day, by one process at a time.
  jobs.register(JOB_SWEEP_QUEUE, async ({ now }) => void (await sweepFinishedJobs(db, now)), { repeatEveryMs: 24 * 60 * 60 * 1000 });
  app.addHook("onReady", async () => {
    if (config.env !== "test") await enqueue(db, JOB_SWEEP_QUEUE, {}, { singletonKey: "recurring", runAt: new Date(Date.now() + 60_000) });
    if (jobWorker) jobs.start(config.jobs?.pollMs ?? 1000);
  });
  app.addHook("onClose", async () => jobs.stop());

  // Raw uploads (CSV, evidence files) arrive as bodies of their own content type.
  app.addContentTypeParser(["text/csv", "text/plain"], { parseAs: "string", bodyLimit: 5 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
  // application/octet-stream too: a browser that cannot name a file's type sends it, and the upload
  // check then answers what the bytes are instead of a bare 415.
  app.addContentTypeParser(
    [...DOCUMENT_FILE_TYPES, "application/octet-stream"],
    { parseAs: "buffer", bodyLimit: MAX_FILE_BYTES },
    (_req, body, done) => done(null, body),
  );

  await app.register(securityPlugin, { appUrl: config.appUrl });
  await app.register(openApiPlugin);
  await app.register(metricsPlugin, { token: config.metricsToken, database: opts.database });
  await app.register(requestContextPlugin, { db, auth });
  await app.register(authBridge, { auth, appUrl: config.appUrl });
  await app.register(idempotencyPlugin, { db, sweep: config.env !== "test" });

  await app.register(healthRoutes, { database: opts.database });
  await app.register(organizationRoutes);
  await app.register(bgmProcessRoutes);
  await app.register(employeeRoutes);
  await app.register(employeeAccessRoutes);
  await app.register(ssoRoutes, { clockSkewS: opts.ssoClockSkewS });
  await app.register(legalRoutes);
  await app.register(fileRoutes);
  await app.register(marketplaceRoutes, { database: opts.database });
  await app.register(matchingRoutes);
  await app.register(proactiveSuggestionsPlugin);
  await app.register(buddyRoutes, { llm: config.llm });
  await app.register(buddyRetentionJob);
  await app.register(suggestionStatsRoutes);
  await app.register(suggestionFoldJob);
  await app.register(engagementsRoutes);
  await app.register(messagingRoutes);
  await app.register(notificationRoutes);
  await app.register(partnerAccessRoutes);
  await app.register(dataGrantRoutes);
  await app.register(resultRoutes);
  await app.register(webhookRoutes);
  await app.register(participationRoutes);
  await app.register(participationAggregatesPlugin);
  await app.register(participationExportRoutes);
  await app.register(healthDayRoutes);
  await app.register(todoRoutes);
  await app.register(auditRoutes);
  await app.register(adminRoutes);
  // The outbox shows every mail (reset links!): only when config.devOutbox says so, never in production.
  if (config.devOutbox) await app.register(devRoutes);

  if (opts.serveWeb !== false) await app.register(webAppPlugin);
  return app;
}
