export { bgmProcessRoutes } from "./bgm-process.routes.js";
export { bootstrapProject, createGoal, getProject, getTask, updateTask } from "./bgm-process.service.js";
