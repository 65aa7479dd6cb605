import { type TodoItem, taskTemplate } from "@bgm/domain";
import { Anchor, Badge, Group, Paper, Skeleton, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/ui/error-alert";
import { formatDate } from "../../../lib/format";
import { berlinCalendarDate } from "../../../lib/plain-format";
import { useLocalized } from "../../../lib/use-localized";
import { useTodos } from "../api/get-todos";

/** Berlin's calendar date today, to mark what is overdue (without Intl: plain-format.ts). */
const today = () => berlinCalendarDate(new Date());

/** What a due date means: a quote's validity, a result's automatic acceptance, else a plain deadline. */
const dueKey = (kind: TodoItem["kind"]) =>
  kind === "quote_to_answer" || kind === "result_to_review" ? (`dashboard.todos.due.${kind}` as const) : "dashboard.todos.due.other";

/** "Was braucht mich jetzt?": what the manager has to answer or do, soonest first, each with a link to do it. */
export function TodoList() {
  const { t } = useTranslation();
  const l = useLocalized();
  const todos = useTodos();
  if (todos.isError) return <ErrorAlert error={todos.error} onRetry={() => void todos.refetch()} />;
  if (todos.isPending) return <Skeleton h={64} aria-hidden />;
  const items = todos.data.items;
  if (items.length === 0) {
    return (
      <Text c="dimmed" data-testid="todos-empty">
        {t("dashboard.todos.empty")}
      </Text>
    );
  }
  const now = today();
  const titleOf = (item: TodoItem) => {
    if (item.kind === "task_due" && item.title) {
      const template = taskTemplate(item.title);
      return template ? l(template.label) : item.title;
    }
    return item.title ?? t("dashboard.noValue");
  };
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }} data-testid="todo-list">
      {items.map((item) => {
        const overdue = item.dueDate !== null && item.dueDate < now;
        return (
          <Paper component="li" withBorder p="sm" key={`${item.kind}:${item.link}`} data-kind={item.kind}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={2} style={{ minWidth: 0, flex: "1 1 16rem" }}>
                <Anchor component={Link} to={item.link} fw={600}>
                  {t(`dashboard.todos.kind.${item.kind}`, { count: item.count })}
                </Anchor>
                <Text size="sm">{titleOf(item)}</Text>
              </Stack>
              {item.dueDate ? (
                <Badge variant="light" color={overdue ? "red" : "gray"} style={{ textTransform: "none" }}>
                  {t(overdue ? "dashboard.todos.overdue" : dueKey(item.kind), { date: formatDate(item.dueDate) })}
                </Badge>
              ) : null}
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
