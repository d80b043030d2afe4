import type { LegalBasis } from '../db/schema';

const ECO = '《网络信息内容生态治理规定》';
const ECO_DATE = '2019-12-15';
const CSL = '《中华人民共和国网络安全法》';
const CSL_DATE = '2016-11-07';
const eco6 = (item: string): LegalBasis => ({ law: ECO, versionDate: ECO_DATE, article: '第六条', item });
const eco7 = (item: string): LegalBasis => ({ law: ECO, versionDate: ECO_DATE, article: '第七条', item });
const csl = (article: string): LegalBasis => ({ law: CSL, versionDate: CSL_DATE, article });
const ACCOUNT: LegalBasis = { law: '《互联网用户账号信息管理规定》', versionDate: '2022-06-27', article: '第八条' };

export interface CategorySeed { code: string; name: string; kind: 'category' | 'zone'; parentCode?: string; legalBasis: LegalBasis[] }

/** The default report taxonomy (editable later); zones are the special 专区 of the reporting centres. */
export const DEFAULT_TAXONOMY: CategorySeed[] = [
  { code: 'terror', name: '暴恐类', kind: 'category', legalBasis: [eco6('第五项'), csl('第十二条'),
    { law: '《中华人民共和国反恐怖主义法》', versionDate: '2018-04-27', article: '第十九条' }] },
  { code: 'fraud', name: '诈骗类', kind: 'category', legalBasis: [csl('第四十六条'),
    { law: '《中华人民共和国反电信网络诈骗法》', versionDate: '2022-09-02', article: '第二十五条' }] },
  { code: 'porn', name: '色情类', kind: 'category', legalBasis: [eco6('第九项'), csl('第十二条')] },
  { code: 'vulgar', name: '低俗类', kind: 'category', legalBasis: [eco7('第四项'), eco7('第七项')] },
  { code: 'gambling', name: '赌博类', kind: 'category', legalBasis: [eco6('第九项'), csl('第十二条')] },
  { code: 'infringement', name: '侵权类', kind: 'category', legalBasis: [eco6('第十项'),
    { law: '《中华人民共和国民法典》', versionDate: '2020-05-28', article: '第一千一百九十五条' }] },
  { code: 'infringement.privacy', name: '隐私', kind: 'category', parentCode: 'infringement', legalBasis: [eco6('第十项')] },
  { code: 'infringement.insult', name: '侮辱', kind: 'category', parentCode: 'infringement', legalBasis: [eco6('第十项')] },
  { code: 'infringement.defamation', name: '诽谤', kind: 'category', parentCode: 'infringement', legalBasis: [eco6('第十项')] },
  { code: 'infringement.enterprise', name: '涉企侵权', kind: 'category', parentCode: 'infringement', legalBasis: [eco6('第十项')] },
  { code: 'rumor', name: '谣言类', kind: 'category', legalBasis: [eco6('第八项'), csl('第十二条')] },
  { code: 'cyberviolence', name: '网络暴力', kind: 'category', legalBasis: [eco6('第十项'), eco7('第六项')] },
  { code: 'other', name: '其他', kind: 'category', legalBasis: [eco6('第十一项'), eco7('第九项'), csl('第四十七条'), ACCOUNT] },
  { code: 'zone.enterprise', name: '涉企侵权', kind: 'zone', legalBasis: [eco6('第十项')] },
  { code: 'zone.cyberviolence', name: '涉网络暴力', kind: 'zone', legalBasis: [eco6('第十项')] },
  { code: 'zone.elderly_fraud', name: '涉养老诈骗', kind: 'zone', legalBasis: [csl('第四十六条')] },
  { code: 'zone.algorithm', name: '涉算法推荐', kind: 'zone', legalBasis: [
    { law: '《互联网信息服务算法推荐管理规定》', versionDate: '2021-12-31', article: '第六条' }] },
  { code: 'zone.practitioners', name: '网络内容从业人员违法违规', kind: 'zone', legalBasis: [ACCOUNT] },
  { code: 'zone.minors', name: '涉未成年人', kind: 'zone', legalBasis: [eco7('第八项'),
    { law: '《未成年人网络保护条例》', versionDate: '2023-10-16', article: '第二十二条' }] },
];
