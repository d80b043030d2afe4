import type { TodoCatalogue } from '../todos/todos.service';
import type { RegistryModule } from './registry.module';
import { isoOrNull } from '../../lib/iso';

const entityLink = (id: string) => `/console/registry/${id}`;

/**
 * The registry's waiting work: inspection tasks a certified officer was drawn for (检查任务待办), and
 * rectification items past their deadline in the jurisdiction (整改超期). Each reads a registry service
 * function, so the rectification to-do follows the items wherever they live.
 */
export function registerRegistryTodos(todos: TodoCatalogue, registry: Pick<RegistryModule, 'draws' | 'records'>) {
  todos.register({
    code: 'registry.inspect', module: 'registry', labelZh: '待实地检查', permissions: ['enforcement.handle'], link: '/console/registry/draws',
    list: async (user, page) => {
      const { rows, total } = await registry.draws.openTasksOf(user, page);
      return { total, items: rows.map(({ t, entityName }) => ({ id: t.id, title: entityName, subtitle: '双随机抽查任务', dueAt: isoOrNull(t.dueAt), overdue: t.deadlineStatus === 'overdue', link: entityLink(t.entityId) })) };
    },
  });
  todos.register({
    code: 'registry.rectification_overdue', module: 'registry', labelZh: '整改超期', permissions: ['registry.manage'], link: '/console/registry',
    list: async (user, page) => {
      const { rows, total } = await registry.records.overdueRectifications(user, page);
      return { total, items: rows.map(({ r, entityName }) => ({ id: r.id, title: entityName, subtitle: r.requirement.slice(0, 40), dueAt: isoOrNull(r.dueAt), overdue: true, link: r.entityId ? entityLink(r.entityId) : '/console/registry' })) };
    },
  });
}
