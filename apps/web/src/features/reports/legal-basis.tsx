import { Flex, Tag } from 'antd';
import type { LegalBasisInput, ReportOptions } from '@tianlang/contracts';

/** 《网络安全法》第十二条第一项: how a legal basis is cited in a decision (the law is stored with or without its 《》). */
export const legalBasisText = (b: LegalBasisInput) => `《${b.law.replace(/^《|》$/g, '')}》${b.article}${b.item ?? ''}`;

/** A stable key for one basis, so a multi-select can carry it as its value. */
export const legalBasisKey = (b: LegalBasisInput) => JSON.stringify([b.law, b.versionDate, b.article, b.item ?? '']);

export function parseLegalBasisKey(key: string): LegalBasisInput {
  const [law, versionDate, article, item] = JSON.parse(key) as [string, string, string, string];
  return item ? { law, versionDate, article, item } : { law, versionDate, article };
}

/** Every basis in the taxonomy, without repeats: the handler may cite one from another category. */
export function allLegalBases(options: ReportOptions | undefined): LegalBasisInput[] {
  const seen = new Map<string, LegalBasisInput>();
  for (const c of options?.categories ?? []) for (const b of c.legalBasis) seen.set(legalBasisKey(b), b);
  return [...seen.values()];
}

/** The bases of the report's category and special zone, to prefill a disposal. */
export function categoryLegalBases(options: ReportOptions | undefined, codes: (string | null)[]): LegalBasisInput[] {
  return (options?.categories ?? []).filter((c) => codes.includes(c.code)).flatMap((c) => c.legalBasis);
}

export function LegalBasisList({ items }: { items: LegalBasisInput[] }) {
  if (items.length === 0) return <span>—</span>;
  return (
    <Flex wrap gap={4}>
      {items.map((b) => (
        <Tag key={legalBasisKey(b)} color="blue" bordered={false} title={b.versionDate}>
          {legalBasisText(b)}
        </Tag>
      ))}
    </Flex>
  );
}
