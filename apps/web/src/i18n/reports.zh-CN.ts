import type {
  ACCOUNT_MEASURES, BULK_ACTIONS, DEADLINE_STATUSES, DISPOSAL_KINDS, ORDER_ANSWERS, ORDER_MEASURES, ORDER_STATES, PUBLIC_STAGES,
  RECHECK_RESULTS, REJECT_REASONS, REPORT_CHANNELS, REPORT_OUTCOMES, REPORT_QUEUES, REPORT_STATES, TRANSFER_KINDS, TRANSFER_STATES,
} from '@tianlang/contracts';

type Keys<P extends string, T extends readonly string[]> = `${P}.${T[number]}`;

const enums = {
  'rptState.submitted': '待受理', 'rptState.accepted': '已受理', 'rptState.rejected': '不予受理', 'rptState.merged': '已合并',
  'rptState.assessing': '研判中', 'rptState.disposing': '处置中', 'rptState.transferred': '移交中', 'rptState.disposed': '已处置',
  'rptState.answered': '已回复', 'rptState.closed': '已办结',
  'rptChannel.web': '网页', 'rptChannel.mobile': '手机网页', 'rptChannel.embed': '平台嵌入', 'rptChannel.api': '接口',
  'rptChannel.trusted': '核心举报员', 'rptChannel.phone': '电话', 'rptChannel.mail': '邮件', 'rptChannel.letter': '来信', 'rptChannel.visit': '来访', 'rptChannel.patrol': '巡查发现',
  'rptQueue.new': '待受理', 'rptQueue.assessing': '研判中', 'rptQueue.disposing': '处置中', 'rptQueue.transferred': '移交中',
  'rptQueue.reply': '待答复', 'rptQueue.overdue': '已超期', 'rptQueue.mine': '我的', 'rptQueue.all': '全部',
  'rptReject.not_harmful_info': '不属于违法和不良信息', 'rptReject.insufficient_info': '举报信息不全，无法核查',
  'rptReject.duplicate': '重复举报', 'rptReject.not_internet': '不属于互联网信息', 'rptReject.personal_dispute': '属个人纠纷',
  'rptReject.malicious': '恶意举报', 'rptReject.other': '其他',
  'rptKind.order_platform': '责令平台处置', 'rptKind.account_action': '账号处置', 'rptKind.referral': '移交部门',
  'rptKind.no_violation': '未发现违法违规', 'rptKind.out_of_jurisdiction': '非本辖区转办',
  'rptMeasure.remove': '删除', 'rptMeasure.restrict': '限制传播', 'rptMeasure.label': '加注标识',
  'rptMeasure.warn': '警示', 'rptMeasure.limit': '限制功能', 'rptMeasure.suspend': '暂停更新', 'rptMeasure.close': '关闭账号',
  'rptTransferKind.police': '公安', 'rptTransferKind.market': '市场监管', 'rptTransferKind.culture': '文化旅游',
  'rptTransferKind.health': '卫生健康', 'rptTransferKind.education': '教育', 'rptTransferKind.other': '其他部门',
  'rptTransferState.sent': '待签收', 'rptTransferState.signed': '已签收', 'rptTransferState.replied': '已回函', 'rptTransferState.returned': '已退回',
  'rptOrderState.issued': '待答复', 'rptOrderState.answered': '已答复', 'rptOrderState.rechecked': '已复核', 'rptOrderState.escalated': '已督办',
  'rptAnswer.done': '已处置', 'rptAnswer.partial': '部分处置', 'rptAnswer.refused': '拒绝处置',
  'rptRecheck.removed': '已删除 / 已整改', 'rptRecheck.still_present': '仍然存在',
  'rptOutcome.handled': '已依法处置', 'rptOutcome.referred': '已移交相关部门', 'rptOutcome.no_violation': '未发现违法违规',
  'rptOutcome.out_of_jurisdiction': '非本辖区，已转办', 'rptOutcome.rejected': '不予受理',
  'rptStage.submitted': '已提交', 'rptStage.accepted': '已受理', 'rptStage.handling': '处理中', 'rptStage.finished': '已办结',
  'rptStage.rejected': '不予受理', 'rptStage.reviewing': '复查中',
  'rptBulkAction.accept': '批量受理', 'rptBulkAction.assign': '批量指派', 'rptBulkAction.merge': '批量合并', 'rptBulkAction.reply': '批量答复',
  'rptDeadline.on_time': '正常', 'rptDeadline.at_risk': '临期', 'rptDeadline.overdue': '超期',
} satisfies Record<
  | Keys<'rptState', typeof REPORT_STATES> | Keys<'rptChannel', typeof REPORT_CHANNELS> | Keys<'rptQueue', typeof REPORT_QUEUES>
  | Keys<'rptReject', typeof REJECT_REASONS> | Keys<'rptKind', typeof DISPOSAL_KINDS>
  | Keys<'rptMeasure', typeof ORDER_MEASURES> | Keys<'rptMeasure', typeof ACCOUNT_MEASURES>
  | Keys<'rptTransferKind', typeof TRANSFER_KINDS> | Keys<'rptTransferState', typeof TRANSFER_STATES>
  | Keys<'rptOrderState', typeof ORDER_STATES> | Keys<'rptAnswer', typeof ORDER_ANSWERS> | Keys<'rptRecheck', typeof RECHECK_RESULTS>
  | Keys<'rptOutcome', typeof REPORT_OUTCOMES> | Keys<'rptStage', typeof PUBLIC_STAGES> | Keys<'rptBulkAction', typeof BULK_ACTIONS>
  | Keys<'rptDeadline', typeof DEADLINE_STATUSES>,
  string
>;

/** Buttons of the detail page (allowedActions), what they did, and other small closed sets. */
const actions = {
  'rptAction.claim': '认领', 'rptAction.release': '释放', 'rptAction.assign': '指派', 'rptAction.accept': '受理',
  'rptAction.reject': '不予受理', 'rptAction.merge': '合并', 'rptAction.split': '拆分', 'rptAction.forward': '转属地',
  'rptAction.assess': '研判', 'rptAction.dispose': '处置', 'rptAction.complete': '处置完毕', 'rptAction.reply': '答复',
  'rptAction.close': '办结', 'rptAction.reveal': '查看联系方式',
  'rptDone.claim': '已认领', 'rptDone.release': '已释放', 'rptDone.accept': '已受理', 'rptDone.complete': '已标记处置完毕', 'rptDone.close': '已办结',
  'rptConfirm.accept': '受理举报 {no}？', 'rptConfirm.complete': '确认举报 {no} 处置完毕？', 'rptConfirm.close': '办结举报 {no}？',
  'rptSeverity.1': '1 · 轻微', 'rptSeverity.2': '2 · 一般', 'rptSeverity.3': '3 · 较重', 'rptSeverity.4': '4 · 严重', 'rptSeverity.5': '5 · 特别严重',
  'rptRelation.same_url': '同一链接', 'rptRelation.same_platform_account': '同一平台账号', 'rptRelation.same_reporter': '同一举报人',
  'rptEvidence.image': '图片', 'rptEvidence.pdf': 'PDF', 'rptEvidence.video': '视频',
  'rptIntake.rejectTitle': '不予受理 · {no}', 'rptIntake.mergeTitle': '合并 · {no}', 'rptIntake.splitTitle': '拆分 · {no}',
  'rptIntake.forwardTitle': '转属地 · {no}', 'rptIntake.assignTitle': '指派 · {no}',
};

/** The event log's actions as a timeline reads them. */
const events = {
  'rptEvent.report.submitted': '提交举报', 'rptEvent.report.clustered': '自动并入相似举报', 'rptEvent.report.member_joined': '并入一件举报',
  'rptEvent.report.member_split': '拆出一件举报', 'rptEvent.report.accept': '受理', 'rptEvent.report.reject': '不予受理',
  'rptEvent.report.merge': '合并', 'rptEvent.report.split': '拆分', 'rptEvent.report.forward': '转属地',
  'rptEvent.report.assess': '开始研判', 'rptEvent.report.assessed': '研判', 'rptEvent.report.dispose': '处置',
  'rptEvent.report.transfer': '移交部门', 'rptEvent.report.transfer_settled': '移交件办结', 'rptEvent.report.complete': '处置完毕',
  'rptEvent.report.reply': '答复举报人', 'rptEvent.report.close': '办结', 'rptEvent.report.review': '复查重新研判',
  'rptEvent.report.review_requested': '举报人申请复查', 'rptEvent.report.assigned': '指派', 'rptEvent.report.claimed': '认领',
  'rptEvent.report.released': '释放', 'rptEvent.report.contact_revealed': '查看举报人联系方式',
  'rptEvent.report.disposal_added': '追加处置措施', 'rptEvent.report.answered_via_cluster': '随主举报答复',
  'rptEvent.report.transfer_signed': '移交件已签收', 'rptEvent.report.transfer_replied': '移交件已回函',
  'rptEvent.report.transfer_returned': '移交件被退回', 'rptEvent.report.transfer_urged': '催办移交件',
  'rptEvent.report.order_answered': '平台答复处置通知', 'rptEvent.report.order_rechecked': '复核处置结果',
  'rptEvent.report.order_escalated': '处置通知督办', 'rptEvent.transfer.sent': '发出移交件', 'rptEvent.transfer.signed': '移交件签收',
  'rptEvent.transfer.replied': '移交件回函', 'rptEvent.transfer.returned': '移交件退回', 'rptEvent.transfer.urged': '催办移交件',
  'rptEvent.order.issued': '发出处置通知', 'rptEvent.order.answered': '平台答复处置通知', 'rptEvent.order.rechecked': '复核处置结果',
  'rptEvent.order.escalated': '处置通知督办',
  'rptEvent.deadline.started': '开始计时', 'rptEvent.deadline.met': '按期办结', 'rptEvent.deadline.pause': '暂停计时',
  'rptEvent.deadline.resume': '恢复计时', 'rptEvent.deadline.extend': '延长时限', 'rptEvent.deadline.cancel': '停止计时',
  'rptEvent.deadline.at_risk': '即将到期', 'rptEvent.deadline.overdue': '已超期',
  'rptSubject.transfer': '移交件', 'rptSubject.order': '处置通知',
  'rptClock.report.accept': '受理时限', 'rptClock.report.dispose': '处置时限', 'rptClock.report.reply': '答复时限',
  'rptClock.transfer.reply': '移交回函时限', 'rptClock.order.answer': '平台答复时限',
};

export const reportsZhCN = {
  ...enums,
  ...actions,
  ...events,

  'nav.reportsQueue': '举报队列',
  'nav.reportsDetail': '举报详情',
  'nav.reportsTransfers': '移交件',
  'nav.reportsOrders': '处置通知',
  'nav.reportsTransferTracking': '移交跟踪',
  'nav.reportsOrderTracking': '通知跟踪',
  'nav.reportsTemplates': '答复模板',
  'nav.reportsMineTrusted': '我的举报',

  'rpt.trackingNo': '举报编号', 'rpt.state': '状态', 'rpt.category': '举报类别', 'rpt.zone': '专区', 'rpt.summary': '举报内容',
  'rpt.platform': '平台', 'rpt.account': '账号', 'rpt.jurisdiction': '属地', 'rpt.assignee': '承办人', 'rpt.unassigned': '未指派',
  'rpt.channel': '渠道', 'rpt.urls': '链接', 'rpt.description': '举报描述', 'rpt.submittedAt': '提交时间', 'rpt.deadline': '办理时限',
  'rpt.dueAt': '须于 {time} 前办结', 'rpt.cluster': '聚类', 'rpt.clusterHint': '共 {count} 件举报指向同一内容，一并办理',
  'rpt.trusted': '核心', 'rpt.trustedHint': '核心举报员提交，优先办理', 'rpt.priority': '优先级', 'rpt.notAssessed': '未研判',
  'rpt.reason': '理由', 'rpt.reasonRequired': '请填写理由（至少 2 个字）', 'rpt.actor': '操作人', 'rpt.time': '时间',
  'rpt.pickReport': '输入完整的举报编号', 'rpt.pickReportHint': '举报编号形如 JB20250301AB23CD45', 'rpt.pickReportNone': '没有找到该编号的举报',

  'rptQueue.searchHint': '举报编号、账号或平台（完整匹配）', 'rptQueue.trustedOnly': '只看核心举报员',
  'rptQueue.totalCapped': '超过 {total} 条', 'rptQueue.views': '我的视图', 'rptQueue.viewsEmpty': '还没有保存的视图',
  'rptQueue.viewSave': '保存为视图', 'rptQueue.viewNameHint': '视图名称，如“涉企侵权·待受理”', 'rptQueue.viewSaved': '视图已保存',
  'rptQueue.viewDelete': '删除视图', 'rptQueue.viewDeleteTitle': '删除这个视图？',

  'rptBulk.allMatching': '当前筛选的全部（{count} 件，最多 500 件）',
  'rptBulk.selected': '已选 {count} 件', 'rptBulk.action': '批量操作', 'rptBulk.preview': '预览变更', 'rptBulk.clear': '取消选择',
  'rptBulk.userRequired': '请选择承办人', 'rptBulk.intoRequired': '请选择合并到的举报', 'rptBulk.reasonHint': '理由（选填，记入办理记录）',
  'rptBulk.previewTitle': '{action} · 变更预览', 'rptBulk.summary': '可执行 {applicable} 件，将跳过 {skipped} 件。确认前不会做任何改动。',
  'rptBulk.fromTo': '状态变化', 'rptBulk.unchanged': '不变', 'rptBulk.check': '检查结果', 'rptBulk.ok': '可执行', 'rptBulk.skip': '跳过',
  'rptBulk.toAssignee': '改由 {name} 承办', 'rptBulk.intoPicked': '并入所选举报', 'rptBulk.confirm': '确认执行（{count} 件）',
  'rptBulk.done': '已执行 {applied} 件，跳过 {skipped} 件', 'rptBulk.batchNo': '批次号：', 'rptBulk.batch': '批次号', 'rptBulk.viewBatch': '查看批次记录',
  'rptBulk.batchTitle': '批量操作记录', 'rptBulk.result': '结果',

  'rptEntry.button': '新建举报', 'rptEntry.title': '登记电话、来信、来访举报', 'rptEntry.submit': '登记',
  'rptEntry.receivedAt': '收到时间', 'rptEntry.receivedAtHint': '电话接听、来信收到或来访的时间，时限从此起算',
  'rptEntry.zoneHint': '涉及专项治理的，选择对应专区', 'rptEntry.urlsHint': '粘贴链接后按回车，可填多条（最多 10 条）',
  'rptEntry.urlInvalid': '链接须以 http:// 或 https:// 开头', 'rptEntry.whereRequired': '请填写链接，或同时填写平台和账号', 'rptEntry.descriptionMin': '请描述举报内容（至少 10 个字）',
  'rptEntry.contact': '举报人联系方式（选填）', 'rptEntry.phone': '电话', 'rptEntry.email': '邮箱',
  'rptEntry.phoneInvalid': '电话号码格式不正确', 'rptEntry.emailInvalid': '邮箱格式不正确',
  'rptEntry.share': '举报人同意向协同部门提供联系方式', 'rptEntry.shareHint': '未经同意，移交时不会向其他部门提供举报人联系方式',
  'rptEntry.receiptTitle': '举报已登记', 'rptEntry.queryCode': '查询码', 'rptEntry.receiptDone': '已告知举报人',
  'rptEntry.receiptWarning': '请将举报编号和查询码告知举报人。查询码只显示这一次，关闭后无法再次查看。',

  'rptDetail.back': '返回举报队列', 'rptDetail.content': '举报内容', 'rptDetail.canonical': '规范化链接（用于查重）',
  'rptDetail.evidence': '证据材料（{count}）', 'rptDetail.noEvidence': '未提交证据材料', 'rptDetail.download': '下载',
  'rptDetail.unnamed': '未命名文件', 'rptDetail.stripped': '已清除元数据', 'rptDetail.strippedHint': '上传时已去除 EXIF 等元数据；原始文件 SHA-256：{hash}',
  'rptDetail.reporter': '举报人', 'rptDetail.contact': '联系方式', 'rptDetail.anonymous': '匿名举报（未留联系方式）',
  'rptDetail.shareable': '同意向协同部门提供', 'rptDetail.trustedReporter': '核心举报员', 'rptDetail.accuracy': '举报准确率',
  'rptDetail.accuracyValue': '{upheld} / {decided} 件查实（{pct}%）', 'rptDetail.accuracyNone': '暂无已办结的举报',
  'rptDetail.review': '复查申请', 'rptDetail.contactTitle': '举报人联系方式 · {no}',
  'rptDetail.contactAudited': '本次查看已记入审计日志。联系方式仅用于核实举报和反馈结果，请勿外传。',
  'rptDetail.cluster': '聚类（共 {count} 件）', 'rptDetail.mergedInto': '本举报已合并到 ', 'rptDetail.clusterReason': '聚类依据',
  'rptDetail.sameUrl': '链接相同', 'rptDetail.similarText': '描述相似度 {pct}%', 'rptDetail.members': '合并到本件的举报',
  'rptDetail.noMembers': '没有其他举报合并到本件', 'rptDetail.related': '相关举报', 'rptDetail.noRelated': '没有发现相关举报',
  'rptDetail.assessment': '研判', 'rptDetail.outcome': '办理结果', 'rptDetail.publicReply': '答复内容',
  'rptDetail.disposals': '处置措施（{count}）', 'rptDetail.noDisposals': '尚未作出处置',
  'rptDetail.transfers': '移交件（{count}）', 'rptDetail.noTransfers': '没有移交件',
  'rptDetail.orders': '处置通知（{count}）', 'rptDetail.noOrders': '没有发给平台的处置通知', 'rptDetail.timeline': '办理记录（{count}）',

  'rptIntake.reasonCode': '不予受理原因', 'rptIntake.mergeInto': '合并到', 'rptIntake.mergeHint': '合并后，本举报随主举报一并办理，举报人同样收到答复',
  'rptIntake.forwardTo': '转至属地', 'rptIntake.splitHint': '将本举报从 {into} 中拆出，作为独立举报重新受理。',

  'rptAssess.title': '研判 · {no}', 'rptAssess.submit': '保存研判', 'rptAssess.category': '举报类别',
  'rptAssess.categoryHint': '如举报人选择的类别不准确，在此更正；处置时的法律依据随之调整',
  'rptAssess.severity': '严重程度', 'rptAssess.severityHint': '1 轻微至 5 特别严重，影响办理优先级',
  'rptAssess.entity': '涉及主体', 'rptAssess.entityHint': '从属地台账中选择被举报的网站、平台或账号，可按名称、网址、备案号或账号搜索', 'rptAssess.note': '研判意见',
  'rptAssess.notePlaceholder': '核查情况、定性依据、处置建议',
  'rptEntity.placeholder': '输入名称、网址、备案号或账号搜索台账', 'rptEntity.notFound': '台账中未找到匹配的对象',
  'rptEntity.unavailable': '台账中无此对象，或不在本辖区', 'rptEntity.disposalHint': '默认为研判时认定的主体',

  'rptDisposal.title': '处置 · {no}', 'rptDisposal.submit': '确认处置', 'rptDisposal.kind': '处置方式',
  'rptDisposal.platform': '责令平台', 'rptDisposal.measure': '处置措施', 'rptDisposal.requirement': '处置要求',
  'rptDisposal.requirementPlaceholder': '如：删除所举报的帖子及其转发，并对发布账号予以警示',
  'rptDisposal.dueHours': '答复时限', 'rptDisposal.dueHoursHint': '平台须在此时限内答复，默认 {hours} 小时', 'rptDisposal.hours': '小时',
  'rptDisposal.department': '移交部门', 'rptDisposal.transferKind': '移交类型', 'rptDisposal.note': '移交说明',
  'rptDisposal.noteHint': '写明请对方核查或处理的事项；举报人未同意的，不会提供其联系方式',
  'rptDisposal.dueDays': '回函时限', 'rptDisposal.dueDaysHint': '此类移交默认 {days} 个工作日', 'rptDisposal.workingDays': '个工作日',
  'rptDisposal.targetOffice': '转办机关', 'rptDisposal.targetOfficeHint': '有管辖权的网信部门，如“某某区委网信办”',
  'rptDisposal.legalBasis': '法律依据', 'rptDisposal.legalBasisHint': '已按举报类别预填，可增删',
  'rptDisposal.legalBasisRequired': '请至少选择一项法律依据', 'rptDisposal.reasons': '处置理由',
  'rptDisposal.reasonsHint': '说明认定事实和适用依据，记入处置记录', 'rptDisposal.textMin': '请填写，至少 {min} 个字',

  'rptReply.title': '答复举报人 · {no}', 'rptReply.send': '发送答复', 'rptReply.outcome': '办理结果：{outcome}',
  'rptReply.template': '答复模板', 'rptReply.templateRequired': '请选择答复模板', 'rptReply.noTemplate': '没有适用于该办理结果的模板',
  'rptReply.autoFilled': '{names} 由系统自动填写。', 'rptReply.valueRequired': '请填写此项',
  'rptReply.suggested': '留空则使用系统根据已记录的处置措施生成的表述（见下方预览）。',
  'rptReply.preview': '答复预览', 'rptReply.pickTemplate': '选择模板后显示答复内容',
  'rptReply.missing': '尚未填写：', 'rptReply.complete': '内容已填写完整', 'rptReply.recipients': '将答复 {count} 位举报人',

  'rptTransfer.from': '移交单位', 'rptTransfer.to': '接收部门', 'rptTransfer.kind': '移交类型', 'rptTransfer.note': '移交说明',
  'rptTransfer.contact': '举报人联系方式', 'rptTransfer.createdAt': '移交时间', 'rptTransfer.signedAt': '签收时间',
  'rptTransfer.result': '回函 / 退回', 'rptTransfer.returnedBecause': '退回：{reason}', 'rptTransfer.urgeCount': '催办',
  'rptTransfer.drawerTitle': '移交件 · {no}', 'rptTransfer.reply': '回函内容', 'rptTransfer.returnReason': '退回理由',
  'rptTransfer.sign': '签收', 'rptTransfer.signed': '已签收', 'rptTransfer.replyTitle': '回函',
  'rptTransfer.replyHint': '写明核查结果和采取的措施', 'rptTransfer.replySubmit': '提交回函', 'rptTransfer.replied': '回函已提交',
  'rptTransfer.return': '退回', 'rptTransfer.returnTitle': '退回移交件 · {no}', 'rptTransfer.returnPlaceholder': '如：不属于本部门职责，建议移交某某部门',
  'rptTransfer.urge': '催办', 'rptTransfer.urgeTitle': '催办移交件 · {no}', 'rptTransfer.urgePlaceholder': '如：已临近回函时限，请尽快核查回复',

  'rptOrder.orderNo': '通知编号', 'rptOrder.answer': '平台答复', 'rptOrder.notAnswered': '未答复', 'rptOrder.late': '逾期答复',
  'rptOrder.escalated': '已督办', 'rptOrder.answerButton': '答复', 'rptOrder.answerTitle': '答复处置通知 · {no}',
  'rptOrder.answerSubmit': '提交答复', 'rptOrder.answerNote': '处置情况说明', 'rptOrder.answerNoteHint': '已处置的写明处置情况；拒绝或部分处置的写明理由',
  'rptOrder.recheck': '复核', 'rptOrder.recheckTitle': '复核处置结果 · {no}', 'rptOrder.recheckResult': '复核结果',
  'rptOrder.recheckHint': '打开原链接核实内容是否已按要求处置', 'rptOrder.recheckNote': '复核说明',

  'rptTemplate.create': '新建模板', 'rptTemplate.editTitle': '编辑模板「{name}」', 'rptTemplate.outcome': '适用结果',
  'rptTemplate.outcomeHint': '答复时只列出与举报办理结果相符的模板', 'rptTemplate.body': '模板正文', 'rptTemplate.bodyMin': '正文至少 10 个字',
  'rptTemplate.placeholders': '占位符', 'rptTemplate.found': '识别到的占位符', 'rptTemplate.updatedAt': '更新时间',
  'rptTemplate.placeholderIntro': '正文中可用 {{名称}} 作为占位符',
  'rptTemplate.autoList': '{names} 由系统按举报自动填写；',
  'rptTemplate.typedExample': '其他占位符（如 {{platformName}}、{{measure}}）在答复时由工作人员填写。',
  'rptTemplate.autoHint': '系统自动填写', 'rptTemplate.typedHint': '答复时填写',

  'rptPlaceholder.platformName': '平台名称', 'rptPlaceholder.measure': '处置措施', 'rptPlaceholder.department': '移交部门',
  'rptPlaceholder.result': '处理结果', 'rptPlaceholder.reason': '理由', 'rptPlaceholder.targetOffice': '转办机关',

  'rptTimeline.from': '原状态', 'rptTimeline.to': '新状态', 'rptTimeline.system': '系统', 'rptTimeline.public': '举报人（网上提交）', 'rptTimeline.batch': '批量',
  'rptTimeline.hashHint': '哈希链：{hash}', 'rptTimeline.clockStep': '{clock} · {step}',

  'rptTrusted.receiptTitle': '举报已提交', 'rptTrusted.receiptDone': '知道了',
  'rptTrusted.receiptWarning': '办理进度可在右侧列表查看。如需在公开查询页查询，请记下查询码，它只显示这一次。',
  'rptTrusted.formTitle': '提交举报', 'rptTrusted.formHint': '核心举报员的举报优先办理', 'rptTrusted.submit': '提交举报',
  'rptTrusted.listTitle': '我提交的举报（{total}）', 'rptTrusted.stage': '办理进度', 'rptTrusted.repliedAt': '答复时间：{time}',
};
