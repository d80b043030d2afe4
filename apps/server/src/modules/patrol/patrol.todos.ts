import type { TodoCatalogue } from '../todos/todos.service';
import type { ReviewService } from './review.service';

/** Patrol's waiting work: items with pending hits in the reviewer's jurisdiction (待复核), read from the review listing. */
export function registerPatrolTodos(todos: TodoCatalogue, review: Pick<ReviewService, 'list'>) {
  todos.register({
    code: 'patrol.review', module: 'patrol', labelZh: '待复核', permissions: ['patrol.review'], link: '/console/patrol',
    list: async (user, page) => {
      const res = await review.list(user, { status: 'pending', ...page });
      return {
        total: res.total,
        items: res.items.map(({ item, sourceName, hits }) => ({
          id: item.id, title: item.title?.trim() || item.text.slice(0, 40), subtitle: `${sourceName} · 命中 ${hits.length} 处`,
          dueAt: null, overdue: false, link: '/console/patrol',
        })),
      };
    },
  });
}
