import { DOCUMENT_FILE_TYPES, IdParam } from "@bgm/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { readFile } from "./files.service.js";

export const fileRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/files/:id",
    {
      schema: {
        tags: ["files"],
        summary: "Download an uploaded file of the active company",
        params: IdParam,
        produces: [...DOCUMENT_FILE_TYPES],
        response: { 200: z.string().meta({ format: "binary" }).describe("The file's bytes, as an attachment") },
      },
    },
    async (req, reply) => {
      const file = await req.inTenant({ roles: ["bgm_manager"] }, (s) => readFile(s, req.params.id));
      return (
        reply
          .type(file.mimeType)
          .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .header("x-content-type-options", "nosniff")
          // Buffers bypass the response serializer; the schema above documents them as binary.
          .send(file.content as unknown as string)
      );
    },
  );
};
