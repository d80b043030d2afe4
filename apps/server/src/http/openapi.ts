import type { FastifySchema, RouteOptions } from 'fastify';
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CSRF_HEADER, ERROR_STATUS, ErrorBodySchema, SESSION_COOKIE, type ErrorCode } from '@tianlang/contracts';
import { SETTING_SCOPES } from '../modules/settings/settings-scope';

declare module 'fastify' {
  interface FastifySchema {
    /**
     * The domain errors this route answers beyond the standard ones, which the API document adds from the
     * route's access rule and schemas (see errorResponses): invalid input, no session, no permission, unknown id …
     */
    errors?: readonly ErrorCode[];
    /** a request body the document shows as the example (and "Try it out" starts from); test/openapi.test.ts parses it */
    bodyExample?: unknown;
  }
}

/**
 * The groups of the API document, in the order /api/docs shows them. Every operation carries one of these
 * tags (its module; the two platform endpoints also carry the first); test/openapi.test.ts holds every route to it.
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
  { name: 'api keys 接口密钥', description: '为单位签发与吊销接口密钥（平台对接使用）。' },
  { name: 'audit 审计', description: '操作事件记录的查询。' },
] as const;

/** Security schemes of the document; each operation gets its own from its access rule (see securityOf). */
const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey', in: 'cookie', name: SESSION_COOKIE,
    description: `控制台会话：登录后由服务器设置的 Cookie。除 GET 以外的请求还须在 \`${CSRF_HEADER}\` 请求头中带上登录响应返回的 CSRF 令牌。`,
  },
  apiKey: {
    type: 'http', scheme: 'bearer', bearerFormat: 'tl_…',
    description: '接口密钥：`Authorization: Bearer tl_…`。密钥由管理员在「接口密钥」页为本单位签发，仅在签发时显示一次；每个密钥带有权限范围（scope），只能调用范围内的接口。',
  },
} as const;

/** The API document's top level: info, module groups in order, security schemes, the shared error body. */
export const openapiDocument: FastifyDynamicSwaggerOptions['openapi'] = {
  openapi: '3.0.3',
  info: {
    title: 'Tianlang 天朗 API',
    version: '0.1.0',
    description: '网信办举报受理处置与属地管理平台。所有错误以同一结构返回：`{ code, message, details? }`，'
      + '调用方按 `code`（稳定的错误码）判断，不要依赖 `message` 的文字。',
  },
  tags: API_TAGS.map((t) => ({ ...t })),
  components: {
    securitySchemes: SECURITY_SCHEMES,
    // the body of every error response (see errorResponses)
    schemas: { ErrorBody: z.toJSONSchema(ErrorBodySchema, { target: 'openapi-3.0' }) as object },
  },
};

const STATUS_TEXT: Record<number, string> = {
  400: '请求不合法', 401: '未认证', 403: '无权执行', 404: '资源不存在或不在管辖范围内', 409: '与当前状态冲突',
  413: '请求体过大', 415: '不支持的内容类型', 422: '内容无法处理', 428: '需要先完成工作量证明', 429: '请求过于频繁',
  500: '服务器内部错误', 502: '外部请求失败', 503: '服务暂不可用',
};

const EXAMPLE_MESSAGE = '（供排查的说明，调用方请按 code 判断）';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** A path naming a record by its id (`:id`, `:fileId` …): an unknown or out-of-scope one is a 404. */
const ID_PARAM = /\/:\w*(id|Id)\b/;
type RouteView = Pick<RouteOptions, 'method' | 'url' | 'config'> & { schema?: FastifySchema };

/** The error codes a route can answer: the standard ones its access rule and schemas imply, then its own. */
function errorCodesOf(route: RouteView): ErrorCode[] {
  const { config = {}, schema = {}, url } = route;
  const methods = [route.method].flat();
  const codes: ErrorCode[] = [];
  const readsBody = !!schema.body || !!schema.consumes;
  if (schema.body || schema.querystring || schema.params || schema.headers) codes.push('request.invalid');
  if (schema.body) codes.push('request.malformed_json');
  if (config.apiKeyScope) codes.push('apikey.invalid', 'auth.forbidden');
  else if (!config.public) {
    codes.push('auth.unauthenticated', 'auth.session_expired');
    if (!config.beforePasswordChange) codes.push('auth.password_change_required');
    if (methods.some((m) => !SAFE.has(m))) codes.push('auth.csrf_invalid');
    if (config.permission) codes.push('auth.forbidden');
    if (config.settings && methods.some((m) => !SAFE.has(m))) {
      codes.push(SETTING_SCOPES[config.settings] === 'root_only' ? 'settings.root_only' : 'settings.not_own_level');
    }
  }
  if (ID_PARAM.test(url)) codes.push('resource.not_found');
  if (readsBody) codes.push('request.too_large', 'request.unsupported_media_type');
  if (config.rateLimit) codes.push('request.rate_limited');
  return [...new Set([...codes, ...(schema.errors ?? [])])];
}

/** One documented response per status, each the shared error body, listing the codes that status carries. */
function errorResponses(codes: readonly ErrorCode[]) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  return Object.fromEntries([...byStatus].sort(([a], [b]) => a - b).map(([status, list]) => [status, {
    description: `${STATUS_TEXT[status] ?? '错误'}。错误码：${list.map((c) => `\`${c}\``).join('、')}`,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' }, example: { code: list[0], message: EXAMPLE_MESSAGE } } },
  }]));
}

/** Who may call the route, as the document's security requirement (an empty list: no authentication). */
function securityOf(route: RouteView) {
  if (route.config?.apiKeyScope) return [{ apiKey: [] }];
  return route.config?.public ? [] : [{ session: [] }];
}

/** What the route needs, appended to its description: the API key's scope or the session's permission. */
function accessNote(route: RouteView): string | undefined {
  if (route.config?.apiKeyScope) return `认证：接口密钥，权限范围 \`${route.config.apiKeyScope}\`。`;
  if (route.config?.permission) return `认证：控制台会话，需要权限 \`${route.config.permission}\`。`;
  return undefined;
}

/** Success responses say so in Chinese, where the route gave no words of its own. */
const described = (response: Record<string, object> = {}) =>
  Object.fromEntries(Object.entries(response).map(([status, r]) => [status, { description: '成功', ...r }]));

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

/**
 * The swagger transform: zod schemas to JSON schema (fastify-type-provider-zod), then each operation's
 * security, access note and error responses from its route's config, so no route writes these by hand.
 */
export function openapiTransform(input: TransformInput) {
  const out = jsonSchemaTransform(input);
  const schema = out.schema as Record<string, unknown> | undefined;
  if (!schema || schema.hide) return out;
  const route = (input as TransformInput & { route: RouteView }).route;
  const { errors: _named, bodyExample, ...rest } = schema;
  if (bodyExample !== undefined && rest.body) rest.body = { ...(rest.body as object), examples: [bodyExample] };
  const note = accessNote(route);
  return {
    ...out,
    schema: {
      ...rest,
      ...(note ? { description: [rest.description, note].filter(Boolean).join('\n\n') } : {}),
      security: securityOf(route),
      response: { ...described(rest.response as Record<string, object> | undefined), ...errorResponses(errorCodesOf(route)) },
    },
  };
}
