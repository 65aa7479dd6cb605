export { fileRoutes } from "./files.routes.js";
export { listFiles, MAX_FILE_BYTES, readFile, storeFile } from "./files.service.js";
export { uploadFromRequest } from "./upload-headers.js";
