import { z } from 'zod';
import { lineField } from './common';

/** 待办: what waits for the signed-in user, by kind (the to-do catalogue on the server). */
export const TodoSummarySchema = z.object({
  items: z.array(z.object({ code: z.string(), module: z.string(), label: z.string(), link: z.string(), count: z.number().int() })),
});
export const TodoCodeParamsSchema = z.strictObject({ code: lineField(60).min(1) });
export const TodoItemSchema = z.object({
  id: z.string(), title: z.string(), subtitle: z.string().nullable(),
  /** ISO moment; null when the item has no deadline */
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  /** where the item opens in the console */
  link: z.string(),
});
export const TodoListSchema = z.object({ code: z.string(), label: z.string(), link: z.string(), items: z.array(TodoItemSchema), total: z.number().int() });
export type TodoSummary = z.infer<typeof TodoSummarySchema>;
export type TodoListView = z.infer<typeof TodoListSchema>;
