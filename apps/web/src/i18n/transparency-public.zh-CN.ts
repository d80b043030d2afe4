/** The public transparency page (网络举报受理情况公开). */
export const transparencyPublicZhCN = {
  'pubT.title': '网络举报受理情况公开', 'pubT.intro': '本页公布本单位每月受理网络违法和不良信息举报的情况，数据经领导审核后发布，发布后不再变动；如有更正，将注明原因。',
  'pubT.months': '已公布月份', 'pubT.none': '暂无已公布的数据', 'pubT.heading': '{month}网络举报受理情况',
  'pubT.summary': '{month}，{office}共受理网络违法和不良信息举报 {total} 件，环比{mom}，同比{yoy}。',
  'pubT.up': '增长{v}%', 'pubT.down': '下降{v}%', 'pubT.flat': '持平', 'pubT.na': '（上期无数据）',
  'pubT.byLevel': '按受理层级', 'pubT.byCategory': '按举报类别', 'pubT.count': '件数', 'pubT.share': '占比', 'pubT.mom': '环比',
  'pubT.correction': '更正说明（第 {v} 版）：{text}', 'pubT.approvedAt': '发布时间：{at}', 'pubT.feed': '数据接口（JSON）', 'pubT.link': '举报受理情况公开',
};
