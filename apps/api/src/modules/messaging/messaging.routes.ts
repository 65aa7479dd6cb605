import {
  CursorQuery,
  DOCUMENT_FILE_TYPES,
  EngagementMessage,
  EngagementMessageList,
  IdParam,
  MAX_MESSAGE_ATTACHMENTS,
  MarkMessagesRead,
  type MemberRole,
  MessageAttachmentParams,
  PostMessage,
  UnreadMessages,
  WHOLE_LIST_NOTE,
} from "@bgm/domain";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { addIdempotencyParts } from "../../lib/idempotency.js";
import { acceptMultipart, type MultipartFile, type MultipartLimits, readMultipart } from "../../lib/multipart.js";
import { MAX_FILE_BYTES } from "../files/index.js";
import { dispatchMails } from "../notifications/index.js";
import * as service from "./messaging.service.js";

declare module "fastify" {
  interface FastifyRequest {
    /** Files of a multipart message, read before validation. */
    messageFiles?: MultipartFile[];
  }
}

const tags = ["messaging"];
/** Either party of an engagement; the side follows from the kind of the caller's active organization. */
const PARTY = { roles: ["bgm_manager", "partner_admin", "partner_member"] as readonly MemberRole[] };

const limits: MultipartLimits = {
  maxFileBytes: MAX_FILE_BYTES,
  maxFiles: MAX_MESSAGE_ATTACHMENTS,
  maxTotalBytes: MAX_MESSAGE_ATTACHMENTS * MAX_FILE_BYTES,
  maxFields: 5,
  maxFieldBytes: 64 * 1024,
  messages: {
    tooManyParts: `At most ${MAX_MESSAGE_ATTACHMENTS} files per message`,
    tooLargeTogether: "The files of one message are too large together",
  },
};

/**
 * Who writes is checked before a byte of a multipart body is read (401/403 as inTenant would), then the
 * fields become the body the schema validates, and the files wait for the handler.
 */
async function readMessageBody(req: FastifyRequest) {
  await req.authorize(PARTY);
  const body = await readMultipart(req, limits);
  if (!body) return;
  const { text, topic, acknowledgePersonalData } = body.fields;
  req.body = {
    text,
    ...(typeof topic === "string" && topic.trim() !== "" ? { topic } : {}),
    ...(acknowledgePersonalData === undefined ? {} : { acknowledgePersonalData: acknowledgePersonalData === "true" }),
  };
  req.messageFiles = body.files;
  // The same message is the same text with the same files: the files count by their hash (Idempotency-Key).
  addIdempotencyParts(
    req,
    body.files.map((f) => ({ name: f.fileName, content: f.content })),
  );
}

export const messagingRoutes: FastifyPluginAsyncZod = async (app) => {
  await acceptMultipart(app, limits);

  app.get(
    "/api/engagements/:id/messages",
    {
      schema: {
        tags,
        summary: "The engagement's messages between company and partner, newest first, paged by cursor (either party; others get 404)",
        params: IdParam,
        querystring: CursorQuery,
        response: { 200: EngagementMessageList },
      },
    },
    async (req) => req.inTenant(PARTY, (s) => service.listMessages(s, req.params.id, req.query)),
  );

  app.post(
    "/api/engagements/:id/messages",
    {
      config: { idempotent: true },
      preValidation: [readMessageBody],
      schema: {
        tags,
        summary: `Write to the other party: JSON { text, topic, acknowledgePersonalData } or multipart/form-data with the same fields plus up to ${MAX_MESSAGE_ATTACHMENTS} files (PDF, PNG, JPEG, Word; 10 MB each; an executable is a 422). The company side gets 422 personal_data_warning when the text looks like personal employee data, unless acknowledgePersonalData is true (audited). The other side is told in the app and by mail, without the text.`,
        consumes: ["application/json", "multipart/form-data"],
        params: IdParam,
        body: PostMessage,
        response: { 201: EngagementMessage },
      },
    },
    async (req, reply) => {
      const { result, mails } = await req.inTenant(PARTY, (s) =>
        service.postMessage(s, app.config.appUrl, req.params.id, req.body, req.messageFiles ?? []),
      );
      void dispatchMails(app.mailer, req.log, mails);
      return reply.status(201).send(result);
    },
  );

  app.post(
    "/api/engagements/:id/messages/read",
    {
      schema: {
        tags,
        summary: "Mark the engagement's messages read for the caller's side; answers the side's unread counts",
        params: IdParam,
        body: MarkMessagesRead.optional(),
        response: { 200: UnreadMessages },
      },
    },
    async (req) => req.inTenant(PARTY, (s) => service.markRead(s, req.params.id)),
  );

  app.get(
    "/api/messages/unread",
    {
      schema: {
        tags,
        summary: "Unread messages of the caller's side: the total for the navigation and the engagements that have any",
        description: `One entry per engagement with unread messages. ${WHOLE_LIST_NOTE}`,
        response: { 200: UnreadMessages },
      },
    },
    async (req) => req.inTenant(PARTY, (s) => service.unread(s)),
  );

  app.get(
    "/api/engagements/:id/messages/:messageId/attachments/:attachmentId",
    {
      schema: {
        tags,
        summary: "Download a message's file, as an attachment (either party)",
        params: MessageAttachmentParams,
        produces: [...DOCUMENT_FILE_TYPES],
        response: { 200: z.string().meta({ format: "binary" }) },
      },
    },
    async (req, reply) => {
      const file = await req.inTenant(PARTY, (s) =>
        service.readAttachment(s, { engagementId: req.params.id, messageId: req.params.messageId, attachmentId: req.params.attachmentId }),
      );
      return (
        reply
          .type(file.mimeType)
          .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .header("x-content-type-options", "nosniff")
          // Buffers bypass the response serializer; the schema documents them as binary.
          .send(file.content as unknown as string)
      );
    },
  );
};
