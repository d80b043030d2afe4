import type { z } from 'zod';
import type { ErrorCode } from './errors';

/**
 * The route table: each HTTP operation of the API, once, as data — method, path, request and response
 * schemas, the domain errors it answers, its module tag and Chinese summary. The server registers its
 * routes from these entries (`mount` in apps/server/src/http/mount.ts) and the web calls through them
 * (`call` in apps/web/src/lib/api.ts), so a path, a field or a response type cannot differ between the two.
 * Who may call a route (permission, API key scope, rate limit) is the server's business and stays there.
 */

/**
 * The groups of the API document, in the order /api/docs shows them. Every operation carries one of these
 * tags (its module; the two platform endpoints also carry the first).
 */
export const API_TAGS = [
  { name: 'partner 平台对接', description: '供平台与合作系统调用的接口：以接口密钥认证，按外部编号去重，可安全重试。' },
  { name: 'public 公众举报', description: '公众举报页面使用的接口：无需登录，按来源地址限流，超出免费额度后需先完成工作量证明。' },
  { name: 'auth 登录', description: '登录、退出、当前用户与修改密码。' },
  { name: 'reports 举报', description: '举报受理、分办、处置、回复与办理时限。' },
  { name: 'transfers 移交', description: '举报移交相关单位办理：签收、答复、退回、催办。' },
  { name: 'orders 处置通知', description: '向平台下发处置通知并跟踪落实。' },
  { name: 'patrol 巡查', description: '巡查来源、内容推送与导入、词库、研判队列与术语检查。' },
  { name: 'registry 属地台账', description: '属地网站平台台账：主体、分级、检查与约谈记录、整改、导入导出、抽查。' },
  { name: 'stats 统计与报告', description: '统计看板、数据导出、工作报告与透明度月报发布。' },
  { name: 'documents 文书', description: '按版本化模板生成的文书（Word）：生成、查询与下载；每份文书的文件哈希记入其生成事件，下载时核对。' },
  { name: 'jurisdictions 属地', description: '属地层级（市、区县、街镇）的维护。' },
  { name: 'units 单位', description: '机关、部门与平台单位。' },
  { name: 'users 用户', description: '用户账号、所属单位与角色。' },
  { name: 'roles 角色权限', description: '角色及其权限。' },
  { name: 'calendar 工作日历', description: '工作日与节假日调整，用于计算办理时限。' },
  { name: 'notifications 通知', description: '站内通知。' },
  { name: 'todos 待办', description: '当前用户的待办：各模块登记的待处理事项，按权限和管辖范围计数与列出。' },
  { name: 'api keys 接口密钥', description: '为单位签发与吊销接口密钥（平台对接使用）。' },
  { name: 'audit 审计', description: '操作事件记录的查询。' },
] as const;
export type ApiTag = (typeof API_TAGS)[number]['name'];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a route answers on success: a JSON schema per status, or `file` for a download (xlsx, docx, csv …). */
export type RouteResponses = Partial<Record<200 | 201 | 202 | 204, z.ZodType>>;

export interface RouteDef {
  readonly method: HttpMethod;
  /** fastify path syntax: `/api/units/:id` */
  readonly path: string;
  /** one Chinese line: the operation's name in /api/docs */
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly [ApiTag, ...ApiTag[]];
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly headers?: z.ZodType;
  /** request media types other than JSON (a raw upload) */
  readonly consumes?: readonly string[];
  /** JSON responses by status; omitted for a file download */
  readonly response?: RouteResponses;
  /** the response is a file (Content-Disposition: attachment), not JSON */
  readonly file?: true;
  /** the domain errors this route answers beyond the standard ones (see apps/server/src/http/openapi.ts) */
  readonly errors?: readonly ErrorCode[];
  /** a request body /api/docs shows as the example */
  readonly bodyExample?: unknown;
  /** left out of /api/docs */
  readonly hide?: boolean;
}

/** Checks a module's table of routes against RouteDef while keeping each entry's literal types. */
export const defineRoutes = <const T extends Record<string, RouteDef>>(table: T): T => table;

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What the server's handler receives (parsed) for route D. */
export interface RouteInput<D extends RouteDef> {
  params: Out<D['params']>;
  query: Out<D['query']>;
  body: Out<D['body']>;
}

type SuccessSchema<R> = R extends RouteResponses
  ? R[200] extends z.ZodType ? R[200] : R[201] extends z.ZodType ? R[201] : R[202] extends z.ZodType ? R[202] : R[204] extends z.ZodType ? R[204] : never
  : never;
/** The success body of route D as the server sends it (before serialization). */
export type RouteOutput<D extends RouteDef> = D['file'] extends true ? unknown : z.input<SuccessSchema<D['response']>>;
/** The success body of route D as the client receives it (after JSON). */
export type RouteResult<D extends RouteDef> = z.output<SuccessSchema<D['response']>>;

type Part<K extends string, S> = S extends z.ZodType ? (undefined extends z.input<S> ? { [P in K]?: z.input<S> } : { [P in K]: z.input<S> }) : { [P in K]?: never };
/**
 * A query string's fields are coerced from text on the server, so their input types say little (`unknown`);
 * the client passes the parsed shape instead, every field optional (defaults apply on the server).
 */
type QueryPart<S> = S extends z.ZodType ? { query?: Partial<z.output<S>> } : { query?: never };
/** What a client passes to call route D: path params, query and body, each required when the route's schema requires it. */
export type CallInput<D extends RouteDef> = Part<'params', D['params']> & QueryPart<D['query']> & Part<'body', D['body']>;

/** `/api/units/:id` with `{ id }` → `/api/units/5c1…`; every `:name` must be given. */
export function routePath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '') throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}
