import type { BuiltinRole, ErrorCode, JurisdictionLevel, Permission, UnitKind } from '@tianlang/contracts';

/** Error texts by API code, plus the two codes the client makes up itself. */
const errors = {
  'error.request.invalid': '提交的内容不符合要求，请检查后重试',
  'error.request.malformed_json': '请求格式错误',
  'error.request.too_large': '提交的内容过大',
  'error.request.unsupported_media_type': '不支持的请求类型',
  'error.request.rate_limited': '操作过于频繁，请稍后再试',
  'error.auth.unauthenticated': '请先登录',
  'error.auth.invalid_credentials': '用户名或密码错误',
  'error.auth.locked': '账号已临时锁定，请稍后再试',
  'error.auth.session_expired': '登录已过期，请重新登录',
  'error.auth.csrf_invalid': '页面已过期，请刷新后重试',
  'error.auth.forbidden': '您没有执行此操作的权限',
  'error.auth.password_weak': '密码强度不足，请使用至少 10 位且不易猜测的密码',
  'error.auth.password_mismatch': '当前密码不正确',
  'error.resource.not_found': '记录不存在或已被删除',
  'error.resource.conflict': '与现有记录冲突，请刷新后重试',
  'error.jurisdiction.invalid_parent': '上级属地不正确（层级须为 市 → 区县 → 镇街 → 社区）',
  'error.jurisdiction.out_of_scope': '该属地不在您的管辖范围内',
  'error.jurisdiction.has_children': '该属地下还有下级，不能执行此操作',
  'error.unit.out_of_scope': '该单位不在您的管辖范围内',
  'error.user.username_taken': '用户名已被使用',
  'error.user.cannot_modify_self': '不能对自己的账号执行此操作',
  'error.role.builtin_locked': '该内置角色不可修改',
  'error.role.unknown_permission': '包含未知的权限',
  'error.calendar.invalid_day': '该日期不能这样设置',
  'error.deadline.invalid_transition': '期限当前状态不允许此操作',
  'error.lexicon.invalid_rule': '规则未通过校验（如正则表达式不安全或格式有误），未作任何修改',
  'error.lexicon.invalid_file': '词库文件格式有误，整个文件未导入',
  'error.patrol.invalid_source': '该信息源不支持此操作（请检查信息源类型）',
  'error.patrol.already_reviewed': '该信息已由他人审核，已刷新列表',
  'error.patrol.invalid_import': '导入文件有误，整个文件未导入',
  'error.apikey.invalid': '接口密钥无效或已吊销',
  'error.server.unavailable': '服务暂时不可用，请稍后再试',
  'error.server.internal': '服务器内部错误，请稍后再试',
} satisfies Record<`error.${ErrorCode}`, string>;

const permissions = {
  'perm.admin.jurisdictions.manage': '管理属地',
  'perm.admin.units.manage': '管理单位',
  'perm.admin.users.manage': '管理用户',
  'perm.admin.roles.manage': '管理角色与权限',
  'perm.admin.calendar.manage': '管理工作日历',
  'perm.directory.read': '查看单位与人员通讯录',
  'perm.audit.read': '查看审计日志',
  'perm.reports.intake': '举报受理',
  'perm.reports.assess': '举报研判',
  'perm.reports.dispose': '举报处置',
  'perm.reports.reply': '答复举报人',
  'perm.transfers.handle': '办理移交件',
  'perm.orders.answer': '答复处置通知（平台）',
  'perm.registry.manage': '管理属地台账',
  'perm.patrol.review': '巡查信息审核',
  'perm.patrol.manage': '巡查信息源与词库管理',
  'perm.admin.apikeys.manage': '管理接口密钥',
  'perm.rumors.manage': '辟谣管理',
  'perm.events.manage': '舆情事件处置',
  'perm.enforcement.handle': '行政执法与约谈',
  'perm.legal.review': '法制审核',
  'perm.publishing.edit': '稿件编辑',
  'perm.publishing.approve': '稿件审核签发',
  'perm.approvals.decide': '审批（延期、办结等）',
  'perm.stats.read': '查看统计报告',
  'perm.alliance.republish': '辟谣转载登记',
} satisfies Record<`perm.${Permission}`, string>;

const roleNames = {
  'roleName.admin': '系统管理员',
  'roleName.intake': '受理员',
  'roleName.analyst': '研判员',
  'roleName.handler': '处置员',
  'roleName.partner': '协同部门联络员',
  'roleName.platform_liaison': '平台联络员',
  'roleName.enforcement': '执法人员',
  'roleName.legal_reviewer': '法制审核员',
  'roleName.leader': '领导',
  'roleName.alliance': '辟谣联盟成员',
  'roleName.volunteer': '志愿者',
} satisfies Record<`roleName.${BuiltinRole}`, string>;

const levels = {
  'level.city': '市',
  'level.district': '区县',
  'level.town': '镇街',
  'level.community': '社区（网格）',
} satisfies Record<`level.${JurisdictionLevel}`, string>;

const unitKinds = {
  'unitKind.office': '网信办',
  'unitKind.department': '协同部门',
  'unitKind.platform': '网络平台',
  'unitKind.alliance': '辟谣联盟成员单位',
} satisfies Record<`unitKind.${UnitKind}`, string>;

/** Texts keyed by the contracts' enums: the typecheck fails when one is missing. */
export const labelsZhCN = { ...errors, ...permissions, ...roleNames, ...levels, ...unitKinds };
