import { z } from "zod";
import { wholeList } from "./lists.js";

/**
 * What needs the BGM manager now (GET /api/todos): each kind is read by the module that owns the data.
 * `count` groups items that share a link (e.g. grants about to expire); `title` names a single one
 * (an offering, a task key, a health day), never a person. `dueDate` is the calendar date by which
 * it should be done, where one is known; `link` is the web app's path to act on it.
 */
export const TODO_KINDS = [
  "quote_to_answer",
  "result_to_review",
  "grant_expiring",
  "task_due",
  "health_day_approval",
  "attendance_open",
] as const;
export const TodoKind = z.enum(TODO_KINDS);
export type TodoKind = z.infer<typeof TodoKind>;

export const TodoItem = z.object({
  kind: TodoKind,
  title: z.string().nullable(),
  count: z.number().int().min(1),
  dueDate: z.iso.date().nullable(),
  link: z.string(),
});
export type TodoItem = z.infer<typeof TodoItem>;

/** Grouped per engagement, health day or session and limited to what is open now: answered whole. */
export const TodoList = wholeList(TodoItem);
export type TodoList = z.infer<typeof TodoList>;

/** Sooner first; items without a date after those with one; then by kind as listed above. */
export function sortTodos(items: readonly TodoItem[]): TodoItem[] {
  return [...items].sort((a, b) => {
    if (a.dueDate !== b.dueDate) {
      if (a.dueDate === null) return 1;
      if (b.dueDate === null) return -1;
      return a.dueDate < b.dueDate ? -1 : 1;
    }
    return TODO_KINDS.indexOf(a.kind) - TODO_KINDS.indexOf(b.kind);
  });
}
